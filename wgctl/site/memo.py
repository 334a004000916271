"""Render once: a page whose inputs are those of the page already in the folder is not rendered.

Each file's inputs are digested (the page's data, the data every page shares, the templates
and wgctl's code); the manifest keeps the digest beside the file's own. A rebuild renders only
the pages whose digest differs, or whose file is no longer as the build left it. Why a digest
of the data and not of the bytes: templating is most of a rebuild's time, digesting the data a
small part of it. The data is digested through `repr`, which every value of a page's data
spells out whole and in a fixed order (pydantic models, dicts, lists, strings, dates); a value
that did not would spell its address and never match, costing a render, never a stale page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wgctl.files.cache import code_fingerprint
from wgctl.site.manifest import Manifest, intact_file


@dataclass
class Rendered:
    """A render: the bytes of the files rendered, the inputs digest of every file that has one,
    and the files left as they are in the folder (their inputs unchanged)."""

    files: dict[str, bytes] = field(default_factory=dict)
    inputs: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)


@dataclass
class Memo:
    """What an earlier build in `out` rendered from which inputs, for this render's key."""

    out: Path | None
    before: Manifest
    key: str  # the templates, wgctl's code and the data every page shares

    def produce(self, done: Rendered, rel: str, inputs: Any, make: Callable[[], bytes]) -> None:
        """The file `rel` from `make()`, unless the folder holds it from the same inputs."""
        digest = hashlib.blake2b(repr(inputs).encode(), key=self.key.encode()[:64]).hexdigest()
        done.inputs[rel] = digest
        old = self.before.files.get(rel)
        if (
            self.out is not None
            and old is not None
            and old[2] == digest
            and intact_file(self.out, rel, old, self.before)
        ):
            done.kept.add(rel)
            return
        done.files[rel] = make()


def render_key(shared: Any, templates: list[Path]) -> str:
    """What every page's rendering depends on besides its own data."""
    digest = hashlib.blake2b(repr(shared).encode(), digest_size=32)
    digest.update(code_fingerprint().encode())
    digest.update(repr(template_stamps(templates)).encode())
    return digest.hexdigest()


def template_stamps(folders: list[Path]) -> list[tuple[str, int, int]]:
    """Each file in these template folders by name, size and modification time."""
    found = []
    for folder in folders:
        for path in sorted(folder.iterdir()) if folder.is_dir() else ():
            st = path.stat()
            found.append((str(path), st.st_size, st.st_mtime_ns))
    return found
