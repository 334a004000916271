"""When each record last changed, and how often, as git recorded it (for feeds and file dates).

Why from git and not the clock: the same commit must give the same bytes, and a calendar client
updates an event in place only when its SEQUENCE and LAST-MODIFIED move with the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from wgctl.errors import InputError
from wgctl.files.discover import RECORDS_DIR

# Zip files cannot hold dates before 1980; a folder without git history gets this fixed date.
EPOCH = datetime(1980, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Stamps:
    """The commit the export is made from, and each record file's commit times (newest first)."""

    head: datetime = EPOCH
    by_path: dict[str, list[datetime]] = field(default_factory=dict)

    def sequence(self, path: str) -> int:
        """RFC 5545 SEQUENCE: how many times the file changed after it was added."""
        return max(len(self.by_path.get(path, [])) - 1, 0)

    def modified(self, path: str) -> datetime:
        """When the file last changed in git (the export's commit when git does not know it)."""
        times = self.by_path.get(path)
        return times[0] if times else self.head


def record_stamps(repo: Path) -> Stamps:
    """The repository's record stamps; fixed ones when `repo` is not in a git repository."""
    from wgctl.history import gitio  # noqa: PLC0415 - git only when an export needs it

    try:
        with gitio.open_git(repo) as g:
            head, times = gitio.commit_times(g, RECORDS_DIR)
    except InputError:
        return Stamps()
    return Stamps(head or EPOCH, times)
