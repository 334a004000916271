"""Drafts of a co-chair decision: the new term or extension as a model and as YAML.

`apply` judges a draft with the chairing rules before anything is written; when the members
agreed an exception, `with_agreement` adds the agreement to the draft and the decision that
records it to the meeting that agreed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap

from wgctl.errors import UserError
from wgctl.governance.terms import DAY, coverage_end, term_end_for
from wgctl.models import Decision, Extension, Group, Meeting, Term
from wgctl.records import Records
from wgctl.roster.decide import next_rotation, policy_of

if TYPE_CHECKING:
    from wgctl.roster.apply import ApplyRequest


@dataclass(frozen=True)
class Draft:
    """A new term (`index` None) or an extension of terms[index], not yet written."""

    group: Group
    start: date
    summary: str
    data: dict[str, Any]
    index: int | None = None

    def mutate(self, yaml: Any) -> None:
        """Write the draft into the group's round-trip YAML."""
        if self.index is None:
            yaml.setdefault("terms", [])
            yaml["terms"].append(as_yaml(self.data))
        else:
            yaml["terms"][self.index]["extension"] = as_yaml(self.data)


def draft_term(records: Records, group: Group, meeting: Meeting, decision: ApplyRequest) -> Draft:
    """The new term the decision makes, with `roster next`'s dates where none are given."""
    start, end = _dates(records, group, decision, meeting)
    data: dict[str, Any] = {
        "seat": decision.seat,
        "member": decision.member,
        "start": start,
        "end": end,
        "decided_at": decision.decided_at,
    }
    term = Term.model_validate(_as_model(data))
    after = group.model_copy(update={"terms": [*group.terms, term]})
    summary = (
        f"seat {decision.seat}: {decision.member} from {start} to {end}, "
        f"decided at {decision.decided_at}"
    )
    return Draft(after, start, summary, data)


def draft_extension(group: Group, seat: int, until: date, decided_at: str) -> Draft:
    """The extension of the seat's current term to `until`."""
    held = [(i, t) for i, t in enumerate(group.terms) if t.seat == seat]
    if not held:
        raise UserError(f"seat {seat} has no term to extend")
    index, current = max(held, key=lambda it: it[1].start)
    if until <= current.end:
        raise UserError(f"the current term of seat {seat} already runs to {current.end}")
    data: dict[str, Any] = {"until": until, "decided_at": decided_at}
    summary = f"seat {seat}: {current.member}'s term extended to {until}, decided at {decided_at}"
    return _with_extension(group, index, data, current.end + DAY, summary)


def _with_extension(
    group: Group, index: int, data: dict[str, Any], start: date, summary: str
) -> Draft:
    terms = list(group.terms)
    ext = Extension.model_validate(_as_model(data))
    terms[index] = terms[index].model_copy(update={"extension": ext})
    return Draft(group.model_copy(update={"terms": terms}), start, summary, data, index)


def decision_id(group: Group, draft: Draft) -> str:
    """The id of the agreement recorded for a draft: group, seat and the day it begins."""
    seat = draft.data.get("seat") or draft.group.terms[draft.index or 0].seat
    what = "extension" if draft.index is not None else "term"
    return f"{group.id}-seat-{seat}-{what}-{draft.start.isoformat()}"


def with_agreement(
    records: Records, group: Group, draft: Draft, meeting: Meeting, *, ident: str, text: str
) -> tuple[Records, Draft, Callable[[Any], None]]:
    """The records with the agreement recorded, the draft citing it, and the meeting's edit."""
    agreement = {"meeting": meeting.id, "decision": ident}
    data = {**draft.data, "agreement": agreement}
    if draft.index is None:
        term = Term.model_validate(_as_model(data))
        after = group.model_copy(update={"terms": [*group.terms, term]})
        cited = replace(draft, group=after, data=data)
    else:
        cited = _with_extension(group, draft.index, data, draft.start, draft.summary)
    known = any(d.id == ident for d in meeting.decisions)
    decisions = [*meeting.decisions]
    if not known:
        decisions.append(Decision(id=ident, text=text))
    updated = meeting.model_copy(update={"decisions": decisions})
    out = Records()
    for record in records:
        out.add(updated if record is meeting else cited.group if record is group else record)

    def record_it(yaml: Any) -> None:
        if known:
            return
        yaml.setdefault("decisions", [])
        yaml["decisions"].append(as_yaml({"id": ident, "text": text}))

    return out, cited, record_it


def _dates(
    records: Records, group: Group, decision: ApplyRequest, meeting: Meeting
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


def _as_model(data: dict[str, Any]) -> dict[str, Any]:
    """Dates as the loader reads them (YYYY-MM-DD text), for strict model validation."""
    return {
        k: (v.isoformat() if isinstance(v, date) else _as_model(v) if isinstance(v, dict) else v)
        for k, v in data.items()
    }


def as_yaml(data: dict[str, Any]) -> Any:
    """A plain mapping as round-trip YAML, dates as YYYY-MM-DD text, key order kept."""
    out = CommentedMap()
    for key, value in data.items():
        out[key] = (
            as_yaml(value)
            if isinstance(value, dict)
            else (value.isoformat() if isinstance(value, date) else value)
        )
    return out
