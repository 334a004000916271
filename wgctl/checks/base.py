"""Helpers shared by the checks: building located problems and walking field paths."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from wgctl.errors import Loc, Problem
from wgctl.models import Record
from wgctl.records import Records
from wgctl.rules import severity_of


class Check(Protocol):
    """A check module: `check(records, context)` yields problems."""

    def __call__(self, records: Records, context: CheckContext) -> Iterator[Problem]: ...


class CheckContext:
    """What checks may know beyond the records: today's date, the repository path."""

    def __init__(self, today: Any, repo: Any = None) -> None:
        self.today = today
        self.repo = repo


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
