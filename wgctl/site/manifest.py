"""What an earlier build left in the output folder, so a rebuild writes only what changed.

The manifest (`.wgctl-site`, JSON) keeps the build's key and, for each file it wrote, a digest
of its bytes and its size; it is written last, so a file changed after the build is newer than
it. A rebuild compares digests, never the old files' bytes; a file of another size, or newer
than the manifest, was touched by someone else and is written again. No times are kept in it:
two builds of one commit stay byte-identical, manifest included. It is only a cache: a
manifest that does not read (damaged, or an older wgctl's list of paths) counts as empty, so
every file is written and nothing is wrongly skipped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from wgctl.files.atomic import write_atomic

if TYPE_CHECKING:
    from wgctl.site.memo import Rendered

MANIFEST = ".wgctl-site"
SEARCH_DIR = "pagefind"  # the search index: pagefind writes it, the manifest does not list it
FORMAT = 2
Stamp = tuple[str, int, str]  # digest of the bytes, size, digest of the inputs ("": none)


@dataclass
class Built:
    """What a build did: files written, files left as they were, stale files removed."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    stamps: dict[str, Stamp] = field(default_factory=dict)  # every file of the site, stamped


@dataclass
class Manifest:
    """An earlier build: its key (None: unknown) and the stamp of each file it wrote."""

    key: str | None = None
    files: dict[str, Stamp] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)  # every path it lists, stamped or not
    written_ns: int = 0  # when the manifest was written: the build's files are no newer


def read(out: Path) -> Manifest:
    """The manifest in `out`; an empty one when it is missing or does not read."""
    path = out / MANIFEST
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return Manifest()
    try:
        data = json.loads(text)
        written = path.stat().st_mtime_ns
    except ValueError:  # an older wgctl's manifest: one path a line, nothing stamped
        return Manifest(paths=text.split())
    except OSError:
        return Manifest()
    return _parse(data, written)


def _parse(data: Any, written: int) -> Manifest:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return Manifest()
    files: dict[str, Stamp] = {}
    found = data.get("files")
    for rel, stamp in (found if isinstance(found, dict) else {}).items():
        if isinstance(stamp, list) and len(stamp) == 3:
            sha, size, inputs = stamp
            if isinstance(sha, str) and isinstance(size, int) and isinstance(inputs, str):
                files[rel] = (sha, size, inputs)
    key = data.get("key")
    return Manifest(key if isinstance(key, str) else None, files, sorted(files), written)


def intact(out: Path, manifest: Manifest) -> bool:
    """True when every file the manifest lists is still there as the build left it."""
    if not manifest.files:
        return False
    return all(intact_file(out, rel, stamp, manifest) for rel, stamp in manifest.files.items())


def intact_file(out: Path, rel: str, stamp: Stamp, manifest: Manifest) -> bool:
    """True when the file has the size the build gave it and nobody wrote it since."""
    try:
        st = (out / rel).lstat()
    except OSError:
        return False
    return st.st_size == stamp[1] and st.st_mtime_ns <= manifest.written_ns


def digest(data: bytes) -> str:
    """A file's digest in the manifest."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def write_changed(out: Path, rendered: Rendered, before: Manifest) -> Built:
    """Write the files whose bytes differ from the earlier build's, remove the stale ones.

    Files the render kept (same inputs as before) stay as they are. The manifest written here
    has no key: `seal` gives it one once the build is whole.
    """
    done = Built()
    stamps = done.stamps
    for rel in sorted(rendered.kept):
        done.unchanged.append(rel)
        stamps[rel] = before.files[rel]
    made: set[Path] = set()
    for rel, data in sorted(rendered.files.items()):
        path, sha = out / rel, digest(data)
        inputs = rendered.inputs.get(rel, "")
        old = before.files.get(rel)
        if old is not None and old[0] == sha and intact_file(out, rel, old, before):
            done.unchanged.append(rel)
            stamps[rel] = (sha, old[1], inputs)
            continue
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        write_atomic(path, data, durable=False)
        done.written.append(rel)
        stamps[rel] = (sha, len(data), inputs)
    for rel in sorted(set(before.paths) - set(stamps)):
        if _inside(rel):  # the manifest is a file in the output: never trust it with a path out
            (out / rel).unlink(missing_ok=True)
            done.removed.append(rel)
    seal(out, done, None)
    return done


def seal(out: Path, done: Built, key: str | None) -> None:
    """Write the manifest of this build, last (so the build's files are no newer than it)."""
    files = {rel: list(stamp) for rel, stamp in done.stamps.items()}
    body = {"format": FORMAT, "key": key, "files": files}
    write_atomic(out / MANIFEST, json.dumps(body, sort_keys=True).encode(), durable=False)


def _inside(rel: str) -> bool:
    path = PurePosixPath(rel)
    return not path.is_absolute() and ".." not in path.parts and bool(path.parts)
