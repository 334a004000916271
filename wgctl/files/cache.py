"""What git says about the working tree, and the memo of the last validation, under .git/.

Why: a warm `wgctl validate` with nothing changed should not parse 10,000 files again.
`git ls-files -s` gives each tracked file's blob SHA in milliseconds; `git status` names the
files whose working copy differs from it, and those (and untracked ones) are stamped by a hash
of their content (`GitState.stamps`, the key of wgctl.files.store). The caches live in the
repository's own .git/ folder, which only the local user can write (anyone who can write there
can already run git hooks), and are thrown away whenever wgctl's code changes. Set
WGCTL_NO_CACHE=1 to turn them off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import stat
import subprocess
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import wgctl
from wgctl.files.atomic import write_atomic
from wgctl.files.discover import RECORDS_DIR
from wgctl.files.heap import gc_paused
from wgctl.gitcmd import run_git

PACKAGE = Path(wgctl.__file__).resolve().parent
RESULT_FILE = "wgctl-result.pickle"
FORMAT = 1
_SKIP_MODES = (b"120000", b"160000")  # symlinks and submodules: their blob is not the content
_SYMLINK_ENTRY = re.compile(rb"(?:^|\0)120000 ")  # a tracked symlink in `git ls-files -s -z`
HASH_LIMIT = 8_000_000  # changed files up to this size are hashed; bigger ones go by metadata


def enabled() -> bool:
    """False when the user turned the cache off."""
    return not os.environ.get("WGCTL_NO_CACHE")


class GitState:
    """What git says about the working tree: every tracked blob, every changed or new file."""

    def __init__(self, repo: Path, listing: bytes, status: bytes, ignored: bytes) -> None:
        self.repo = repo
        self.listing = listing
        self.status = status
        self.ignored = ignored
        self._clean: dict[str, str] | None = None

    @classmethod
    def read(cls, repo: Path) -> GitState | None:
        """Three quick git calls (R21: options first, paths after `--`); None without git."""
        if not enabled() or not (repo / ".git").is_dir():
            return None
        try:
            listing = run_git(repo, "ls-files", "-s", "-z")
            status = run_git(repo, "status", "--porcelain", "-z", "--untracked-files=all")
            ignored = run_git(
                repo,
                "ls-files",
                "-z",
                "--others",
                "--ignored",
                "--exclude-standard",
                "--",
                RECORDS_DIR,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return cls(repo, listing, status, ignored)

    def clean_blobs(self) -> dict[str, str]:
        """{path: blob sha} of tracked record files whose working copy is unchanged."""
        if self._clean is None:
            self._clean = self._read_clean_blobs()
        return self._clean

    def _read_clean_blobs(self) -> dict[str, str]:
        blobs: dict[str, str] = {}
        prefix = RECORDS_DIR.encode() + b"/"
        for entry in self.listing.split(b"\0"):
            meta, _, path = entry.partition(b"\t")
            fields = meta.split(b" ")
            usable = len(fields) == 3 and fields[2] == b"0" and fields[0] not in _SKIP_MODES
            if usable and path.startswith(prefix):
                blobs[os.fsdecode(path)] = fields[1].decode("ascii")
        for dirty in _status_paths(self.status):
            blobs.pop(dirty, None)
        return blobs

    def stamps(self, paths: list[str]) -> dict[str, str] | None:
        """{path: what stands for its content}: the blob SHA of a clean tracked file, else a
        hash of the content; None when a symlink makes content unknowable to git."""
        clean = self.clean_blobs()
        out: dict[str, str] = {}
        for rel in paths:
            sha = clean.get(rel)
            if sha is None:
                stamp = _content_stamp(self.repo / rel)
                if stamp is None:
                    return None
                sha = "h" + stamp.hex()
            out[rel] = sha
        return out

    def key(self, *parts: object) -> str | None:
        """A digest of the whole working tree's content; None when git cannot vouch for it.

        Changed, new and ignored files are few: their content is hashed (size and time lie after
        `touch -d`, `cp -p`, `tar x` or `rsync -t`). A symlink anywhere git sees one may lead to
        content git does not track, so then there is no key (and no memo).
        """
        if _SYMLINK_ENTRY.search(self.listing):
            return None
        digest = hashlib.sha256(repr(parts).encode())
        digest.update(code_fingerprint().encode())
        for blob in (self.listing, self.status, self.ignored):
            digest.update(blob)
            digest.update(b"\1")
        extra = set(_status_paths(self.status)) | {
            os.fsdecode(p) for p in self.ignored.split(b"\0") if p
        }
        for rel in sorted(extra):
            stamp = _content_stamp(self.repo / rel)
            if stamp is None:
                return None
            digest.update(os.fsencode(rel) + b"\0" + stamp + b"\0")
        return digest.hexdigest()


def _content_stamp(path: Path) -> bytes | None:
    """What stands for a changed file's content: its hash (metadata when huge); None: a symlink."""
    try:
        st = path.lstat()
    except OSError:
        return b"gone"
    if stat.S_ISLNK(st.st_mode):
        return None
    meta = f"{st.st_mode} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}".encode()
    if not stat.S_ISREG(st.st_mode) or st.st_size > HASH_LIMIT:
        return meta  # ctime and inode change with every write, even when mtime is set back
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        try:
            data = os.read(fd, HASH_LIMIT + 1)
        finally:
            os.close(fd)
    except OSError:
        return meta
    return f"{st.st_mode} {len(data)} ".encode() + hashlib.sha256(data).digest()


