"""`wgctl validate --changed-since REF`: only what the change did, on real git repositories."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.repo import RecordsRepo
from tests.test_history import git_children

Run = Callable[..., Any]


def _found(run_cli: Run, repo: RecordsRepo, ref: str = "HEAD") -> list[tuple[str, int, str]]:
    result = run_cli("validate", "--repo", repo.root, "--changed-since", ref, "--format", "json")
    doc = json.loads(result.stdout)
    assert result.returncode == (1 if doc["errors"] else 0)
    return [(p["path"], p["line"], p["rule"]) for p in doc["problems"]]


def test_nothing_changed_reports_nothing_even_with_old_problems(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.edit("records/organisations/iom.yaml", "type: international-organisation", "type: nope")
    repo.commit("an old mistake")
    assert _found(run_cli, repo) == []
    full = run_cli("validate", "--repo", repo.root)
    assert full.returncode == 1
    assert "records/organisations/iom.yaml:5:" in full.stdout


def test_unstaged_staged_and_committed_changes_are_reported(
    repo: RecordsRepo, run_cli: Run
) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    repo.edit("records/organisations/aland.yaml", "type: state", "type: land")
    repo.commit("committed mistake")
    repo.edit("records/organisations/borduria.yaml", "type: state", "type: land")
    repo.git("add", "records/organisations/borduria.yaml")
    repo.edit("records/organisations/carpania.yaml", "type: state", "type: land")

    assert _found(run_cli, repo, base) == [
        ("records/organisations/aland.yaml", 4, "WG010"),
        ("records/organisations/borduria.yaml", 4, "WG010"),
        ("records/organisations/carpania.yaml", 4, "WG010"),
    ]
    assert _found(run_cli, repo, "HEAD") == [
        ("records/organisations/borduria.yaml", 4, "WG010"),
        ("records/organisations/carpania.yaml", 4, "WG010"),
    ]


def test_a_deletion_reports_the_reference_it_breaks_in_an_unchanged_file(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.remove("records/organisations/borduria.yaml")
    result = run_cli("validate", "--repo", repo.root, "--changed-since", "HEAD")
    assert result.returncode == 1
    assert "records/groups/ewg.yaml:21:13: error: terms.1.member: no organisation has the id" in (
        result.stdout
    )
    assert "[WG103]" in result.stdout


def test_a_committed_rename_reports_references_to_the_old_id(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.git("mv", "records/meetings/som-2014.yaml", "records/meetings/som-8.yaml")
    repo.edit("records/meetings/som-8.yaml", "id: som-2014", "id: som-8")
    repo.commit("rename the SOM")
    found = _found(run_cli, repo, "HEAD~1")
    assert ("records/groups/ewg.yaml", 8, "WG103") in found  # endorsed_at: som-2014
    assert ("records/actions/nominate-focal-point.yaml", 4, "WG103") in found  # raised_at
    assert {path for path, _, _ in found} == {
        "records/groups/ewg.yaml",
        "records/actions/nominate-focal-point.yaml",
    }


def test_odd_file_names_are_reported_under_their_real_names(
    repo: RecordsRepo, run_cli: Run
) -> None:
    names = [
        "records/themes/with space.yaml",
        "records/themes/ünïcode.yaml",
        "records/themes/-x.yaml",
    ]
    for name in names:
        repo.write({name: "id: cooperation-2\nsensitivity: public\n"})
    untracked = _found(run_cli, repo)
    assert {path for path, _, _ in untracked} == set(names)
    repo.commit("odd names")
    assert _found(run_cli, repo) == []
    for name in names:
        repo.edit(name, "sensitivity: public", "sensitivity: secret")
    edited = _found(run_cli, repo)
    assert {path for path, _, _ in edited} == set(names)
    assert {rule for path, line, rule in edited if line == 2} == {"WG010"}


def test_unchanged_duplicate_is_reported_when_a_new_file_takes_its_id(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.write(
        {"records/documents/Tor.yaml": "id: tor\nsensitivity: public\ntype: note\ntitle: x\n"}
    )
    paths = {path for path, _, _ in _found(run_cli, repo)}
    assert "records/documents/Tor.yaml" in paths


def test_bad_ref_plain_folder_and_empty_repository_exit_2(
    tmp_path: Path, repo: RecordsRepo, run_cli: Run
) -> None:
    bad = run_cli("validate", "--repo", repo.root, "--changed-since", "no-such-branch")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "wgctl: 'no-such-branch': no such commit in this repository"

    dash = run_cli("validate", "--repo", repo.root, "--changed-since", "--output=leak")
    assert dash.returncode == 2
    assert not (repo.root / "leak").exists()

    plain = tmp_path / "plain"
    (plain / "records").mkdir(parents=True)
    result = run_cli("validate", "--repo", plain, "--changed-since", "HEAD")
    assert result.returncode == 2
    assert "not a git repository" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

    empty = RecordsRepo(tmp_path / "empty")
    empty.root.mkdir()
    empty.git("init", "-q")
    empty.write({"records/themes/a.yaml": "id: a\n"})
    result = run_cli("validate", "--repo", empty.root, "--changed-since", "HEAD")
    assert result.returncode == 2
    assert "no commits yet" in result.stderr
    assert git_children() == []
