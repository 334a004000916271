"""Cross-record rules: an explicit registry, run in order; `validate_repo` places and sorts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wgctl import progress
from wgctl.checks import (
    actions,
    annual_reporting,
    chatham_house,
    clearance,
    cochairs,
    codeowners_current,
    dates,
    hidden_names,
    id_matches_file,
    initiative_number,
    meetings_per_year,
    references,
    sensitivity,
    unique_id,
)
from wgctl.checks.base import CheckContext
from wgctl.errors import Problem
from wgctl.records import Records

# Explicit and alphabetical: no import-time magic, no plugin discovery.
REGISTRY = (
    actions,
    annual_reporting,
    chatham_house,
    clearance,
    cochairs,
    codeowners_current,
    dates,
    hidden_names,
    id_matches_file,
    initiative_number,
    meetings_per_year,
    references,
    sensitivity,
    unique_id,
)


def run_checks(
    records: Records, *, today: date | None = None, repo: Path | None = None
) -> list[Problem]:
    """Every cross-record problem, unsorted; lines stay 0 until a Locator resolves them."""
    context = CheckContext(today or date.today(), repo)
    problems: list[Problem] = []
    for done, module in enumerate(REGISTRY, 1):
        problems.extend(module.check(records, context))
        progress.step("rules checked", done, len(REGISTRY))
    return problems
