"""The records of one audience as a SQLite database, with its Datasette metadata.

Tables and keys are declared in `sqlite_schema`, filled from `sqlite_rows`. The file is built in
a private temporary folder and returned as bytes, so the command writes it all or nothing.
Rows are inserted in key order, so one commit gives the same file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlite_utils

from wgctl.confidentiality.audience import View
from wgctl.export import datasette, sqlite_rows
from wgctl.export.sqlite_schema import ORDER, Row, Spec, sql_type


def _key(spec: Spec, row: Row) -> tuple[str, ...]:
    return tuple(
        str(row[k]).zfill(6) if isinstance(row[k], int) else str(row[k]) for k in spec.pk.split()
    )


def _fill(db: sqlite_utils.Database, spec: Spec, rows: list[Row]) -> None:
    """Create one table with its keys, insert its rows in key order, index its text."""
    table = db.table(spec.name)
    columns = {c: sql_type(spec, c) for c in spec.columns.split()}
    pk = spec.pk.split()
    key = pk[0] if len(pk) == 1 else tuple(pk)
    table.create(
        columns,
        pk=key,
        foreign_keys=spec.foreign_keys(),
        not_null=pk,
    )
    table.insert_all(sorted(rows, key=lambda r: _key(spec, r)), pk=key)
    if spec.fts:
        table.enable_fts(spec.fts.split(), create_triggers=False)


def database(view: View, name: str) -> tuple[bytes, bytes]:
    """The database file's bytes and its Datasette metadata (JSON) for the database `name`."""
    found = sqlite_rows.rows(view)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.db"
        db = sqlite_utils.Database(path)
        for spec in ORDER:
            _fill(db, spec, found[spec.name])
        db.vacuum()
        db.close()
        data = path.read_bytes()
    return data, datasette.metadata(view, name, [spec.name for spec in ORDER])
