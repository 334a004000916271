"""`wgctl export sqlite`: keyed tables, full-text search and canned queries on the bundled records."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROJECT

Run = Callable[..., subprocess.CompletedProcess[str]]


def export(tmp: Path, audience: str, name: str = "records") -> tuple[Path, dict[str, Any]]:
    """The bundled records' database and metadata, written by the real command."""
    from typer.testing import CliRunner

    from wgctl.cli import app

    target = tmp / f"{name}.db"
    args = ["export", "sqlite", str(target), "--audience", audience, "--repo", str(PROJECT)]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    metadata = json.loads((tmp / f"{name}.metadata.json").read_text(encoding="utf-8"))
    return target, metadata


@pytest.fixture(scope="module")
def members(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    return export(tmp_path_factory.mktemp("sqlite"), "members")


@pytest.fixture
def db(members: tuple[Path, dict[str, Any]]) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(members[0])
    yield connection
    connection.close()


def _query(metadata: dict[str, Any], name: str) -> str:
    sql: str = metadata["databases"]["records"]["queries"][name]["sql"]
    return sql


def test_tables_have_keys_and_every_reference_resolves(db: sqlite3.Connection) -> None:
    tables = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
    for kind in ("organisations", "groups", "people", "meetings", "themes", "initiatives"):
        assert kind in tables
    for child in ("updates", "meeting_participants", "terms", "nominations", "sources"):
        assert child in tables
    pk = [r[1] for r in db.execute("pragma table_info(updates)") if r[5]]
    assert pk == ["initiative_id", "position"]
    fks = {(r[3], r[2]) for r in db.execute("pragma foreign_key_list(actions)")}
    assert fks == {("raised_at_id", "meetings"), ("initiative_id", "initiatives")}
    assert db.execute("pragma foreign_key_check").fetchall() == []
    (count,) = db.execute("select count(*) from initiatives").fetchone()
    assert count == len(list((PROJECT / "records" / "initiatives").glob("*.yaml")))
    due = db.execute("select due from actions where id = 'catalogue-focal-point'").fetchone()
    assert due == ("2011-10-26",)


def test_text_fields_are_searchable(db: sqlite3.Connection) -> None:
    hits = db.execute(
        "select i.number from initiatives i join initiatives_fts f on f.rowid = i.rowid "
        "where initiatives_fts match 'biometric'"
    ).fetchall()
    assert hits == [("3.3",)]
    found = db.execute(
        "select count(*) from updates_fts where updates_fts match 'training'"
    ).fetchone()
    assert found[0] > 0


def test_canned_query_who_chaired_in_a_year(
    db: sqlite3.Connection, members: tuple[Path, dict[str, Any]]
) -> None:
    rows = db.execute(_query(members[1], "chairs_in_year"), {"year": "2016"}).fetchall()
    # The terms of reference: New Zealand and Sri Lanka co-chaired the DWG in 2015-2016.
    assert [(r[0], r[2], r[3]) for r in rows] == [("dwg", 1, "NZ"), ("dwg", 2, "Sri Lanka")]
    assert db.execute(_query(members[1], "chairs_in_year"), {"year": "1999"}).fetchall() == []


def test_canned_query_initiatives_without_update_for_two_years(
    db: sqlite3.Connection, members: tuple[Path, dict[str, Any]]
) -> None:
    sql = _query(members[1], "initiatives_without_update")
    assert db.execute(sql, {"as_of": "2018-06-30"}).fetchall() == []
    stale = db.execute(sql, {"as_of": "2019-06-30"}).fetchall()
    # 1.3 was last updated in March 2017 and 1.5 in May 2017; every other item in October 2017.
    assert [(r[0], r[3]) for r in stale] == [("1.3", "2017-03-01"), ("1.5", "2017-05-27")]
    latest = dict(db.execute("select initiative_id, max(date) from updates group by 1"))
    cutoff = date(2017, 6, 30).isoformat()
    assert sorted(i for i, d in latest.items() if d < cutoff) == [
        "1-3-joint-periods-of-action",
        "1-5-following-the-money",
    ]


def test_canned_query_members_that_never_hosted(
    db: sqlite3.Connection, members: tuple[Path, dict[str, Any]]
) -> None:
    never = {r[0] for r in db.execute(_query(members[1], "members_never_hosted"))}
    # JCLEC (based in Indonesia) and UNODC hosted recorded meetings; CIFAL-Jeju did too, but
    # South Korea, where it is based, is not an Ad Hoc Group member.
    assert {"indonesia", "unodc", "south-korea"}.isdisjoint(never)
    assert {"australia", "thailand", "new-zealand"} <= never
    (members_count,) = db.execute("select count(*) from organisations where ahg_member").fetchone()
    assert len(never) == members_count - 2


def test_metadata_describes_every_table_and_output_is_deterministic(
    members: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, metadata = members
    database = metadata["databases"]["records"]
    assert "MEMBERS ONLY" in database["description"]
    connection = sqlite3.connect(path)
    tables = {
        r[0]
        for r in connection.execute("select name from sqlite_master where type = 'table'")
        if "_fts" not in r[0]
    }
    connection.close()
    assert tables == set(database["tables"])
    assert all(t["description"] for t in database["tables"].values())
    assert {q["title"] for q in database["queries"].values()} == {
        "Who chaired each group in a given year",
        "Initiatives with no update for two years",
        "Members that never hosted a meeting",
    }
    again, _ = export(tmp_path, "members")
    assert again.read_bytes() == path.read_bytes()


def test_public_database_has_no_people_and_existing_files_are_kept(
    tmp_path: Path, run_cli: Run
) -> None:
    path, _ = export(tmp_path, "public", "pub")
    connection = sqlite3.connect(path)
    assert connection.execute("select count(*) from people").fetchone() == (0,)
    connection.close()
    before = path.read_bytes()
    again = run_cli("export", "sqlite", path, "--repo", PROJECT)
    assert again.returncode == 1
    assert again.stderr == f"wgctl: {path}: already exists (--force replaces it)\n"
    assert path.read_bytes() == before
    # Only the metadata file exists: nothing is written, not even the database.
    fresh = tmp_path / "fresh.db"
    (tmp_path / "fresh.metadata.json").write_text("{}\n")
    refused = run_cli("export", "sqlite", fresh, "--repo", PROJECT)
    assert refused.returncode == 1
    assert "fresh.metadata.json: already exists" in refused.stderr
    assert not fresh.exists()
    assert (tmp_path / "fresh.metadata.json").read_text() == "{}\n"
