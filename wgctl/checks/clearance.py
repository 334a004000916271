"""WG401: attendees hold a security clearance valid on the meeting date.

For every meeting of a group whose policy says `clearance_required: national`, each person under
`attendees` needs a `clearance` of level `national` that has not expired by the meeting's last
day. The problem points at the attendee entry in the meeting record.
"""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, each, problem
from wgctl.errors import Problem
from wgctl.models import Group, Meeting, Person
from wgctl.records import Records

CODE = "WG401"


SUBJECTS = (Meeting,)


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report attendees without a valid national clearance at meetings that require one."""
    return each(records, context, check_record, SUBJECTS)


def check_record(meeting: Meeting, records: Records, context: CheckContext) -> Iterator[Problem]:
    """The attendees of one meeting who lack the clearance its group requires."""
    group = records.get(Group, meeting.group)
    if group is None or group.policy is None or group.policy.clearance_required is None:
        return
    for i, person_id in enumerate(meeting.attendees):
        person = records.get(Person, person_id)
        if person is None:
            continue  # an unknown attendee is WG103's problem
        reason = _lacking(person, meeting)
        if reason:
            msg = (
                f"attendees.{i}: {person.id} {reason}, required by {group.id} on {meeting.last_day}"
            )
            yield problem(meeting, ("attendees", i), CODE, msg)


def _lacking(person: Person, meeting: Meeting) -> str | None:
    """Why the person's clearance does not cover the meeting, or None when it does."""
    clearance = person.clearance
    if clearance is None or clearance.level != "national":
        return "holds no national security clearance"
    if clearance.expires is not None and clearance.expires < meeting.last_day:
        return f"has a national clearance that expired on {clearance.expires}"
    return None
