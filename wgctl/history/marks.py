"""What the audience filter needs of the records a diff does not change, read by the change.

Why: `wgctl diff` parses only the records that changed, but what it may show of them depends on
other records: the names of parties (organisations, groups, people: read whole, they are few)
and, of the records the changed ones mention, the id and marking (wgctl.audience.Mark). No other
record is listed or read, so a diff costs what the change touches. Marks are kept per git blob
and kind in .git/wgctl-marks.sqlite, so such a blob is parsed once and later diffs read one
table. The file is a cache: unreadable, foreign or written by another version of wgctl's code,
it is ignored and rebuilt; WGCTL_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wgctl import progress
from wgctl.confidentiality.audience import Mark
from wgctl.files import cache
from wgctl.files.discover import RECORDS_DIR
from wgctl.files.yamlio import record_data
from wgctl.history.gitblobs import pathspecs, read_blobs, tree_blobs
from wgctl.history.gitrepo import Git
from wgctl.models import KINDS, Record, Sensitivity
from wgctl.models.base import ID_PATTERN

FILE = "wgctl-marks.sqlite"
Key = tuple[str, str]  # (blob sha, kind folder)
_MARKINGS = {s.value: s for s in Sensitivity}
_ID = re.compile(ID_PATTERN)
MAX_ID = 80  # an id's longest form (models.base.RecordId)


def is_record(rel: str) -> bool:
    """True for a path of the form records/KIND/NAME.yaml, KIND one of the record kinds."""
    parts = rel.split("/")
    return (
        len(parts) == 3 and parts[0] == RECORDS_DIR and parts[1] in KINDS and rel.endswith(".yaml")
    )


def as_record(kind: str, data: dict[str, Any] | None) -> Record | None:
    """The validated record of a `kind` folder's file data, or None when it is not valid."""
    model = KINDS.get(kind)
    if model is None or data is None:
        return None
    try:
        return model.model_validate(data)
    except Exception:  # a validator's bug too: the file is simply not a valid record
        return None


@dataclass
class Unchanged:
    """What the audience filter needs of the records a diff does not change: the data of those
    that name parties (their names are withheld from free text), the marks of the rest."""

    marks: list[Mark] = field(default_factory=list)
    parties: dict[str, dict[str, Any] | None] = field(default_factory=dict)


def names_parties(kind: str) -> bool:
    """True for the kinds whose records name a party (organisations, groups, people)."""
    model = KINDS[kind]
    return bool(model.name_fields) or model.personal


def unchanged_at(g: Git, rev: str, skip: Iterable[str], mentioned: Iterable[str]) -> Unchanged:
    """What the filter needs of the records at `rev` outside `skip` (the changed paths).

    Every party whole (its names are withheld from free text; parties are few), and the marks
    of the other records whose id the changed records mention: only a mentioned id can be a
    reference the filter shows or withholds, so no other record is listed or read.
    """
    skipped = set(skip)
    folders = [f"{RECORDS_DIR}/{kind}" for kind in KINDS if names_parties(kind)]
    others = [kind for kind in KINDS if not names_parties(kind)]
    wanted = {f"{RECORDS_DIR}/{kind}/{i}.yaml" for i in mentioned for kind in others} - skipped
    listed = tree_blobs(g, rev, [*folders, *pathspecs(wanted)])
    named = {
        rel: sha
        for rel, sha in listed.items()
        if rel not in skipped and is_record(rel) and names_parties(rel.split("/")[1])
    }
    blobs = read_blobs(g, sorted(set(named.values())))
    parties = {rel: record_data(blobs.get(sha)) for rel, sha in named.items()}
    keys = [(sha, rel.split("/")[1]) for rel, sha in sorted(listed.items()) if rel in wanted]
    return Unchanged(marks_at(g, keys), parties)


def mentioned_ids(*sides: Mapping[str, Any]) -> set[str]:
    """Every text in the record data that could be a record id (what a reference can name)."""
    found: set[str] = set()
    stack: list[Any] = [side.values() for side in sides]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if len(item) <= MAX_ID and _ID.fullmatch(item):
                found.add(item)
        elif isinstance(item, dict):
            stack.append(item.values())
        elif not isinstance(item, bytes) and isinstance(item, Iterable):
            stack.extend(item)
    return found


