"""Helpers shared by the checks: the context, located problems and field paths."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

from wgctl.errors import Loc, Problem
from wgctl.models import Record
from wgctl.records import Records
from wgctl.recordviews import Reads
from wgctl.rules import place, problem

__all__ = [
    "CheckContext",
    "each",
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
    root: Path | None = None
    sink: Reads | None = None  # incremental runs note what a rule looked at

    @property
    def repo(self) -> Path | None:
        """The repository, for files beyond the records: a rule that looks is never reused."""
        if self.sink is not None:
            self.sink.note(("repo",))
        return self.root

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


Judge = Callable[[Any, Records, CheckContext], Iterator[Problem]]


def subjects(records: Records, kinds: tuple[type[Record], ...] | None) -> list[Record]:
    """The records a per-record rule judges: those of `kinds` (first of duplicate ids), or
    every record (duplicates too) when `kinds` is None."""
    if kinds is None:
        return list(records)
    return [record for model in kinds for record in every(records, model)]


def each(
    records: Records,
    context: CheckContext,
    judge: Judge,
    kinds: tuple[type[Record], ...] | None,
) -> Iterator[Problem]:
    """A per-record rule over all its subjects: what `check` is for a rule that has a
    `check_record` (incremental runs call `check_record` for the records that need it)."""
    for subject in subjects(records, kinds):
        yield from judge(subject, records, context)


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
