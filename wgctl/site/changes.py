"""Record changes from git for the site: since the last SOM, filtered for the audience.

The same core function as the progress report's appendix (`history.changes_since`, filtered
exactly like `wgctl diff`): a change the audience may not see is counted, never named. One
comparison per build (the records at the last commit before the SOM against HEAD), so the cost
does not grow with the length of the history. Commit subjects and authors are not shown: they
are free text and personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wgctl.errors import InputError
from wgctl.gitio import open_git
from wgctl.history import changes_since
from wgctl.models import Sensitivity
from wgctl.report import dates

LOG_LIMIT = 20


@dataclass
class Changes:
    """What the audience may see of the record changes since `since`, and by record id."""

    since: str = ""
    recent: list[dict[str, Any]] = field(default_factory=list)
    by_record: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    hidden: int = 0
    # Commits that touched each record file ("records/<kind>/<id>.yaml"), newest first.
    commits: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def of(self, record_id: str) -> list[dict[str, Any]]:
        """The changes to one record."""
        return self.by_record.get(record_id, [])

    def log(self, kind: str, record_id: str) -> list[dict[str, str]]:
        """When git saw the record's file change: date and short commit, newest first."""
        return self.commits.get(f"records/{kind}/{record_id}.yaml", [])[:LOG_LIMIT]


def recent_changes(repo: Path, audience: Sensitivity, day: date, since: str) -> Changes:
    """Record changes from the last commit before `day` to HEAD (none without git history)."""
    try:
        seen = changes_since(repo, day, audience)
    except InputError:  # not a git repository, or no commits yet: a site without history
        return Changes(since)
    out = Changes(since, hidden=seen.hidden, commits=file_commits(repo))
    for change in seen.changes:
        entry = {
            "heading": f"{change.change.capitalize()} {change.kind}: {change.title or change.id}",
            "details": list(change.details),
            "id": change.id,
        }
        out.recent.append(entry)
        out.by_record.setdefault(change.id, []).append(entry)
    return out


def file_commits(repo: Path) -> dict[str, list[dict[str, str]]]:
    """For every record file, the commits that changed it (one `git log` for the whole history).

    Only dates and commit ids: which parts changed is told by the audience-filtered changes,
    and commit subjects and authors are not shown.
    """
    with open_git(repo) as g:
        out = g.run("log", "--format=%x1e%h %cs", "--name-only", "HEAD", "--", g.top("records"))
    found: dict[str, list[dict[str, str]]] = {}
    for chunk in out.split("\x1e")[1:]:
        head, *paths = chunk.strip().splitlines()
        sha, _, day = head.partition(" ")
        entry = {"when": dates.label(date.fromisoformat(day)), "commit": sha}
        for path in paths:
            rel = g.rel(path.strip())
            if rel:
                found.setdefault(rel, []).append(entry)
    return found
