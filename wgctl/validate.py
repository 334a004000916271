"""Validation as one function: load, run every rule, place each problem, filter by file."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wgctl import yamlio
from wgctl.checks import run_checks
from wgctl.errors import Problem, Severity
from wgctl.load import Loaded, Locator, load_repo
from wgctl.records import Records


@dataclass
class Result:
    """The outcome of a validation run."""

    records: Records
    problems: list[Problem]
    files: list[str]

    @property
    def errors(self) -> list[Problem]:
        """Problems of error severity."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems of warning severity."""
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def failed(self, *, strict: bool = False) -> bool:
        """True when the run should exit 1."""
        return bool(self.errors or (strict and self.warnings))


def validate_repo(
    repo: Path,
    *,
    only: Collection[str] | None = None,
    today: date | None = None,
    max_bytes: int = yamlio.MAX_BYTES,
    loaded: Loaded | None = None,
) -> Result:
    """Validate the whole repository; report only problems in `only` (repo-relative paths)."""
    loaded = loaded or load_repo(repo, max_bytes=max_bytes)
    problems = loaded.problems + run_checks(loaded.records, today=today, repo=repo)
    if only is not None:
        wanted = set(only)
        problems = [p for p in problems if p.path in wanted]
    problems = sorted(Locator(repo).resolve(problems))
    return Result(loaded.records, problems, loaded.files)
