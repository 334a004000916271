"""`wgctl log RECORD`: one record's history from real commits, following renames."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.repo import RecordsRepo
from tests.test_history import git_children

Run = Callable[..., Any]
REL = "records/actions/nominate-focal-point.yaml"


def _history(repo: RecordsRepo) -> None:
    repo.edit(REL, "due: 2014-08-20", "due: 2014-09-30")
    repo.commit(
        "extend the deadline",
        date="2014-08-21T10:00:00+07:00",
        author="Ana Lopez <ana@example.org>",
    )
    repo.git("mv", REL, "records/actions/focal-point.yaml")
    repo.edit("records/actions/focal-point.yaml", "id: nominate-focal-point", "id: focal-point")
    repo.commit("shorter id", date="2015-01-05T09:00:00+00:00", author="Bo Chen <bo@example.org>")
    repo.edit("records/actions/focal-point.yaml", "owner: ahg", "owner: iom")
    repo.commit(
        "IOM owns it", date="2016-02-01T12:00:00+00:00", author="Ana Lopez <ana@example.org>"
    )


def test_log_follows_renames_and_names_fields_authors_and_dates(
    repo: RecordsRepo, run_cli: Run
) -> None:
    _history(repo)
    result = run_cli("log", "focal-point", "--repo", repo.root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    heads = [line for line in lines if not line.startswith(" ")]
    assert [h.split("  ", 1)[1] for h in heads] == [
        "2016-02-01  Ana Lopez <ana@example.org>  IOM owns it",
        "2015-01-05  Bo Chen <bo@example.org>  shorter id",
        "2014-08-21  Ana Lopez <ana@example.org>  extend the deadline",
        "2017-10-01  Test <test@example.org>  initial records",
    ]
    assert lines[1:2] == ['    - owner: "ahg" -> "iom"']
    assert "    - renamed from records/actions/nominate-focal-point.yaml" in lines
    assert '    - id: "nominate-focal-point" -> "focal-point"' in lines
    assert '    - due: "2014-08-20" -> "2014-09-30"' in lines
    assert lines[-1] == "    - created"
    assert git_children() == []


def test_log_json_is_valid_and_complete(repo: RecordsRepo, run_cli: Run) -> None:
    _history(repo)
    result = run_cli(
        "log", "records/actions/focal-point.yaml", "--repo", repo.root, "--format", "json"
    )
    doc = json.loads(result.stdout)
    assert doc["record"] == "records/actions/focal-point.yaml"
    assert [(h["status"], h["author"], h["date"][:10]) for h in doc["history"]] == [
        ("A", "Test", "2017-10-01"),
        ("M", "Ana Lopez", "2014-08-21"),
        ("R", "Bo Chen", "2015-01-05"),
        ("M", "Ana Lopez", "2016-02-01"),
    ]
    assert doc["history"][1]["date"] == "2014-08-21T10:00:00+07:00"
    assert len(doc["history"][2]["commit"]) == 40


def test_log_of_a_deleted_record_by_path(repo: RecordsRepo, run_cli: Run) -> None:
    repo.remove("records/organisations/iom.yaml")
    repo.commit("IOM leaves", author="Cy Dee <cy@example.org>")
    by_id = run_cli("log", "iom", "--repo", repo.root)
    assert by_id.returncode == 1
    assert "give its path" in by_id.stderr
    by_path = run_cli("log", "records/organisations/iom.yaml", "--repo", repo.root)
    assert by_path.returncode == 0
    assert by_path.stdout.splitlines()[1] == "    - deleted"


def test_log_errors_are_one_line(tmp_path: Any, repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({"records/themes/new.yaml": "id: new\n"})
    uncommitted = run_cli("log", "new", "--repo", repo.root)
    assert uncommitted.returncode == 1
    assert uncommitted.stderr == (
        "wgctl: records/themes/new.yaml: git has no history for this file (is it committed?)\n"
    )
    dash = run_cli("log", "--repo", repo.root, "--", "--output=x")
    assert dash.returncode == 1
    assert not (repo.root / "x").exists()
    assert run_cli("log", "x", "--repo", tmp_path).returncode == 2


def test_log_names_each_change_when_a_revision_returns_to_earlier_content(
    repo: RecordsRepo, run_cli: Run
) -> None:
    """Git stores a reverted file as the same blob: each revision still says what it changed."""
    for when, (old, new) in enumerate((("2014-08-20", "2014-09-30"), ("2014-09-30", "2014-08-20"))):
        repo.edit(REL, f"due: {old}", f"due: {new}")
        repo.commit(f"due {new}", date=f"2015-0{when + 1}-01T10:00:00+00:00")
    result = run_cli("log", REL, "--repo", repo.root)
    assert result.returncode == 0, result.stderr
    changes = [line for line in result.stdout.splitlines() if line.startswith("    - due")]
    assert changes == [
        '    - due: "2014-09-30" -> "2014-08-20"',
        '    - due: "2014-08-20" -> "2014-09-30"',
    ]
