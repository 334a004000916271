"""Working from anywhere in a records repository, as with git (issue 12, point 4)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.repo import RecordsRepo

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_validate_from_a_records_subfolder_finds_the_repository(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo.root / "records/organisations/-x.yaml").write_text("id: -x\nsensitivity: public\n")
    monkeypatch.chdir(repo.root / "records/organisations")
    everything = run_cli("validate", "--format", "json")
    one = run_cli("validate", "--format", "json", "--", "-x.yaml")
    assert everything.returncode == one.returncode == 1
    paths = {p["path"] for p in json.loads(one.stdout)["problems"]}
    assert paths == {"records/organisations/-x.yaml"}
    assert (json.loads(everything.stdout)["files"], json.loads(one.stdout)["files"]) == (13, 1)


def test_repo_before_the_command(repo: RecordsRepo, run_cli: Run, tmp_path: Path) -> None:
    before = run_cli("--repo", repo.root, "validate", "--format", "json")
    assert before.returncode == 0, before.stderr
    assert json.loads(before.stdout)["errors"] == 0
    roster = run_cli("--repo", repo.root, "roster", "show", "ewg")
    assert roster.returncode == 0, roster.stderr
    assert "seat" in roster.stdout.lower()


def test_repo_after_the_command_wins(repo: RecordsRepo, run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("--repo", tmp_path / "nowhere", "validate", "--repo", repo.root)
    assert result.returncode == 0, result.stderr


def test_no_repository_anywhere_is_one_line(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no records/ folder in" in result.stderr
    assert "or any folder above it (use --repo to point at one)" in result.stderr


@pytest.fixture
def plain(repo: RecordsRepo) -> RecordsRepo:
    """The small record set in a folder that is not a git repository."""
    import shutil

    shutil.rmtree(repo.root / ".git")
    return repo


def test_git_history_commands_say_so_in_one_line(plain: RecordsRepo, run_cli: Run) -> None:
    for args in (("diff",), ("log", "aland"), ("validate", "--changed-since", "HEAD")):
        result = run_cli(*args, "--repo", plain.root)
        assert result.returncode == 2, args
        assert result.stderr == (
            f"wgctl: {plain.root}: not a git repository (this command needs git history)\n"
        )


def test_writes_outside_git_are_refused_alike_unless_forced(
    plain: RecordsRepo, run_cli: Run
) -> None:
    refusal = (
        f"wgctl: {plain.root}: not a git repository, so git could not show or undo this"
        " change; use --force to write anyway\n"
    )
    before = plain.read("records/actions/nominate-focal-point.yaml")
    close = run_cli(
        "action", "close", "nominate-focal-point", "--note", "done", "--repo", plain.root
    )
    owners = run_cli("codeowners", "--repo", plain.root, "--today", "2016-06-01")
    assert (close.returncode, close.stderr) == (1, refusal)
    assert (owners.returncode, owners.stderr) == (1, refusal)
    assert plain.read("records/actions/nominate-focal-point.yaml") == before
    assert not (plain.root / ".github").exists()
    forced = run_cli("codeowners", "--repo", plain.root, "--today", "2016-06-01", "--force")
    assert (forced.returncode, forced.stdout) == (0, "wrote .github/CODEOWNERS\n")
