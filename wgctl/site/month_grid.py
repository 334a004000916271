"""The meetings calendar page: month grids (Monday to Sunday) with a plain list beside each.

Why a page of its own: officials plan around periods of action and meetings that cross month
ends; a grid shows overlaps at a glance. Built only from the view's meetings and the same
rows the meetings list uses, so a meeting the audience may not see never reaches a cell.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.models import Meeting
from wgctl.report.meeting import state_on
from wgctl.site.links import Page
from wgctl.site.lookup import Lookup
from wgctl.site.pages import meeting_row

WEEKDAYS = tuple(zip(calendar.day_abbr, calendar.day_name, strict=True))  # Monday first


def calendar_page(view: View, found: Lookup, as_of: date) -> Page:
    """Every year with meetings, twelve month grids each, oldest first."""
    entries = [_entry(view, m, as_of) for m in found.meetings]
    years = sorted({y for e in entries for y in range(e["first"].year, e["last"].year + 1)})
    return Page(
        "meetings/calendar.html",
        "calendar",
        {
            "title": "Meetings calendar",
            "weekdays": WEEKDAYS,
            "years": [(y, [_month(y, n, entries) for n in range(1, 13)]) for y in years],
        },
    )


def _entry(view: View, meeting: Meeting, as_of: date) -> dict[str, Any]:
    first, last = dates.meeting_span(meeting)
    return {
        **meeting_row(view, meeting),
        "state": state_on(meeting, as_of),
        "first": first,
        "last": last,
        "exact": meeting.precision == "day",  # a month or a year is listed, not drawn on days
    }


def _month(year: int, month: int, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """One month: its weeks of day cells and the entries it holds, as a list."""
    bounds = dates.span(date(year, month, 1), "month")
    held = [e for e in entries if dates.overlaps((e["first"], e["last"]), bounds)]
    weeks = [
        [_cell(day, month, held) for day in week]
        for week in calendar.Calendar(calendar.MONDAY).monthdatescalendar(year, month)
    ]
    return {
        "id": f"m{year}-{month:02d}",
        "name": dates.month_label(bounds[0]),
        "weeks": weeks,
        "entries": held,
    }


def _cell(day: date, month: int, held: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A day of the month with the entries on it (None for days of the months beside it)."""
    if day.month != month:
        return None
    on = [e for e in held if e["exact"] and e["first"] <= day <= e["last"]]
    return {
        "day": day.day,
        "label": dates.label(day),
        "entries": [{**e, "part": _part(e, day)} for e in on],
    }


def _part(entry: dict[str, Any], day: date) -> str:
    """Where a day falls in an entry's run, so the cells of one meeting join up."""
    if entry["first"] == entry["last"]:
        return "only"
    if day == entry["first"]:
        return "first"
    return "last" if day == entry["last"] else "middle"
