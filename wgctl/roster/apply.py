"""Recording a SOM's decision: the would-be group, the rules it breaks, and the YAML changes.

Pure: the command reads the records, calls `plan_decision`, and hands each `mutate` to the
safe in-place editor. The rules are the validator's own (`governance.chairing`): a decision
that adds a problem is refused, unless the members agreed the exception; then the agreement
is written as a fact the rules check, a decision with an id on the meeting that agreed (the
SOM by default), cited from the term or extension it allows. A new term goes only to a member
that stands nominated for its year (the positions are voluntary).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from wgctl.errors import Problem, Severity, UserError
from wgctl.governance.chairing import chairing_problems
from wgctl.governance.membership import eligible_by_membership
from wgctl.governance.nominations import not_nominated
from wgctl.models import Group, Meeting, Organisation
from wgctl.records import Records
from wgctl.roster.decide import policy_of
from wgctl.roster.edits import (
    Draft,
    decision_id,
    draft_extension,
    draft_term,
    with_agreement,
)


@dataclass(frozen=True)
class ApplyRequest:
    """What the SOM decided, as given on the command line."""

    decided_at: str
    seat: int
    member: str | None = None
    start: date | None = None
    years: int | None = None
    until: date | None = None  # with no member: extend the seat's current term to this day
    exception: str | None = None  # the agreement's words, when the members agreed one
    agreed_at: str | None = None  # the meeting that agreed (default: decided_at)


@dataclass(frozen=True)
class Write:
    """One file to change: its path and the change to its YAML."""

    path: str
    mutate: Callable[[Any], None]


@dataclass
class Change:
    """The YAML changes to make (agreement first) and what the rules say about the result."""

    summary: str
    writes: list[Write]
    added: list[Problem]


def plan_decision(records: Records, group: Group, decision: ApplyRequest) -> Change:
    """The changes a decision makes; raises UserError when the rules refuse it."""
    meeting = records.get(Meeting, decision.decided_at)
    if meeting is None:
        raise UserError(f"no meeting {decision.decided_at!r} in the records")
    policy = policy_of(group)
    if not 1 <= decision.seat <= policy.seats:
        raise UserError(f"seat {decision.seat} does not exist: {group.id} has {policy.seats}")
    if decision.member is None:
        if decision.until is None:
            raise UserError(
                "give --member (a new term) or --until (extend the seat's current term)"
            )
        draft = draft_extension(group, decision.seat, decision.until, decision.decided_at)
    else:
        if records.get(Organisation, decision.member) is None:
            raise UserError(f"no organisation {decision.member!r} in the records")
        draft = draft_term(records, group, meeting, decision)
        reason = not_nominated(group, decision.member, draft.start.year)
        if reason is not None and eligible_by_membership(records, policy, decision.member) is None:
            raise UserError(
                f"refused, nothing written: {decision.member} {reason}; only a nominated "
                "member may be appointed (record its nomination first)"
            )
    return _judged(records, group, decision, meeting, draft)


def _judged(
    records: Records, group: Group, decision: ApplyRequest, meeting: Meeting, draft: Draft
) -> Change:
    """Accept the draft if it adds no problem, or only what a recorded agreement allows."""
    added = _added(records, group, draft.group, meeting.start)
    write = Write(group.path, draft.mutate)
    if not added:
        if decision.exception:
            raise UserError(
                "refused, nothing written: nothing in this decision needs the members' "
                "agreement; drop --agreed-exception"
            )
        return Change(draft.summary, [write], [])
    if not decision.exception:
        _refuse(added, "; if the members agreed it, record that with --agreed-exception TEXT")
    agreed_at = records.get(Meeting, decision.agreed_at or decision.decided_at)
    if agreed_at is None:
        raise UserError(f"no meeting {decision.agreed_at!r} in the records")
    ident = decision_id(group, draft)
    agreed_records, cited, record_it = with_agreement(
        records, group, draft, agreed_at, ident=ident, text=decision.exception or ""
    )
    added = _added(agreed_records, group, cited.group, meeting.start)
    _refuse([p for p in added if p.severity is Severity.ERROR], "")
    writes = [Write(agreed_at.path, record_it), Write(group.path, cited.mutate)]
    summary = f"{draft.summary}, by the agreement {ident} recorded on {agreed_at.id}"
    return Change(summary, writes, added)


def _refuse(problems: list[Problem], hint: str) -> None:
    if not problems:
        return
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise UserError(f"refused, nothing written: {first.message} [{first.rule}]{more}{hint}")


def _added(records: Records, before: Group, after: Group, today: date) -> list[Problem]:
    """The chairing problems `after` has that `before` did not."""
    old = {(p.rule, p.message) for p in _problems(records, before, today)}
    new = [p for p in _problems(records, after, today) if (p.rule, p.message) not in old]
    return sorted(new, key=lambda p: p.severity is not Severity.ERROR)


def _problems(records: Records, group: Group, today: date) -> list[Problem]:
    view = Records()
    for record in records:
        view.add(group if record.id == group.id and isinstance(record, Group) else record)
    return [p for p in chairing_problems(view, today) if p.path == group.path]
