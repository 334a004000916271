"""Records derived from the whole working tree (an audience's view), kept for an unchanged tree.

Why: a report filters every record for its audience before it builds anything; over an
unchanged tree the filter's output is the same every time. It is kept in the record store's
database, one row per record, under a key of the tree's whole content and the wgctl code
(`GitState.key`), and read back lazily (`Records.lazy`): a report unpickles only the kinds it
uses. Only a cache: a failure to read or write costs speed; a key that differs is a miss.
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
from pathlib import Path
from typing import Any

from wgctl.errors import InputError
from wgctl.files.cache import GitState
from wgctl.files.heap import gc_paused
from wgctl.files.store import STORE_FILE
from wgctl.records import Records
from wgctl.recordviews import Pending, Resolver

KEEP = 4  # the views kept (audiences, days): older ones are dropped when one is added
SCHEMA = """
CREATE TABLE IF NOT EXISTS views (key TEXT PRIMARY KEY, extra BLOB NOT NULL, added REAL NOT NULL);
CREATE TABLE IF NOT EXISTS view_rows (key TEXT NOT NULL, seq INTEGER NOT NULL,
    path TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, record BLOB NOT NULL,
    PRIMARY KEY (key, path)) WITHOUT ROWID;
"""


def view_key(repo: Path, *parts: object) -> str | None:
    """The key of a view of this tree's content; None without git (or when git cannot vouch)."""
    state = GitState.read(repo)
    return state.key("view", *parts) if state else None


def _connect(repo: Path) -> sqlite3.Connection:
    db = sqlite3.connect(repo / ".git" / STORE_FILE, timeout=0.2, check_same_thread=False)
    db.executescript(SCHEMA)
    return db


def get(repo: Path, key: str) -> tuple[Records, Any] | None:
    """The records and extra data kept under `key`, the records read on first use."""
    try:
        db = _connect(repo)
        row = db.execute("SELECT extra FROM views WHERE key = ?", (key,)).fetchone()
        if row is None:
            db.close()
            return None
        with gc_paused():
            extra = pickle.loads(row[0])  # noqa: S301 - our own file in .git/
        stubs = db.execute(
            "SELECT path, kind, id FROM view_rows WHERE key = ? ORDER BY seq", (key,)
        ).fetchall()
    except (sqlite3.Error, OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None
    records = Records.lazy(Resolver(_fetcher(db, key)))
    for path, kind, rid in stubs:
        records.add_pending(Pending(path, kind, rid))
    return records, extra


def _fetcher(db: sqlite3.Connection, key: str) -> Any:
    def fetch(paths: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        with gc_paused():
            for start in range(0, len(paths), 500):
                chunk = paths[start : start + 500]
                marks = ",".join("?" * len(chunk))
                query = (
                    "SELECT path, record FROM view_rows "  # noqa: S608 - marks only
                    f"WHERE key = ? AND path IN ({marks})"
                )
                for path, data in db.execute(query, (key, *chunk)):
                    found[path] = pickle.loads(data)  # noqa: S301 - our own file in .git/
        missing = set(paths) - found.keys()
        if missing:  # deleted under us by another run: nothing to fall back to
            raise InputError("the cached view changed while being read; run the command again")
        return found

    return fetch


def put(repo: Path, key: str, records: Records, extra: Any) -> None:
    """Keep records (and extra data) under `key`; failing to write only costs speed."""
    with contextlib.suppress(sqlite3.Error, OSError, pickle.PicklingError, TypeError):
        with gc_paused():
            rows = [
                (key, seq, r.path, r.kind, r.id, pickle.dumps(r, protocol=5))
                for seq, r in enumerate(records)
            ]
            blob = pickle.dumps(extra, protocol=5)
        db = _connect(repo)
        try:
            with db:
                db.execute("DELETE FROM view_rows WHERE key = ?", (key,))
                db.execute(
                    "INSERT OR REPLACE INTO views VALUES (?, ?, julianday('now'))", (key, blob)
                )
                db.executemany("INSERT INTO view_rows VALUES (?, ?, ?, ?, ?, ?)", rows)
                old = db.execute(
                    "SELECT key FROM views ORDER BY added DESC LIMIT -1 OFFSET ?", (KEEP,)
                ).fetchall()
                db.executemany("DELETE FROM views WHERE key = ?", old)
                db.executemany("DELETE FROM view_rows WHERE key = ?", old)
        finally:
            db.close()
