"""Loaded record files in SQLite under .git/: one row per file, read when the record is used.

Why: a warm run should pay for the records it looks at. A row holds a file's content stamp
(its blob SHA when git has it unchanged, else a hash of its content), kind, id, problems and the
pickled record; the index (everything but the record) is read at once, a record only when a
command first uses it (`wgctl.recordviews.Resolver`). A changed file rewrites its own row, so
an edited, uncommitted file never rewrites the rest. Only a cache: a corrupt or foreign database
(another format, wgctl code or size limit) is thrown away and rebuilt; a row whose stamp no
longer matches is never served (the file is read again instead).
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wgctl.files.cache import code_fingerprint
from wgctl.files.heap import gc_paused

STORE_FILE = "wgctl-files.sqlite"
FORMAT = "1"
SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, kind TEXT NOT NULL,
                    id TEXT NOT NULL, problems BLOB, record BLOB) WITHOUT ROWID;
"""
Row = tuple[str, str, str, Any]  # (stamp, kind, id; "" when it did not load, problems blob)
Reload = Callable[[str], Any]  # path -> its record, read from the file itself


class StoreError(Exception):
    """The store could not be used; the run reads every file instead."""


class RecordStore:
    """One open store; rows written by `put`/`drop` become visible to others at `commit`."""

    def __init__(self, repo: Path, max_bytes: int) -> None:
        self._path = repo / ".git" / STORE_FILE
        self._stamp = f"{FORMAT} {code_fingerprint()} {max_bytes}"
        self._lock = threading.Lock()
        self._expected: dict[str, str] = {}
        self._writes: list[tuple[str, ...] | tuple[Any, ...]] = []
        self._drops: list[str] = []
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(str(exc)) from exc

    def _open(self) -> sqlite3.Connection:
        for attempt in range(2):
            db = sqlite3.connect(self._path, timeout=0.2, check_same_thread=False)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                row = db.execute("SELECT value FROM meta WHERE name = 'stamp'").fetchone()
                if row is not None and row[0] == self._stamp:
                    return db
            except sqlite3.DatabaseError:  # corrupt, foreign, or from an older format
                if attempt:
                    raise
            db.close()
            self._recreate()
        raise StoreError("the record store could not be created")  # pragma: no cover

    def _recreate(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self._path}{suffix}").unlink()
        db = sqlite3.connect(self._path)
        try:
            db.executescript(SCHEMA)
            with db:
                db.execute("INSERT INTO meta VALUES ('stamp', ?)", (self._stamp,))
        finally:
            db.close()

    def index(self) -> dict[str, Row]:
        """Every stored file but its record: {path: (stamp, kind, id, problems blob)}."""
        rows = self._db.execute("SELECT path, stamp, kind, id, problems FROM files")
        return {path: (stamp, kind, rid, blob) for path, stamp, kind, rid, blob in rows}

    def expect(self, path: str, stamp: str) -> None:
        """The content this run saw for `path`: a row with another stamp is never served."""
        self._expected[path] = stamp

    def put(self, path: str, stamp: str, kind: str, record: Any, problems: list[Any]) -> None:
        """Remember a freshly loaded file (written at `commit`)."""
        with gc_paused():
            blob = pickle.dumps(problems, protocol=5) if problems else None
            data = pickle.dumps(record, protocol=5) if record is not None else None
        rid = record.id if record is not None else ""
        self._writes.append((path, stamp, kind, rid, blob, data))

    def drop(self, paths: list[str]) -> None:
        """Forget files that are gone (at `commit`)."""
        self._drops.extend(paths)

    def commit(self) -> None:
        """Write this run's rows; failing to write (a busy or read-only store) costs only speed."""
        if not (self._writes or self._drops):
            return
        with self._lock, contextlib.suppress(sqlite3.Error), self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", self._writes
            )
            self._db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in self._drops))
        self._writes, self._drops = [], []

    def fetcher(self, reload: Reload) -> Callable[[list[str]], dict[str, Any]]:
        """What a `Resolver` calls: records by path from their rows, or from the file itself
        when the row is missing, changed since or unreadable."""

        def fetch(paths: list[str]) -> dict[str, Any]:
            found = self._fetch(paths)
            return {p: found[p] if p in found else reload(p) for p in paths}

        return fetch

    def _fetch(self, paths: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        with self._lock, gc_paused(), contextlib.suppress(sqlite3.Error):
            for start in range(0, len(paths), 500):
                chunk = paths[start : start + 500]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT path, stamp, record FROM files WHERE path IN ({marks})"  # noqa: S608
                for path, stamp, data in self._db.execute(query, chunk):
                    if data is None or stamp != self._expected.get(path):
                        continue
                    with contextlib.suppress(Exception):  # an unreadable row is read again
                        found[path] = pickle.loads(data)  # noqa: S301 - our own file in .git/
        return found
