"""Record changes from git for the site: since the last SOM, filtered for the audience.

The dashboard's and the history page's list comes from the same core function as the progress
report's appendix (`history.changes_since`, filtered exactly like `wgctl diff`): a change the
audience may not see is counted, never named. One comparison per build (the records at the
last commit before the SOM against HEAD), so the cost does not grow with the length of the
history. Each record page's own history, commit by commit, is `site.record_history`'s.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wgctl.errors import InputError
from wgctl.export.stamps import Stamps
from wgctl.files import cache
from wgctl.files.atomic import write_atomic
from wgctl.history.gitio import open_git
from wgctl.history.revisions import changes_since
from wgctl.models import Sensitivity
from wgctl.site.record_history import Histories

MEMO_FILE = "wgctl-site-changes.json"


@dataclass
class Changes:
    """What the audience may see of the record changes since `since`, and of each record's life."""

    since: str = ""
    recent: list[dict[str, Any]] = field(default_factory=list)
    hidden: int = 0
    # When git saw each record file change (the exports' stamps: one `git log` for all).
    stamps: Stamps = field(default_factory=Stamps)
    # Each record page's commits (site.record_history), by the record file's path.
    histories: Histories = field(default_factory=Histories)

    def history(self, path: str) -> dict[str, Any]:
        """One record page's history: its commits, newest first, and how many earlier ones."""
        return self.histories.of(path)


def recent_changes(
    repo: Path, audience: Sensitivity, day: date, since: str, stamps: Stamps
) -> Changes:
    """Record changes from the last commit before `day` to HEAD (none without git history)."""
    try:
        with open_git(repo) as g:
            head = g.run("rev-parse", "HEAD").strip()
            git_dir = Path(g.run("rev-parse", "--absolute-git-dir").strip())
    except InputError:  # not a git repository, or no commits yet: a site without history
        return Changes(since, stamps=stamps)
    out = Changes(since, stamps=stamps)
    memo = git_dir / MEMO_FILE if cache.enabled() else None
    key = json.dumps([head, day.isoformat(), audience.value, cache.code_fingerprint()])
    found = _memo(memo, key)
    if found is None:
        seen = changes_since(repo, day, audience)
        found = {
            "hidden": seen.hidden,
            "entries": [
                {
                    "heading": f"{c.change.capitalize()} {c.kind}: {c.title or c.id}",
                    "details": list(c.details),
                    "id": c.id,
                }
                for c in seen.changes
            ],
        }
        if memo is not None:
            write_atomic(memo, json.dumps({"key": key, **found}).encode("utf-8"), durable=False)
    out.hidden = found["hidden"]
    out.recent.extend(found["entries"])
    return out


def _memo(path: Path | None, key: str) -> dict[str, Any] | None:
    """The remembered changes for `key` (HEAD, day, audience, wgctl's code), if any.

    Why: comparing every record at the SOM's commit with HEAD is the slowest part of a rebuild,
    and its answer only changes with a new commit. Kept in the repository's .git folder, like the
    validation cache, as JSON (plain data, never code).
    """
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    return data
