"""The text of each record file, read once per command and shared by all that need it.

Why: the loader read a file, the Locator read and composed it again to place the checks'
problems, and the text reporter read it a third time to quote its lines. Now the loader leaves
the text it read here, and the others take it from here; a file is read (bounded, never outside
the repository or into .git/) only when the loader did not read it, e.g. a record served from
the cache, and each file is composed at most once, only when a problem needs placing in it.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from wgctl.errors import YamlError
from wgctl.files.discover import readable
from wgctl.files.textfile import MAX_BYTES, read_text

if TYPE_CHECKING:
    from yaml.nodes import Node


class SourceTexts:
    """Record files' text by repository-relative path; `allowed` limits which may be read."""

    def __init__(
        self, repo: Path, max_bytes: int = MAX_BYTES, allowed: Collection[str] | None = None
    ) -> None:
        self.repo = repo
        self.max_bytes = max_bytes
        self.allowed = None if allowed is None else set(allowed)
        self._texts: dict[str, str | None] = {}
        self._lines: dict[str, list[str]] = {}
        self._roots: dict[str, Node | None] = {}

    def keep(self, rel: str, text: str) -> None:
        """The text the loader read for `rel` (so nobody reads the file again)."""
        self._texts[rel] = text

    def retain(self, paths: Collection[str]) -> None:
        """Forget the texts of other files: only files with problems are quoted later."""
        self._texts = {rel: text for rel, text in self._texts.items() if rel in paths}

    def text(self, rel: str) -> str | None:
        """The file's text, or None when it may not or cannot be read."""
        if rel not in self._texts:
            self._texts[rel] = self._read(rel)
        return self._texts[rel]

    def line(self, rel: str, number: int) -> str | None:
        """One line (1-based) of the file, or None."""
        if rel not in self._lines:
            text = self.text(rel)
            self._lines[rel] = [] if text is None else text.splitlines()
        lines = self._lines[rel]
        return lines[number - 1] if 0 < number <= len(lines) else None

    def root(self, rel: str) -> Node | None:
        """The file's node tree, composed once (None when it cannot be read or parsed)."""
        if rel not in self._roots:
            text = self.text(rel)
            try:
                from wgctl.files.yamlio import compose  # noqa: PLC0415 - YAML only to place problems

                self._roots[rel] = None if text is None else compose(text)
            except YamlError:
                self._roots[rel] = None
        return self._roots[rel]

    def _read(self, rel: str) -> str | None:
        if self.allowed is not None and rel not in self.allowed:
            return None
        if not readable(self.repo, rel):
            return None
        try:
            return read_text(self.repo / rel, self.max_bytes)
        except YamlError:
            return None
