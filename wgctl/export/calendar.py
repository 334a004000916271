"""Meetings and Joint Periods of Action as an iCalendar (RFC 5545) feed, built with `icalendar`.

Calendar clients update events in place: UIDs are `<meeting id>@wgctl`, SEQUENCE counts the
meeting file's changes in git and LAST-MODIFIED is its last commit, DTSTAMP the export's commit
(same commit, same bytes). Every event is all-day with DTEND the day after the last day, so
multi-day meetings and periods of action are spans; dates known only to the month or year span
that month or year and are marked free time. Input is an audience view (R19): hidden meetings
never arrive and Chatham House meetings arrive without participants, and say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

import icalendar

from wgctl.confidentiality.audience import View
from wgctl.dates import label, meeting_span
from wgctl.errors import UserError
from wgctl.export.stamps import Stamps
from wgctl.models import Group, Meeting, Sensitivity
from wgctl.report.groups import JPA

PRODID = "-//wgctl//working group records//EN"
UID_DOMAIN = "wgctl"
CHATHAM = "Chatham House Rule"
_CLASS = {
    Sensitivity.PUBLIC: "PUBLIC",
    Sensitivity.MEMBERS: "PRIVATE",
    Sensitivity.RESTRICTED: "CONFIDENTIAL",
}
_MARKING = {
    Sensitivity.PUBLIC: "Public",
    Sensitivity.MEMBERS: "Members only",
    Sensitivity.RESTRICTED: "Restricted",
}
_KIND = {"som": "Senior Officials Meeting", JPA: "Joint Period of Action"}


def kind_label(meeting: Meeting) -> str:
    """`Senior Officials Meeting`, `Working group meeting`: how people call the meeting's type."""
    return _KIND.get(meeting.type) or meeting.type.replace("-", " ").capitalize()


def summary(meeting: Meeting) -> str:
    """The event title: the meeting's title, its month or year when the days are not known."""
    first, _ = meeting_span(meeting)
    text = meeting.title
    if meeting.precision != "day":
        text += f" ({label(first, meeting.precision)})"
    if meeting.chatham_house:
        text += f" [{CHATHAM}]"
    return text


def description(meeting: Meeting, view: View) -> str:
    """The meeting's title, kind, group, who took part (never under the Rule) and agenda."""
    parts = [meeting.title, f"{kind_label(meeting)}."]
    if meeting.cancelled:
        parts.append("This meeting was cancelled.")
    if meeting.group:
        parts.append(f"Group: {view.label(meeting.group)}.")
    if meeting.chatham_house:
        parts.append(f"Held under the {CHATHAM}: participants are not named.")
    elif meeting.participants:
        parts.append("Participants: " + ", ".join(view.labels(meeting.participants)) + ".")
    if meeting.agenda:
        parts.append("Agenda:")
        parts += [f"{n}. {item}" for n, item in enumerate(meeting.agenda, 1)]
    if meeting.outcomes:
        parts.append("Outcomes:")
        parts += [f"- {item}" for item in meeting.outcomes]
    if meeting.precision != "day":
        unit = "month" if meeting.precision == "month" else "year"
        parts.append(f"The exact days are not recorded: dates are known to the {unit} only.")
    parts.append(f"Marking: {_MARKING[meeting.sensitivity]}.")
    return "\n".join(parts)


def event(meeting: Meeting, view: View, stamps: Stamps) -> icalendar.Event:
    """One all-day VEVENT spanning the meeting's days."""
    first, last = meeting_span(meeting)
    item = icalendar.Event()
    item.add("uid", f"{meeting.id}@{UID_DOMAIN}")
    item.add("dtstamp", stamps.head)
    item.add("last-modified", stamps.modified(meeting.path))
    item.add("sequence", stamps.sequence(meeting.path))
    item.add("dtstart", first)
    item.add("dtend", last + timedelta(days=1))
    item.add("summary", summary(meeting))
    if meeting.location:
        item.add("location", meeting.location)
    item.add("description", description(meeting, view))
    categories = [meeting.type] + ([CHATHAM] if meeting.chatham_house else [])
    item.add("categories", categories)
    item.add("class", _CLASS[meeting.sensitivity])
    item.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    periodic = meeting.type == JPA or meeting.precision != "day" or meeting.cancelled
    item.add("transp", "TRANSPARENT" if periodic else "OPAQUE")
    return item


def render(meetings: Iterable[Meeting], view: View, stamps: Stamps, name: str) -> bytes:
    """The whole feed: CRLF line ends, lines folded at 75 octets, events in date order."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for meeting in sorted(meetings, key=lambda m: (m.start, m.id)):
        cal.add_component(event(meeting, view, stamps))
    data: bytes = cal.to_ical()
    return data


def select(view: View, group: str | None) -> tuple[list[Meeting], str]:
    """The view's meetings (only `group`'s when named) and the calendar's name."""
    meetings = view.records.of(Meeting)
    if group is None:
        return meetings, "Meetings"
    found = view.records.get(Group, group)
    if found is None:
        raise UserError(f"--group {group!r}: no such group (for this audience)")
    return [m for m in meetings if m.group == group], f"{found.label}: meetings"