def _status_paths(status: bytes) -> Iterator[str]:
    """Every path `git status --porcelain -z` names (both sides of a rename or copy)."""
    tokens = iter(status.split(b"\0"))
    for token in tokens:
        if len(token) < 4:
            continue
        yield os.fsdecode(token[3:])
        if token[:1] in b"RC":
            yield os.fsdecode(next(tokens, b""))


@functools.cache
def code_fingerprint() -> str:
    """Changes whenever wgctl's code or pydantic changes: any cached result may then differ.

    Each source file counts by name, size and modification time (installing, checking out or
    editing a file changes them): stat is ten times cheaper than reading and hashing every file.
    """
    digest = hashlib.sha256(f"{FORMAT} {pydantic_stamp()}".encode())
    for path in code_files():
        st = path.stat()
        digest.update(f"{path.relative_to(PACKAGE)} {st.st_size} {st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def pydantic_stamp() -> str:
    """pydantic's version file by size and time (any install changes them), found without
    importing pydantic or importlib.metadata: that import was a fifth of a memo-hit run."""
    origin = str(getattr(find_spec("pydantic"), "origin", ""))
    st = Path(origin).with_name("version.py").stat()
    return f"{origin} {st.st_size} {st.st_mtime_ns}"


def code_files() -> list[Path]:
    """Every source file of wgctl (the whole package, not only this module's folder)."""
    return sorted(PACKAGE.rglob("*.py"))


class ResultMemo:
    """The problems of the last run, reused when nothing in the working tree changed since."""

    def __init__(self, state: GitState, *parts: object) -> None:
        self._path = state.repo / ".git" / RESULT_FILE
        self._key = state.key(*parts)

    def get(self) -> tuple[list[Any], list[str]] | None:
        """(problems, files) of a run with the same key, if there was one."""
        if self._key is None:
            return None
        try:
            with self._path.open("rb") as handle, gc_paused():
                key, problems, files = pickle.load(handle)  # noqa: S301 - our own file in .git/
        except Exception:  # a missing, old or corrupt memo is just a miss
            return None
        return (problems, files) if key == self._key else None

    def put(self, problems: list[Any], files: list[str]) -> None:
        """Remember this run's outcome (unless the tree's content has no key)."""
        if self._key is not None:
            _write_pickle(self._path, (self._key, problems, files))


def _write_pickle(path: Path, value: object) -> None:
    """Atomically replace a cache file; failing to write only costs speed next time."""
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        with gc_paused():
            data = pickle.dumps(value, protocol=5)
        write_atomic(path, data, durable=False)
