"""Record histories remembered between builds, so a rebuild judges only records whose history moved.

Why: judging a record's older revisions means parsing them; with a long history that is most of
a build, yet a record's entries change only when a commit touches it or the view they are
judged against changes. Each record's entries are kept under a digest of its revisions shown
(commit, status, blob), its path, and the judging view (audience, the ids it shows, the parties
it hides, the records that name parties) with wgctl's code. Kept in the repository's .git
folder as JSON (plain data, never code); only a cache: unreadable or foreign, it is ignored and
written anew; WGCTL_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from wgctl.confidentiality.audience import View
from wgctl.files import cache
from wgctl.files.atomic import write_atomic

FILE = "wgctl-site-history.json"
FORMAT = 1
Entries = list[dict[str, Any]]


class HistoryMemo:
    """Remembered entries by key; `get` and `put` during a build, `save` at its end."""

    def __init__(self, git_dir: Path, view: View) -> None:
        self.path = git_dir / FILE if cache.enabled() else None
        self.context = _context(view)
        self.old = self._read()
        self.new: dict[str, Entries] = {}

    def key(self, path: str, revisions: list[tuple[str, str, str | None]]) -> str:
        """The digest one record's entries are remembered under."""
        return hashlib.blake2b(repr((self.context, path, revisions)).encode()).hexdigest()

    def get(self, key: str) -> Entries | None:
        """Remembered entries, kept for the next build too."""
        found = self.old.get(key)
        if found is not None:
            self.new[key] = found
        return found

    def put(self, key: str, entries: Entries) -> None:
        """Entries judged in this build."""
        self.new[key] = entries

    def save(self) -> None:
        """Write this build's entries (only those of today's records) when they changed."""
        if self.path is None or self.new == self.old:
            return
        body = {"format": FORMAT, "entries": self.new}
        try:
            # Keys in their order: a page's inputs digest (site.memo) spells dicts in order.
            write_atomic(self.path, json.dumps(body).encode(), durable=False)
        except OSError:  # only costs time next build
            return

    def _read(self) -> dict[str, Entries]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        found = data.get("entries")
        if not isinstance(found, dict):
            return {}
        return {k: v for k, v in found.items() if isinstance(v, list)}


def _context(view: View) -> str:
    """What judging a revision depends on besides the revision: the view and wgctl's code."""
    parties = [repr(r) for r in view.records if r.name_fields or r.personal]
    shown = (view.audience.value, sorted(view.ids), sorted(view.hidden_names), parties)
    digest = hashlib.blake2b(repr(shown).encode())
    digest.update(cache.code_fingerprint().encode())
    return digest.hexdigest()
