"""Record changes from git for the site: per commit, filtered for the audience like `wgctl diff`.

Why per commit through `diff_for_audience`: a record's history must not show, even in a change
description, a part the audience may not see. Commit subjects and authors are not shown (they
are free text and personal data); the commit's date and short id are. Only the most recent
`WINDOW` commits that touched records/ are read, so a long history does not slow every build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wgctl.diffing import Seen, diff_for_audience
from wgctl.errors import UserError
from wgctl.gitio import blobs_at, open_git
from wgctl.history import _is_record, as_data, compare, every_record
from wgctl.models import Sensitivity
from wgctl.report import dates

WINDOW = 20


@dataclass
class Changes:
    """The audience's view of recent record changes, newest first, and by record id."""

    recent: list[dict[str, Any]] = field(default_factory=list)
    by_record: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def of(self, record_id: str) -> list[dict[str, Any]]:
        """The changes to one record, newest first."""
        return self.by_record.get(record_id, [])


def recent_changes(repo: Path, audience: Sensitivity, window: int = WINDOW) -> Changes:
    """The last `window` commits' record changes as `audience` may see them (none without git)."""
    try:
        commits = _commits(repo, window)
    except UserError:
        return Changes()
    out = Changes()
    for sha, day, parent in commits:
        seen = _seen(repo, sha, parent, audience)
        for change in seen.changes:
            entry = {
                "when": dates.label(day),
                "commit": sha[:10],
                "heading": f"{change.change.capitalize()} {change.kind}: {change.title or change.id}",
                "details": list(change.details),
                "id": change.id,
                "kind": change.kind,
            }
            out.recent.append(entry)
            out.by_record.setdefault(change.id, []).append(entry)
    return out


def _commits(repo: Path, window: int) -> list[tuple[str, date, str | None]]:
    with open_git(repo) as g:
        log = g.run("log", f"-n{window}", "--format=%H %P%x09%cs", "HEAD", "--", g.top("records"))
    out = []
    for line in log.splitlines():
        shas, _, day = line.partition("\t")
        sha, *parents = shas.split()
        out.append((sha, date.fromisoformat(day), parents[0] if parents else None))
    return out


def _seen(repo: Path, sha: str, parent: str | None, audience: Sensitivity) -> Seen:
    if parent is not None:
        found = compare(repo, f"{parent}..{sha}")
        old, new = every_record(repo, found)
        return diff_for_audience(old, new, (found.before, found.after), found.renames, audience)
    with open_git(repo) as g:
        after = {rel: as_data(raw) for rel, raw in blobs_at(g, sha).items() if _is_record(rel)}
    return diff_for_audience({}, after, ({}, after), {}, audience)
