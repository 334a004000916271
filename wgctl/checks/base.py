"""Helpers shared by the checks: the context, located problems, field paths and fuzzy dates."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from wgctl.errors import Loc, Problem
from wgctl.models import Record
from wgctl.records import Records
from wgctl.rules import severity_of


@dataclass(frozen=True)
class CheckContext:
    """What checks may know beyond the records: today's date, the repository path."""

    today: date
    repo: Path | None = None

    @property
    def last_full_year(self) -> int:
        """The last calendar year that has ended: annual duties are judged up to it."""
        return self.today.year - 1


class Check(Protocol):
    """A check module: `check(records, context)` yields problems."""

    def __call__(self, records: Records, context: CheckContext) -> Iterator[Problem]: ...


def problem(record: Record, loc: Loc, code: str, message: str) -> Problem:
    """A problem at a field of a record; its line is resolved later from `loc`."""
    return Problem(record.path, 0, 0, code, message, severity_of(code), loc=loc)


def walk(obj: Any, spec: tuple[str, ...], loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Values at a field path where "*" spans a list: ("terms", "*", "member")."""
    if not spec:
        if obj is not None:
            yield loc, obj
        return
    head, rest = spec[0], spec[1:]
    if head == "*":
        for i, item in enumerate(obj or ()):
            yield from walk(item, rest, (*loc, i))
    else:
        yield from walk(getattr(obj, head, None), rest, (*loc, head))


def earliest(day: date, precision: str = "day") -> date:
    """The first day a date written with this precision can mean (2016-05 -> 2016-05-01)."""
    if precision == "year":
        return date(day.year, 1, 1)
    if precision == "month":
        return day.replace(day=1)
    return day


def latest(day: date, precision: str = "day") -> date:
    """The last day a date written with this precision can mean (2016-05 -> 2016-05-31)."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


def field_name(loc: Loc) -> str:
    """A field path as users write it: `terms.1.end`."""
    return ".".join(str(part) for part in loc)
