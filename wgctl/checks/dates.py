"""WG105: dates are in order.

- a meeting ends on or after its start;
- a co-chair term starts before it ends, and an agreed extension runs past the term's end;
- a group is not established before the meeting that endorsed its terms of reference;
- an action item is not due or closed before the meeting that raised it.

Status updates may name meetings still to come ("to be held in July 2018"), so they are not
compared with their meetings' dates.

Dates written with `precision: month` or `year` are compared by the widest range they can mean,
so `2016-05` (month) is never "before" 2016-05-20.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from wgctl.checks.base import CheckContext, each, field_name, problem
from wgctl.dates import earliest, latest
from wgctl.errors import Loc, Problem
from wgctl.models import ActionItem, Group, Meeting, Record
from wgctl.records import Records

CODE = "WG105"


SUBJECTS = (Meeting, Group, ActionItem)


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report every pair of dates that is out of order."""
    return each(records, context, check_record, SUBJECTS)


def check_record(record: Record, records: Records, context: CheckContext) -> Iterator[Problem]:
    """The dates of one meeting, group or action item that are out of order."""
    if isinstance(record, Meeting):
        yield from _meeting(record)
    elif isinstance(record, Group):
        yield from _group(records, record)
    elif isinstance(record, ActionItem):
        yield from _action(records, record)


def _before(record: Record, loc: Loc, value: date, other: date, what: str) -> Problem:
    """`value` at `loc` is before `other` (`what` names the other date)."""
    return problem(record, loc, CODE, f"{field_name(loc)} {value} is before {what} ({other})")


def _meeting(meeting: Meeting) -> Iterator[Problem]:
    if meeting.end is None:
        return
    if latest(meeting.end, meeting.precision) < earliest(meeting.start, meeting.precision):
        yield _before(meeting, ("end",), meeting.end, meeting.start, "its start")


def _group(records: Records, group: Group) -> Iterator[Problem]:
    endorsed = records.get(Meeting, group.endorsed_at)
    if (
        group.established
        and endorsed
        and group.established < earliest(endorsed.start, endorsed.precision)
    ):
        yield _before(
            group,
            ("established",),
            group.established,
            endorsed.start,
            f"the meeting that endorsed it, {endorsed.id}",
        )
    for i, term in enumerate(group.terms):
        if term.end <= term.start:
            yield problem(
                group,
                ("terms", i, "end"),
                CODE,
                f"terms.{i}.end {term.end} is not after the term's start ({term.start})",
            )
        if term.extension and term.extension.until <= term.end:
            loc: Loc = ("terms", i, "extension", "until")
            msg = f"{field_name(loc)} {term.extension.until} does not extend the term past its end ({term.end})"
            yield problem(group, loc, CODE, msg)


def _action(records: Records, action: ActionItem) -> Iterator[Problem]:
    raised = records.get(Meeting, action.raised_at)
    if raised is None:
        return
    first_day = earliest(raised.start, raised.precision)
    what = f"the meeting that raised it, {raised.id}"
    if action.due and action.due < first_day:
        yield _before(action, ("due",), action.due, raised.start, what)
    if action.closed and action.closed < first_day:
        yield _before(action, ("closed",), action.closed, raised.start, what)
