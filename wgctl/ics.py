"""Meetings and Joint Periods of Action as an iCalendar (RFC 5545) file, written by hand.

Why by hand: the format needs a dozen properties; a runtime dependency for that is not worth
it (tests parse the output with the `icalendar` library). Every event is all-day, with DTEND
the day after the last day (RFC 5545 3.6.1); UIDs are `<meeting id>@wgctl`, so importing
again updates events instead of duplicating them. Dates known only to the month or year span
that month or year, are marked free time and say so. Input is an audience view (R19), so
hidden meetings never arrive and Chatham House meetings arrive without participants.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta

from wgctl.audience import View
from wgctl.models import Meeting, Sensitivity
from wgctl.report.dates import meeting_span

PRODID = "-//wgctl//working group records//EN"
UID_DOMAIN = "wgctl"
_CLASS = {
    Sensitivity.PUBLIC: "PUBLIC",
    Sensitivity.MEMBERS: "PRIVATE",
    Sensitivity.RESTRICTED: "CONFIDENTIAL",
}


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _imprecise(meeting: Meeting) -> str | None:
    if meeting.precision == "day":
        return None
    unit = "month" if meeting.precision == "month" else "year"
    return f"The exact days are not recorded: dates are known to the {unit} only."


def _description(meeting: Meeting, view: View) -> str:
    parts = [meeting.type.replace("-", " ").capitalize() + "."]
    if meeting.group:
        parts.append(f"Group: {view.label(meeting.group)}.")
    if meeting.chatham_house:
        parts.append("Held under the Chatham House Rule.")
    elif meeting.participants:
        parts.append("Participants: " + ", ".join(view.labels(meeting.participants)) + ".")
    parts += meeting.outcomes
    note = _imprecise(meeting)
    if note:
        parts.append(note)
    return "\n".join(parts)


def event(meeting: Meeting, view: View, stamp: datetime) -> Iterator[str]:
    """The content lines of one VEVENT."""
    first, last = meeting_span(meeting)
    summary = meeting.title
    if meeting.precision != "day":
        summary += f" ({first:%B %Y})" if meeting.precision == "month" else f" ({first.year})"
    yield "BEGIN:VEVENT"
    yield f"UID:{meeting.id}@{UID_DOMAIN}"
    yield f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}"
    yield f"DTSTART;VALUE=DATE:{first:%Y%m%d}"
    yield f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}"
    yield f"SUMMARY:{escape(summary)}"
    if meeting.location:
        yield f"LOCATION:{escape(meeting.location)}"
    yield f"DESCRIPTION:{escape(_description(meeting, view))}"
    yield f"CATEGORIES:{escape(meeting.type)}"
    yield f"CLASS:{_CLASS[meeting.sensitivity]}"
    periodic = meeting.type == "joint-period-of-action" or meeting.precision != "day"
    yield f"TRANSP:{'TRANSPARENT' if periodic else 'OPAQUE'}"
    yield "END:VEVENT"


def render(meetings: Iterable[Meeting], view: View, stamp: datetime, name: str) -> str:
    """The whole calendar, CRLF line ends, lines folded; `stamp` is a UTC time."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for meeting in sorted(meetings, key=lambda m: (m.start, m.id)):
        lines += event(meeting, view, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
