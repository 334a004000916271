"""From a repository to `wgctl due` output: validate, filter for the audience, compute, format."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from wgctl.due import formats, issues
from wgctl.due.obligations import obligations, within
from wgctl.errors import InputError
from wgctl.models import Group, Sensitivity
from wgctl.report.produce import load_view


def produce(  # noqa: PLR0917 - the command's options, passed through as they are
    repo: Path,
    as_of: date,
    days: int | None,
    group: str | None,
    audience: str,
    fmt: str,
    existing: Path | None = None,
) -> str:
    """The obligations of a valid repository as `audience` may see them, in `fmt`."""
    view = load_view(repo, Sensitivity(audience))
    found = obligations(view, as_of, group)
    if days is not None:
        found = within(found, as_of, days)
    level = view.audience
    if fmt == "text":
        return formats.to_text(found, as_of, level)
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
    before = _existing(existing)
    return issues.to_json(issues.plan(view, found, before))


def _existing(path: Path | None) -> list[issues.Existing]:
    """The issues a previous run left, from a file (none when no file is given)."""
    if path is None:
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--existing {path}: cannot read ({type(exc).__name__})") from None
    return issues.read_existing(text, f"--existing {path}")
