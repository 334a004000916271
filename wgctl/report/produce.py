"""From a repository to report bytes: validate, filter for the audience, build, render."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from wgctl.audience import View, for_audience
from wgctl.errors import UserError
from wgctl.models import Sensitivity
from wgctl.report import actions, annual, meeting, oral, progress
from wgctl.report.render import render
from wgctl.report.word import html_to_docx
from wgctl.validate import validate_repo

FORMATS = ("md", "html", "docx")
BUILDERS: dict[str, Callable[..., dict[str, Any]]] = {
    "progress": progress.build,
    "annual": annual.build,
    "oral": oral.build,
    "actions": actions.build,
    "meeting": meeting.build,
}


def load_view(repo: Path, audience: Sensitivity, *, force: bool = False) -> View:
    """The records of a valid repository as `audience` may see them (R19, R20)."""
    result = validate_repo(repo)
    if result.errors and not force:
        first = result.errors[0]
        raise UserError(
            f"not rendering from invalid records: {len(result.errors)} error(s), first "
            f"{first.path}:{first.line}: {first.message} [{first.rule}] "
            "(run `wgctl validate`; --force renders the valid records only)"
        )
    return for_audience(result.records, audience)


def render_report(
    view: View,
    report: str,
    fmt: str,
    params: dict[str, Any],
    *,
    repo: Path | None = None,
    template: Path | None = None,
) -> bytes:
    """Build the report's context from the filtered view and render it to `fmt`."""
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    context = BUILDERS[report](view, **params)
    if fmt == "docx":
        return html_to_docx(render(report, "html", context, repo=repo, template=template))
    return render(report, fmt, context, repo=repo, template=template).encode("utf-8")


def today() -> date:
    """Today's date (one place, so reports agree)."""
    return date.today()
