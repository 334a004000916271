"""Shared helpers of the check tests: run the real validation and list what it found."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from tests.repo import RecordsRepo
from wgctl.errors import Problem
from wgctl.validate import validate_repo

TODAY = date(2017, 10, 1)
Found = list[tuple[str, int, str]]


def problems(
    repo: RecordsRepo, codes: Collection[str] | None = None, *, today: date = TODAY
) -> list[Problem]:
    """Validate the repository as of `today`; keep only `codes` when given."""
    result = validate_repo(repo.root, today=today)
    return [p for p in result.problems if codes is None or p.rule in codes]


def found(repo: RecordsRepo, codes: Collection[str] | None = None, *, today: date = TODAY) -> Found:
    """`(path, line, rule)` of every problem (of `codes`, when given)."""
    return [(p.path, p.line, p.rule) for p in problems(repo, codes, today=today)]


def meeting(
    record_id: str, kind: str, start: str, *, group: str | None = "ewg", extra: str = ""
) -> dict[str, str]:
    """A meeting record file, with extra YAML lines appended."""
    lines = [
        f"id: {record_id}",
        "sensitivity: public",
        f"type: {kind}",
        f"title: Meeting {record_id}",
        f"start: {start}",
        *([f"group: {group}"] if group else []),
        "sources: [{document: tor}]",
    ]
    return {f"records/meetings/{record_id}.yaml": "\n".join(lines) + "\n" + extra}
