"""Helpers shared by the checks: the context, located problems and field paths."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

from wgctl.errors import Loc
from wgctl.models import Record
from wgctl.records import Records
from wgctl.rules import place, problem

__all__ = [
    "CheckContext",
    "every",
    "field_name",
    "place",
    "problem",
    "walk",
]

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class CheckContext:
    """What checks may know beyond the records: today's date, the repository path."""

    today: date
    repo: Path | None = None

    @property
    def last_full_year(self) -> int:
        """The last calendar year that has ended: annual duties are judged up to it."""
        return self.today.year - 1


def every(records: Records, model: type[R]) -> list[R]:
    """All records of one kind, in no particular order.

    Why: `records.meetings` and friends sort on every call; checks need no order, because
    `validate_repo` sorts the problems.
    """
    return cast("list[R]", list(records.by_kind[model.kind].values()))


def walk(obj: Any, spec: tuple[str, ...], loc: Loc = ()) -> list[tuple[Loc, Any]]:
    """Values at a field path where "*" spans a list: ("terms", "*", "member").

    Iterative, level by level: the reference check calls it for every field of every record.
    """
    if len(spec) == 1:  # the common case, without building levels
        value = getattr(obj, spec[0], None)
        return [] if value is None else [((*loc, spec[0]), value)]
    level: list[tuple[Loc, Any]] = [(loc, obj)]
    for head in spec:
        below: list[tuple[Loc, Any]] = []
        if head == "*":
            for at, items in level:
                below.extend(((*at, i), item) for i, item in enumerate(items or ()))
        else:
            for at, value in level:
                child = getattr(value, head, None)
                if child is not None:
                    below.append(((*at, head), child))
        if not below:
            return below
        level = below
    return [(at, value) for at, value in level if value is not None]


def field_name(loc: Loc) -> str:
    """A field path as users write it: `terms.1.end`."""
    return ".".join(str(part) for part in loc)
