"""`wgctl new ...`: valid records with the next free id, checked before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.repo import RecordsRepo
from wgctl.editing.scaffold import record_text

Run = Callable[..., Any]


def test_new_meeting_gets_the_next_free_id_and_validates(repo: RecordsRepo, run_cli: Run) -> None:
    args = [
        "new",
        "meeting",
        "--title",
        "EWG meeting: spring",
        "--start",
        "2015-03-02",
        "--group",
        "ewg",
    ]
    first = run_cli(
        *args, "--location", "Bangkok, Thailand", "--source", "tor", "--repo", repo.root
    )
    assert (first.returncode, first.stdout) == (0, "created records/meetings/ewg-2015.yaml\n")
    second = run_cli(*args, "--source", "tor", "--repo", repo.root)
    assert second.stdout == "created records/meetings/ewg-2015-2.yaml\n"
    assert repo.read("records/meetings/ewg-2015.yaml") == (
        "# yaml-language-server: $schema=../../schemas/meetings.schema.json\n"
        "id: ewg-2015\nsensitivity: members\ntype: working-group-meeting\n"
        'title: "EWG meeting: spring"\ngroup: ewg\nstart: 2015-03-02\n'
        'location: "Bangkok, Thailand"\nsources:\n- document: tor\n'
    )
    assert run_cli("validate", "--repo", repo.root).returncode == 0


def test_new_action_and_initiative(repo: RecordsRepo, run_cli: Run) -> None:
    action = run_cli(
        "new",
        "action",
        "--text",
        "Nominate a focal point.",
        "--owner",
        "aland",
        "--due",
        "2015-01-31",
        "--source",
        "tor",
        "--repo",
        repo.root,
    )
    assert action.stdout == "created records/actions/nominate-a-focal-point.yaml\n"
    assert "status: open\n" in repo.read("records/actions/nominate-a-focal-point.yaml")
    initiative = run_cli(
        "new",
        "initiative",
        "--theme",
        "cooperation",
        "--title",
        "Share intelligence",
        "--source",
        "tor",
        "--repo",
        repo.root,
    )
    assert initiative.stdout == "created records/initiatives/1-2-share-intelligence.yaml\n"
    assert 'number: "1.2"\n' in repo.read("records/initiatives/1-2-share-intelligence.yaml")
    update = run_cli(
        "new",
        "update",
        "1-2-share-intelligence",
        "--status",
        "ongoing",
        "--text",
        "Begun.",
        "--date",
        "2016-01-01",
        "--repo",
        repo.root,
        "--force",
    )
    assert update.returncode == 0, update.stderr
    assert run_cli("validate", "--repo", repo.root).returncode == 0


def test_cross_record_errors_refuse_the_write(repo: RecordsRepo, run_cli: Run) -> None:
    result = run_cli(
        "new",
        "action",
        "--text",
        "Do it.",
        "--owner",
        "nobody",
        "--source",
        "tor",
        "--repo",
        repo.root,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("wgctl: records/actions/do-it.yaml:")
    assert result.stderr.endswith("; nothing written\n")
    assert not (repo.root / "records/actions/do-it.yaml").exists()
    no_source = run_cli(
        "new", "action", "--text", "Do it.", "--owner", "aland", "--repo", repo.root
    )
    assert (no_source.returncode, no_source.stderr) == (1, "wgctl: --source is required\n")
    bad_date = run_cli(
        "new",
        "meeting",
        "--title",
        "x",
        "--start",
        "2015-02-30",
        "--source",
        "tor",
        "--repo",
        repo.root,
    )
    assert bad_date.returncode == 2
    assert repo.git("status", "--porcelain") == ""


def test_record_text_quotes_what_yaml_would_misread() -> None:
    text = record_text("themes", {"id": "t", "number": "1", "title": "no", "other": "yes: really"})
    assert text.splitlines()[1:] == ["id: t", 'number: "1"', 'title: "no"', 'other: "yes: really"']
