"""Recording a SOM's decision: the would-be group, the rules it breaks, and the YAML change.

Pure: the command reads the records, calls `plan_decision`, and hands `Change.mutate` to the
safe in-place editor. A decision that adds an error under WG2xx is always refused; one that
only adds warnings (vacancy, stagger) or exceeds the maximum term is refused unless an agreed
exception is named. The maximum-term exception is recorded as data the rules understand:
the term ends at the maximum and an `extension` (decided at the same SOM, with the exception
as its note) carries it to the agreed end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ruamel.yaml.comments import CommentedMap

from wgctl.errors import Problem, Severity, UserError
from wgctl.governance.chairing import chairing_problems
from wgctl.governance.terms import DAY, coverage_end, term_end_for
from wgctl.models import Extension, Group, Meeting, Organisation, Term
from wgctl.records import Records
from wgctl.roster.decide import next_rotation, policy_of


@dataclass(frozen=True)
class Decision:
    """What the SOM decided, as given on the command line."""

    decided_at: str
    seat: int
    member: str | None = None
    start: date | None = None
    years: int | None = None
    until: date | None = None  # with no member: extend the seat's current term to this day
    exception: str | None = None


@dataclass
class Change:
    """The YAML change to make and what the rules say about the result."""

    summary: str
    mutate: Callable[[Any], None]
    added: list[Problem]


def plan_decision(records: Records, group: Group, decision: Decision) -> Change:
    """The change a decision makes; raises UserError when the rules refuse it."""
    meeting = records.get(Meeting, decision.decided_at)
    if meeting is None:
        raise UserError(f"no meeting {decision.decided_at!r} in the records")
    policy = policy_of(group)
    if not 1 <= decision.seat <= policy.seats:
        raise UserError(f"seat {decision.seat} does not exist: {group.id} has {policy.seats}")
    if decision.member is None:
        return _extension(records, group, decision, meeting)
    if records.get(Organisation, decision.member) is None:
        raise UserError(f"no organisation {decision.member!r} in the records")
    start, end = _dates(records, group, decision, meeting)
    term: dict[str, Any] = {
        "seat": decision.seat,
        "member": decision.member,
        "start": start,
        "end": end,
        "decided_at": decision.decided_at,
    }
    limit = _max_end(group, decision.member, decision.seat, start)
    if decision.exception and end > limit >= start:
        term["end"] = limit
        term["extension"] = {
            "until": end,
            "decided_at": decision.decided_at,
            "note": decision.exception,
        }
    new = Term.model_validate(_as_model(term))
    after = group.model_copy(update={"terms": [*group.terms, new]})
    added = _judge(records, group, after, decision.exception, meeting.start)
    summary = f"seat {decision.seat}: {decision.member} from {start} to {end}, decided at {decision.decided_at}"

    def mutate(data: Any) -> None:
        data.setdefault("terms", [])
        data["terms"].append(_commented(term))

    return Change(summary, mutate, added)


def _dates(
    records: Records, group: Group, decision: Decision, meeting: Meeting
) -> tuple[date, date]:
    """Start and end: given, or what `roster next` proposes for that seat at that meeting."""
    policy = policy_of(group)
    rot = next_rotation(records, group, meeting.start)
    proposed = next((v for v in rot.vacancies if v.seat == decision.seat), None)
    if decision.start is not None:
        start = decision.start
    elif proposed is not None:
        start = proposed.start
    else:
        terms = [t for t in group.terms if t.seat == decision.seat]
        cov = coverage_end(terms, meeting.start)
        start = cov + DAY if cov is not None else date(meeting.start.year + 1, 1, 1)
    if decision.years is not None:
        return start, term_end_for(start, decision.years)
    if proposed is not None and proposed.start == start:
        return start, proposed.end
    return start, term_end_for(start, policy.max_term_years)


def _max_end(group: Group, member: str, seat: int, start: date) -> date:
    """The last day `member` may serve in `seat` from `start` without an agreed extension."""
    policy = policy_of(group)
    run = start
    for term in sorted(
        (t for t in group.terms if t.seat == seat), key=lambda t: t.start, reverse=True
    ):
        if term.member == member and term.effective_end + DAY >= run and term.start < run:
            run = term.start
    return term_end_for(run, policy.max_term_years)


def _extension(records: Records, group: Group, decision: Decision, meeting: Meeting) -> Change:
    if decision.until is None:
        raise UserError("give --member (a new term) or --until (extend the seat's current term)")
    seat_terms = [(i, t) for i, t in enumerate(group.terms) if t.seat == decision.seat]
    if not seat_terms:
        raise UserError(f"seat {decision.seat} has no term to extend")
    index, current = max(seat_terms, key=lambda it: it[1].start)
    if decision.until <= current.end:
        raise UserError(f"the current term of seat {decision.seat} already runs to {current.end}")
    ext: dict[str, Any] = {"until": decision.until, "decided_at": decision.decided_at}
    if decision.exception:
        ext["note"] = decision.exception
    terms = list(group.terms)
    terms[index] = current.model_copy(
        update={"extension": Extension.model_validate(_as_model(ext))}
    )
    after = group.model_copy(update={"terms": terms})
    added = _judge(records, group, after, decision.exception, meeting.start)
    summary = f"seat {decision.seat}: {current.member}'s term extended to {decision.until}, decided at {decision.decided_at}"

    def mutate(data: Any) -> None:
        data["terms"][index]["extension"] = _commented(ext)

    return Change(summary, mutate, added)


def _judge(
    records: Records, before: Group, after: Group, exception: str | None, today: date
) -> list[Problem]:
    """The WG2xx problems the change adds; refuse errors, and warnings without an exception."""
    old = {(p.rule, p.message) for p in _problems(records, before, today)}
    added = [p for p in _problems(records, after, today) if (p.rule, p.message) not in old]
    errors = [p for p in added if p.severity is Severity.ERROR]
    if errors or (added and not exception):
        first = added[0] if not errors else errors[0]
        more = f" (and {len(added) - 1} more)" if len(added) > 1 else ""
        hint = "" if errors else "; name the agreed exception with --agreed-exception"
        raise UserError(f"refused, nothing written: {first.message} [{first.rule}]{more}{hint}")
    return added


def _problems(records: Records, group: Group, today: date) -> list[Problem]:
    view = Records()
    for record in records:
        view.add(group if record.id == group.id and isinstance(record, Group) else record)
    return [p for p in chairing_problems(view, today) if p.path == group.path]


def _as_model(data: dict[str, Any]) -> dict[str, Any]:
    """Dates as the loader reads them (YYYY-MM-DD text), for strict model validation."""
    return {
        k: (v.isoformat() if isinstance(v, date) else _as_model(v) if isinstance(v, dict) else v)
        for k, v in data.items()
    }


def _commented(data: dict[str, Any]) -> Any:
    out = CommentedMap()
    for key, value in data.items():
        out[key] = (
            _commented(value)
            if isinstance(value, dict)
            else (value.isoformat() if isinstance(value, date) else value)
        )
    return out