def marks_at(g: Git, keys: list[Key]) -> list[Mark]:
    """The marks of these record blobs (cached in .git/; each blob parsed once, ever)."""
    wanted = set(keys)
    with _store(g.git_dir / FILE) as db:
        known = _lookup(db, wanted) if db else {}
        missing = sorted(wanted - known.keys())
        if missing:
            blobs = read_blobs(g, sorted({sha for sha, _ in missing}))
            fresh = {}
            for done, key in enumerate(missing, 1):
                fresh[key] = _mark(key, blobs.get(key[0]))
                progress.step("records read", done, len(missing))
            if db:
                _remember(db, fresh)
            known.update(fresh)
    return [m for key in keys if (m := known[key]) is not None]


def _mark(key: Key, raw: bytes | None) -> Mark | None:
    record = as_record(key[1], record_data(raw))
    return Mark.of(record) if record is not None else None


@contextlib.contextmanager
def _store(path: Path) -> Iterator[sqlite3.Connection | None]:
    """The open cache (None when off or unusable); a bad file is replaced once, then skipped."""
    if not cache.enabled():
        yield None
        return
    db = None
    for _ in range(2):
        try:
            db = _open(path)
            break
        except sqlite3.OperationalError:  # busy or unwritable: work without it this time
            break
        except sqlite3.Error:  # not a database, or not ours: rebuild it
            with contextlib.suppress(OSError):
                if path.is_file() and not path.is_symlink():
                    path.unlink()
    try:
        yield db
    finally:
        if db is not None:
            db.close()


def _open(path: Path) -> sqlite3.Connection:
    """The marks database, emptied and reshaped unless this very code wrote it."""
    db = sqlite3.connect(path, timeout=1.0, isolation_level=None)
    try:
        stamp = cache.code_fingerprint()
        if _fingerprint(db) != stamp:
            db.execute("begin immediate")
            db.execute("drop table if exists marks")
            db.execute("drop table if exists meta")
            db.execute("create table meta (fingerprint text not null)")
            db.execute(
                "create table marks (blob text, kind text, id text, sensitivity text,"
                " primary key (blob, kind)) without rowid"
            )
            db.execute("insert into meta values (?)", (stamp,))
            db.execute("commit")
    except sqlite3.Error:
        db.close()
        raise
    return db


def _fingerprint(db: sqlite3.Connection) -> str | None:
    """Who wrote the file; None for an empty, foreign or damaged one."""
    try:
        row = db.execute("select fingerprint from meta").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise
        return None
    return str(row[0]) if row else None


def _lookup(db: sqlite3.Connection, wanted: set[Key]) -> dict[Key, Mark | None]:
    """The cached marks among `wanted`; rows that do not read back are left out (misses)."""
    found: dict[Key, Mark | None] = {}
    try:  # join on the wanted blobs: rows of other commits' blobs stay unread
        db.execute("create temp table if not exists wanted (blob text primary key) without rowid")
        db.execute("delete from wanted")
        db.executemany("insert or ignore into wanted values (?)", ((k[0],) for k in wanted))
        rows = db.execute(
            "select m.blob, m.kind, m.id, m.sensitivity"
            " from marks m join wanted w on m.blob = w.blob"
        ).fetchall()
    except sqlite3.Error:
        return {}
    for blob, kind, record_id, sensitivity in rows:
        key = (blob, kind)
        if key not in wanted:
            continue
        if record_id is None:
            found[key] = None
            continue
        with contextlib.suppress(KeyError):
            found[key] = Mark(record_id, kind, _MARKINGS[sensitivity])
    return found


def _remember(db: sqlite3.Connection, fresh: dict[Key, Mark | None]) -> None:
    """Store new marks; failing to write only costs time next run."""
    rows = [
        (sha, kind, m.id if m else None, m.sensitivity.value if m else None)
        for (sha, kind), m in fresh.items()
    ]
    with contextlib.suppress(sqlite3.Error):
        db.execute("begin immediate")
        db.executemany("insert or replace into marks values (?, ?, ?, ?)", rows)
        db.execute("commit")
