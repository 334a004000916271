"""The members' agreement to an exception to the terms of reference, as a recorded fact.

The ToR allow a longer term only "unless otherwise agreed by Working Group members"; the same
agreement lets two seats change hands in one year. An agreement counts only when the records
hold it: a decision (with an `id`) on a meeting of the group itself or of the deciding body
(the SOM), held before the period it allows begins. The meeting carries the sources.
"""

from __future__ import annotations

from datetime import date

from wgctl.governance.terms import DAY
from wgctl.models import Agreement, Group, Meeting, Term
from wgctl.records import Records


def why_not_agreed(
    records: Records, group: Group, agreement: Agreement | None, starts: date
) -> str | None:
    """None when `agreement` is a recorded, valid agreement for a period from `starts`; else why."""
    if agreement is None:
        return "no agreement is recorded"
    meeting = records.get(Meeting, agreement.meeting)
    if meeting is None:
        return f"the agreement cites {agreement.meeting!r}, which is not a recorded meeting"
    if not any(d.id == agreement.decision for d in meeting.decisions):
        return f"{meeting.id} records no decision with id {agreement.decision!r}"
    kind = group.policy.decided_at if group.policy else "som"
    if meeting.group != group.id and meeting.type != kind:
        return (
            f"{meeting.id} is neither a meeting of {group.id} nor a {kind.upper()}: only the "
            "Working Group members or the SOM can agree an exception"
        )
    if meeting.start >= starts:
        return (
            f"{meeting.id} ({meeting.start}) is not held before {starts}, when the exception begins"
        )
    return None


def agreed(records: Records, group: Group, agreement: Agreement | None, starts: date) -> bool:
    """True when the agreement is recorded and valid for a period from `starts`."""
    return why_not_agreed(records, group, agreement, starts) is None


def term_agreed(records: Records, group: Group, term: Term) -> bool:
    """True when the term, or its extension, carries a valid recorded agreement."""
    if agreed(records, group, term.agreement, term.start):
        return True
    ext = term.extension
    return ext is not None and agreed(records, group, ext.agreement, term.end + DAY)
