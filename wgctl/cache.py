"""A cache of loaded record files under .git/, keyed by git blob SHAs.

Why: a warm `wgctl validate` with nothing changed should not parse 10,000 files again.
`git ls-files -s` gives each tracked file's blob SHA in milliseconds; `git status` names the
files whose working copy differs from it, and those (and untracked ones) are never served
from the cache. The cache lives in the repository's own .git/ folder, which only the local
user can write (anyone who can write there can already run git hooks), and is thrown away
whenever wgctl's models or loader change. Set WGCTL_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import subprocess
import tempfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from wgctl.discover import RECORDS_DIR

CACHE_FILE = "wgctl-cache.pickle"
FORMAT = 1
_LOADER_MODULES = ("yamlio.py", "load.py", "pydantic_errors.py", "discover.py", "errors.py")
_SKIP_MODES = (b"120000", b"160000")  # symlinks and submodules: their blob is not the content
Entry = tuple[str, Any, list[Any]]  # (blob sha, record or None, problems)


def enabled() -> bool:
    """False when the user turned the cache off."""
    return not os.environ.get("WGCTL_NO_CACHE")


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Bulk (un)pickling of many small objects is 5x faster without cyclic GC passes."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _git(repo: Path, *args: str) -> bytes:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}  # never take the index lock from others
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, check=True, env=env, timeout=60
    )
    return done.stdout


def clean_blobs(repo: Path) -> dict[str, str] | None:
    """{path: blob sha} of tracked record files whose working copy is unchanged, or None."""
    if not (repo / ".git").is_dir():
        return None
    try:
        listing = _git(repo, "ls-files", "-s", "-z", "--", RECORDS_DIR)
        status = _git(
            repo, "status", "--porcelain", "-z", "--untracked-files=all", "--", RECORDS_DIR
        )
    except (OSError, subprocess.SubprocessError):
        return None
    blobs: dict[str, str] = {}
    for entry in listing.split(b"\0"):
        meta, _, path = entry.partition(b"\t")
        fields = meta.split(b" ")
        if len(fields) == 3 and fields[2] == b"0" and fields[0] not in _SKIP_MODES:
            blobs[os.fsdecode(path)] = fields[1].decode("ascii")
    for dirty in _status_paths(status):
        blobs.pop(dirty, None)
    return blobs


def _status_paths(status: bytes) -> Iterator[str]:
    """Every path `git status --porcelain -z` names (both sides of a rename or copy)."""
    tokens = iter(status.split(b"\0"))
    for token in tokens:
        if len(token) < 4:
            continue
        yield os.fsdecode(token[3:])
        if token[:1] in b"RC":
            yield os.fsdecode(next(tokens, b""))


def fingerprint(max_bytes: int) -> str:
    """Changes whenever cached results could: wgctl's models or loader, pydantic, the limit."""
    digest = hashlib.sha256(f"{FORMAT} {max_bytes} {metadata.version('pydantic')}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted((package / "models").glob("*.py")) + [package / m for m in _LOADER_MODULES]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


class Cache:
    """Loaded files of one repository: served when the blob SHA still matches."""

    def __init__(self, repo: Path, max_bytes: int) -> None:
        self._path = repo / ".git" / CACHE_FILE
        self._blobs = clean_blobs(repo) if enabled() else None
        self._fingerprint = fingerprint(max_bytes) if self._blobs is not None else ""
        self._old: dict[str, Entry] = self._read() if self._blobs is not None else {}
        self._new: dict[str, Entry] = {}

    def get(self, rel: str) -> tuple[Any, list[Any]] | None:
        """The cached (record, problems) of a file, if its content is what was cached."""
        sha = self._blobs.get(rel) if self._blobs else None
        entry = self._old.get(rel)
        if sha is None or entry is None or entry[0] != sha:
            return None
        self._new[rel] = entry
        return entry[1], entry[2]

    def put(self, rel: str, record: Any, problems: list[Any]) -> None:
        """Remember a freshly loaded file, if it is a clean tracked one."""
        sha = self._blobs.get(rel) if self._blobs else None
        if sha is not None:
            self._new[rel] = (sha, record, problems)

    def save(self) -> None:
        """Write the cache if it changed; a failure to write only costs speed next time."""
        if self._blobs is None or self._unchanged():
            return
        with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
            fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".wgctl-cache.")
            try:
                with os.fdopen(fd, "wb") as handle, _no_gc():
                    pickle.dump((self._fingerprint, self._new), handle, protocol=5)
                Path(tmp).replace(self._path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    Path(tmp).unlink()

    def _unchanged(self) -> bool:
        same_files = self._new.keys() == self._old.keys()
        return same_files and all(self._new[k][0] == self._old[k][0] for k in self._new)

    def _read(self) -> dict[str, Entry]:
        try:
            with self._path.open("rb") as handle, _no_gc():
                stamp, entries = pickle.load(handle)  # noqa: S301 - our own file in .git/, see above
        except Exception:  # a missing, old or corrupt cache is just a cold start
            return {}
        return entries if stamp == self._fingerprint and isinstance(entries, dict) else {}
