"""Dates as records write them: a dated thing covers a day, a month or a year (its precision).

The one home for precision arithmetic (checks compare the widest range a date can mean,
reports and the calendar show it) and for how a date reads in prose.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the models stand on this module's level, not above it
    from wgctl.models.base import Precision
    from wgctl.models.initiative import StatusUpdate
    from wgctl.models.meeting import Meeting

MONTHS = tuple(calendar.month_name)


def span(day: date, precision: Precision = "day") -> tuple[date, date]:
    """The first and last day a date of this precision may mean (2016-05 -> May 1 to 31)."""
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return date(day.year, day.month, 1), date(day.year, day.month, last)
    return day, day


def earliest(day: date, precision: Precision = "day") -> date:
    """The first day a date written with this precision can mean (2016-05 -> 2016-05-01)."""
    return span(day, precision)[0]


def latest(day: date, precision: Precision = "day") -> date:
    """The last day a date written with this precision can mean (2016-05 -> 2016-05-31)."""
    return span(day, precision)[1]


def update_span(update: StatusUpdate) -> tuple[date, date]:
    """First and last day a status update speaks of: its date, or its period when it has an end."""
    return earliest(update.date, update.precision), latest(
        update.end or update.date, update.precision
    )


def meeting_span(meeting: Meeting) -> tuple[date, date]:
    """First and last day a meeting (or period of action) may cover, widened by its precision."""
    return earliest(meeting.start, meeting.precision), latest(meeting.last_day, meeting.precision)


def overlaps(first: tuple[date, date], second: tuple[date, date]) -> bool:
    """True when two closed date ranges share at least one day."""
    return first[0] <= second[1] and second[0] <= first[1]


_ISO_WIDTH = {"day": 10, "month": 7, "year": 4}


def iso(day: date, precision: Precision = "day") -> str:
    """ISO 8601 text cut to what is known: `2017-03-01`, `2017-03` or `2017`."""
    return day.isoformat()[: _ISO_WIDTH[precision]]


def month_label(day: date) -> str:
    """`November 2016`."""
    return f"{MONTHS[day.month]} {day.year}"


def label(day: date, precision: Precision = "day") -> str:
    """`18 July 2017`, `July 2017` or `2017`, as the precision allows."""
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return month_label(day)
    return f"{day.day} {month_label(day)}"


def range_label(start: date, end: date | None, precision: Precision = "day") -> str:
    """`18-20 July 2017`, `March to August 2017`, or one date when start and end agree."""
    if end is None or end == start:
        return label(start, precision)
    if precision in {"month", "year"}:
        if start.year == end.year and precision == "month":
            return f"{MONTHS[start.month]} to {month_label(end)}"
        return f"{label(start, precision)} to {label(end, precision)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day} {month_label(end)}"
    return f"{label(start)} to {label(end)}"
