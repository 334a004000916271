"""Dates given in a request (a command-line option), read one way by every command.

Why one home: the commands reported a bad date as exit 1, as exit 2, or as a multi-line usage
error, each in its own words. A bad date is a request that cannot be read: one line, exit 2.
"""

from __future__ import annotations

from datetime import date

from wgctl.errors import InputError
from wgctl.models.base import YEAR_RANGE, iso_day


def parse_day(value: str | None, option: str) -> date | None:
    """An option's value as a date (None when not given): only `YYYY-MM-DD`, years 1900-2200.

    Why not `date.fromisoformat` alone: it also reads `2017-W44-2` and `20171031`.
    """
    if value is None:
        return None
    try:
        return iso_day(value)
    except ValueError as exc:
        if str(exc) == YEAR_RANGE:
            raise InputError(f"{option} {value!r}: {YEAR_RANGE}") from None
        if "not a real calendar date" in str(exc):  # the shape of a date, but no such day
            raise InputError(f"{option} {value!r}: not a real date") from None
        raise InputError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None


def day_or_today(value: str | None, option: str) -> date:
    """An option's date, or today when it is not given."""
    return parse_day(value, option) or date.today()
