"""The findings of each rule about each record, with what the rule read, in SQLite under .git/.

Why: after an edit to one file, a warm `wgctl validate` should re-run the cross-record rules only
where their inputs changed. A row per (rule, subject) keeps its problems and the keys it read
(`wgctl.records.Read`); a second table maps each key back to the rows that read it, so the rows
an edit makes stale are found with one indexed query, and only they are rewritten. The index of
files (path, content stamp, kind, id) of the last run says what changed since.

Like the per-file cache it is only a cache: a missing, corrupt or foreign database (another
format, another wgctl code, another day or size limit) is thrown away and built again.
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wgctl.files.cache import code_fingerprint
from wgctl.files.heap import gc_paused

MEMO_FILE = "wgctl-rules.sqlite"
FORMAT = "1"
SEP = "\x1f"  # joins the parts of a read key into one text
Unit = tuple[str, str]  # (rule, subject path; "" for a rule over the whole repository)
Indexed = tuple[str, str, str]  # (content stamp, kind, id; "" when the file did not load)

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, kind TEXT NOT NULL,
                    id TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE units (rule TEXT NOT NULL, subject TEXT NOT NULL, problems BLOB, reads BLOB NOT NULL,
                    PRIMARY KEY (rule, subject)) WITHOUT ROWID;
CREATE TABLE deps (key TEXT NOT NULL, rule TEXT NOT NULL, subject TEXT NOT NULL,
                   PRIMARY KEY (key, rule, subject)) WITHOUT ROWID;
"""


class MemoError(Exception):
    """The database could not be used; the run goes on without it."""


def key_text(key: tuple[str, ...]) -> str:
    """A read key as stored."""
    return SEP.join(key)


class RuleMemo:
    """One open memo database; every change is one transaction, committed by `close`."""

    def __init__(self, repo: Path, stamp: str) -> None:
        self._path = repo / ".git" / MEMO_FILE
        self.stamp = f"{FORMAT} {code_fingerprint()} {stamp}"
        self.fresh = False
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError) as exc:
            raise MemoError(str(exc)) from exc

    def _open(self) -> sqlite3.Connection:
        for attempt in range(2):
            db = sqlite3.connect(self._path, timeout=0.2, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("BEGIN IMMEDIATE")
                row = db.execute("SELECT value FROM meta WHERE name = 'stamp'").fetchone()
                if row is not None and row[0] == self.stamp:
                    return db
                db.execute("ROLLBACK")
            except sqlite3.DatabaseError:  # corrupt, foreign, or from an older format
                if attempt:
                    raise
            db.close()
            self._recreate()
        raise MemoError("the memo database could not be created")  # pragma: no cover

    def _recreate(self) -> None:
        """Start again from nothing: the old file (and its journal) are thrown away."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self._path}{suffix}").unlink()
        db = sqlite3.connect(self._path, isolation_level=None)
        try:
            db.executescript(SCHEMA)
            db.execute("INSERT INTO meta VALUES ('stamp', ?)", (self.stamp,))
        finally:
            db.close()
        self.fresh = True

    def files(self) -> dict[str, Indexed]:
        """The files of the last run: {path: (stamp, kind, id)}."""
        rows = self._db.execute("SELECT path, stamp, kind, id FROM files")
        return {path: (stamp, kind, rid) for path, stamp, kind, rid in rows}

    def unloaded(self) -> set[str]:
        """The stems that failed to load in the last run."""
        row = self._db.execute("SELECT value FROM meta WHERE name = 'unloaded'").fetchone()
        return set(row[0].split(SEP)) - {""} if row else set()

    def stale(self, keys: Iterable[str]) -> set[Unit]:
        """The units that read any of these keys."""
        wanted = sorted(set(keys))
        found: set[Unit] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT rule, subject FROM deps WHERE key IN ({marks})"  # noqa: S608 - marks only
            found.update(self._db.execute(query, chunk))
        return found

    def problems(self, skip: set[Unit]) -> Iterator[Any]:
        """The stored problems of every unit not in `skip`."""
        rows = self._db.execute("SELECT rule, subject, problems FROM units WHERE problems NOT NULL")
        with gc_paused():
            for rule, subject, blob in rows:
                if (rule, subject) not in skip:
                    yield from pickle.loads(blob)  # noqa: S301 - our own file in .git/

    def units_of(self, subjects: Iterable[str]) -> set[Unit]:
        """Every stored unit about these subjects (files that are gone or changed)."""
        found: set[Unit] = set()
        for subject in set(subjects):
            found.update(
                self._db.execute("SELECT rule, subject FROM units WHERE subject = ?", (subject,))
            )
        return found

    def forget(self, units: Iterable[Unit]) -> None:
        """Remove units and their keys."""
        for rule, subject in units:
            row = self._db.execute(
                "SELECT reads FROM units WHERE rule = ? AND subject = ?", (rule, subject)
            ).fetchone()
            if row is None:
                continue
            keys = row[0].decode().split("\n") if row[0] else []
            self._db.executemany(
                "DELETE FROM deps WHERE key = ? AND rule = ? AND subject = ?",
                ((key, rule, subject) for key in keys),
            )
            self._db.execute("DELETE FROM units WHERE rule = ? AND subject = ?", (rule, subject))

    def remember(self, found: Iterable[tuple[Unit, list[Any], set[str]]]) -> None:
        """Store fresh units (forget their old versions first)."""
        units: list[tuple[str, str, bytes | None, bytes]] = []
        deps: list[tuple[str, str, str]] = []
        for (rule, subject), problems, keys in found:
            blob = pickle.dumps(problems, protocol=5) if problems else None
            units.append((rule, subject, blob, "\n".join(sorted(keys)).encode()))
            deps.extend((key, rule, subject) for key in keys)
        self._db.executemany("INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?)", units)
        self._db.executemany("INSERT OR IGNORE INTO deps VALUES (?, ?, ?)", deps)

    def index(self, files: dict[str, Indexed], changed: Iterable[str], unloaded: set[str]) -> None:
        """Record the files of this run (only the rows that changed are written)."""
        for path in changed:
            if path in files:
                self._db.execute(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (path, *files[path])
                )
            else:
                self._db.execute("DELETE FROM files WHERE path = ?", (path,))
        self._db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('unloaded', ?)", (SEP.join(sorted(unloaded)),)
        )

    def close(self, *, commit: bool) -> None:
        """Commit (or roll back) this run's changes and close."""
        try:
            self._db.execute("COMMIT" if commit else "ROLLBACK")
        except sqlite3.Error:
            pass
        finally:
            self._db.close()
