"""From a repository to `wgctl due` output: validate, filter for the audience, compute, format."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from wgctl.confidentiality.audience import View
from wgctl.due import formats, issues
from wgctl.due.model import Obligation
from wgctl.due.obligations import obligations, within
from wgctl.errors import InputError
from wgctl.models import Group, Sensitivity
from wgctl.report.produce import load_view


def compute(
    repo: Path, as_of: date, days: int | None, group: str | None, audience: str
) -> tuple[View, list[Obligation]]:
    """The obligations of a valid repository as `audience` may see them (within `days`)."""
    view = load_view(repo, Sensitivity(audience))
    found = obligations(view, as_of, group)
    return view, found if days is None else within(found, as_of, days)


def render(  # noqa: PLR0917 - what the command asked for, passed through as it is
    view: View,
    found: list[Obligation],
    as_of: date,
    group: str | None,
    fmt: str,
    existing: Path | None = None,
) -> str:
    """Obligations as `md`, `json`, `ics` or `github-issues` (a plan against `existing`)."""
    level = view.audience
    if fmt == "md":
        return formats.to_markdown(found, as_of, level)
    if fmt == "json":
        return formats.to_json(found, as_of, level, group)
    if fmt == "ics":
        # DTSTAMP from --as-of, not the clock: the same records give the same file.
        stamp = datetime.combine(as_of, time(0, 0), UTC)
        chosen = view.records.get(Group, group)
        name = f"{chosen.label}: obligations" if chosen else "Obligations"
        return formats.to_ics(found, level, stamp, name)
    return issues.to_json(issues.plan(view, found, _existing(existing)))


def _existing(path: Path | None) -> list[issues.Existing]:
    """The issues a previous run left, from a file (none when no file is given)."""
    if path is None:
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--existing {path}: cannot read ({type(exc).__name__})") from None
    return issues.read_existing(text, f"--existing {path}")
