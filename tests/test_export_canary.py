"""The leak test for every export format: xlsx, csv, SQLite, Popolo and the calendar.

The canary records of the report leak test (one unique string in each restricted, members-only,
personal or Chatham House field) are exported for each audience; every file each command
writes is opened the way its reader would (xlsx unzipped, every SQLite table dumped) and
searched. Exports also carry record ids, so an id may appear exactly where its record may.

The organisations and the official at the Chatham House meeting are records the audience may
see: the listings of organisations and people (sheet, CSV, tables, Popolo organizations and
persons) name them, as they name every other; what must never appear is their part in that
meeting, so everything else is searched for them.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.repo import RecordsRepo
from tests.test_report_canary import AUDIENCES, CANARIES, NEVER, RANK, RESTRICTED, canary_repo

__all__ = ["canary_repo"]  # the module-scoped fixture, shared with the report leak test

Run = Callable[..., subprocess.CompletedProcess[str]]
KINDS = ("actions", "initiatives", "meetings", "terms", "organisations")
# Exports name records by id: the restricted organisation's id may reach a restricted export.
ALLOWED = {**CANARIES, "canary-restricted-org-id": (RESTRICTED, False)}
# What each audience's exports must show (the test cannot pass by exporting nothing).
EXPECTED = {
    "public": ["ALLOWED-PUBLIC-UPDATE", "ALLOWED-AGENDA-ITEM", "ALLOWED-JPA-PARTICIPANT"],
    "members": ["CANARY-MEMBERS-UPDATE", "CANARY-MEMBERS-ORG", "CANARY-PERSON-NAME"],
    "restricted": ["CANARY-RESTRICTED-UPDATE-1", "CANARY-RESTRICTED-ACTION"],
}


LISTED = {
    "CANARY-CHATHAM-PARTICIPANT",
    "CANARY-CHATHAM-CHAIR",
    "CANARY-CHATHAM-HOST",
    "CANARY-CHATHAM-ATTENDEE",
}
LISTINGS = {
    "records.xlsx",
    "records.xlsx:Organisations",
    "organisations.csv",
    "records.db:listings",
    "popolo.json:listings",
}


def _sqlite_texts(path: Path) -> dict[str, str]:
    """Every table dumped: the organisation and people tables apart from the others."""
    connection = sqlite3.connect(path)
    try:
        lines = list(connection.iterdump())
    finally:
        connection.close()
    listed = [line for line in lines if '"organisations' in line or '"people' in line]
    rest = [line for line in lines if line not in set(listed)]
    return {"records.db:listings": "\n".join(listed), "records.db": "\n".join(rest)}


def _xlsx_texts(path: Path) -> dict[str, str]:
    """The raw XML of every part, and each sheet's cell values."""
    import openpyxl

    with zipfile.ZipFile(path) as book:
        texts = {"records.xlsx": "\n".join(book.read(n).decode("utf-8") for n in book.namelist())}
    for ws in openpyxl.load_workbook(path).worksheets:
        cells = (str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)
        texts[f"records.xlsx:{ws.title}"] = "\n".join(cells)
    return texts


def export_all(run_cli: Run, repo: RecordsRepo, audience: str, out: Path) -> dict[str, str]:
    """Every export for one audience; file name -> its text as its reader sees it."""
    texts: dict[str, str] = {}
    common = ("--audience", audience, "--repo", repo.root)

    def run(*args: str | Path) -> str:
        done = run_cli("export", *args, *common)
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    run("xlsx", out / "records.xlsx")
    texts.update(_xlsx_texts(out / "records.xlsx"))
    for kind in KINDS:
        run("csv", out / f"{kind}.csv", "--kind", kind)
    run("sqlite", out / "records.db")
    run("popolo", out / "popolo.json")
    texts["calendar.ics"] = run("ics")
    for path in sorted(out.iterdir()):
        if path.suffix == ".db":
            texts.update(_sqlite_texts(path))
        elif path.suffix != ".xlsx":
            texts[path.name] = path.read_text(encoding="utf-8-sig")
    popolo = json.loads(texts["popolo.json"])
    listings = [popolo.pop("organizations"), popolo.pop("persons")]
    texts["popolo.json:listings"] = json.dumps(listings)
    texts["popolo.json"] = json.dumps(popolo)
    return texts


def _may_show(name: str, canary: str, audience: str) -> bool:
    allowed, _ = ALLOWED[canary]
    if canary in LISTED and name in LISTINGS:
        return True
    return allowed is not NEVER and RANK[allowed] <= RANK[audience]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_canary_reaches_an_export_for_an_audience_that_may_not_see_it(
    canary_repo: RecordsRepo, run_cli: Run, tmp_path: Path, audience: str
) -> None:
    texts = export_all(run_cli, canary_repo, audience, tmp_path)
    assert {"records.db", "records.metadata.json", "popolo.json", "actions.csv"} <= set(texts)
    assert "records.xlsx:Action items" in texts
    leaks = [
        f"{canary} in {name}"
        for name, text in texts.items()
        for canary in ALLOWED
        if canary.lower() in text.lower() and not _may_show(name, canary, audience)
    ]
    assert not leaks, f"{audience} export leaks: {leaks}"
    everything = "\n".join(texts.values())
    wanted = [
        c for level, names in EXPECTED.items() if RANK[level] <= RANK[audience] for c in names
    ]
    assert [c for c in wanted if c not in everything] == []
    for name in ("records.db", "records.xlsx:Meetings", "calendar.ics"):
        assert "ALLOWED-" in texts[name], name
    assert "First Joint Period of Action" in texts["popolo.json"]
    # The listings do name the Chatham House organisations: the exemption above is needed.
    assert "CANARY-CHATHAM-HOST" in texts["records.db:listings"]
