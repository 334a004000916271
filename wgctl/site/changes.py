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

from wgctl.errors import UserError
from wgctl.history import changes_since
from wgctl.models import Sensitivity


@dataclass
class Changes:
    """What the audience may see of the record changes since `since`, and by record id."""

    since: str = ""
    recent: list[dict[str, Any]] = field(default_factory=list)
    by_record: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    hidden: int = 0

    def of(self, record_id: str) -> list[dict[str, Any]]:
        """The changes to one record."""
        return self.by_record.get(record_id, [])


def recent_changes(repo: Path, audience: Sensitivity, day: date, since: str) -> Changes:
    """Record changes from the last commit before `day` to HEAD (none without git history)."""
    try:
        seen = changes_since(repo, day, audience)
    except UserError:
        return Changes(since)
    out = Changes(since, hidden=seen.hidden)
    for change in seen.changes:
        entry = {
            "heading": f"{change.change.capitalize()} {change.kind}: {change.title or change.id}",
            "details": list(change.details),
            "id": change.id,
        }
        out.recent.append(entry)
        out.by_record.setdefault(change.id, []).append(entry)
    return out
