"""Discovery of record files (R10): records/ only, never outside the repository, never silent."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.repo import RecordsRepo
from wgctl.files.discover import discover

Run = Callable[..., Any]
ORG = "records/organisations/aland.yaml"


def found_and_problems(repo: RecordsRepo) -> tuple[list[str], list[tuple[str, str]]]:
    """Files discover would load, and (path, message) of what it reports."""
    found, problems = discover(repo.root)
    return [f.rel for f in found], [(p.path, p.message) for p in problems]


def cli_problems(run_cli: Run, repo: RecordsRepo) -> list[tuple[str, int, str, str]]:
    """Every problem the real CLI reports, as (path, line, rule, message)."""
    result = run_cli("validate", "--repo", repo.root, "--format", "json")
    doc = json.loads(result.stdout)
    return [(p["path"], p["line"], p["rule"], p["message"]) for p in doc["problems"]]


def test_minimal_repository_finds_every_record(repo: RecordsRepo) -> None:
    found, problems = found_and_problems(repo)
    assert problems == []
    assert len(found) == 12
    assert found == sorted(found)
    assert ORG in found


def test_symlinked_file_leaving_the_repository_is_refused(
    repo: RecordsRepo, run_cli: Run, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n")
    (repo.root / "records/organisations/secret.yaml").symlink_to(secret)
    assert cli_problems(run_cli, repo) == [
        ("records/organisations/secret.yaml", 1, "WG009", "symlink leads outside the repository")
    ]


def test_symlinked_folder_leaving_the_repository_is_refused(
    repo: RecordsRepo, run_cli: Run, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.yaml").write_text("id: x\n")
    (repo.root / "records/people").symlink_to(outside, target_is_directory=True)
    assert cli_problems(run_cli, repo) == [
        ("records/people", 1, "WG009", "symlink leads outside the repository")
    ]


def test_records_folder_itself_leaving_the_repository_is_refused(
    repo: RecordsRepo, tmp_path: Path
) -> None:
    (repo.root / "records").rename(tmp_path / "moved")
    (repo.root / "records").symlink_to(tmp_path / "moved", target_is_directory=True)
    assert found_and_problems(repo) == (
        [],
        [("records", "records/ is a symlink leading outside the repository")],
    )


def test_symlink_inside_the_repository_is_followed(repo: RecordsRepo) -> None:
    (repo.root / "shared").mkdir()
    (repo.root / "records/organisations/iom.yaml").rename(repo.root / "shared/iom.yaml")
    (repo.root / "records/organisations/iom.yaml").symlink_to("../../shared/iom.yaml")
    found, problems = found_and_problems(repo)
    assert problems == []
    assert "records/organisations/iom.yaml" in found


def test_symlink_loops_are_errors(repo: RecordsRepo, run_cli: Run) -> None:
    (repo.root / "records/organisations/loop").symlink_to("..", target_is_directory=True)
    (repo.root / "records/organisations/self.yaml").symlink_to("self.yaml")
    found = cli_problems(run_cli, repo)
    assert ("records/organisations/self.yaml", 1, "WG009", "symlink loop") in found
    assert (
        "records/organisations/loop",
        1,
        "WG009",
        "symlink loop: folder already visited",
    ) in found


@pytest.mark.parametrize("name", ["carpania.yml", "carpania.YAML", "carpania.Yaml"])
def test_other_yaml_suffixes_are_reported_never_skipped(
    repo: RecordsRepo, run_cli: Run, name: str
) -> None:
    (repo.root / "records/organisations/carpania.yaml").rename(
        repo.root / "records/organisations" / name
    )
    suffix = name.partition(".")[2]
    assert cli_problems(run_cli, repo) == [
        (
            f"records/organisations/{name}",
            1,
            "WG009",
            f"record files end in .yaml, not .{suffix}: rename it",
        )
    ]


@pytest.mark.parametrize(
    "name",
    [
        ".aland.yaml",
        "aland.yaml~",
        ".aland.yaml.swp",
        "aland.yaml.bak",
        "#aland.yaml#",
        ".#aland.yaml",
    ],
)
def test_editor_backups_and_dot_files_never_shadow_records(
    repo: RecordsRepo, run_cli: Run, name: str
) -> None:
    (repo.root / "records/organisations" / name).write_text("id: aland\nsensitivity: secret\n")
    assert cli_problems(run_cli, repo) == []
    found, problems = found_and_problems(repo)
    assert problems == []
    assert f"records/organisations/{name}" not in found


@pytest.mark.parametrize(
    ("rel", "message"),
    [
        ("records/aland.yaml", "records live at records/<kind>/<id>.yaml"),
        ("records/organisations/old/aland2.yaml", "records live at records/<kind>/<id>.yaml"),
        ("records/organisations/notes.txt", "not a record file (records are .yaml files)"),
    ],
)
def test_files_at_the_wrong_place_are_reported(
    repo: RecordsRepo, run_cli: Run, rel: str, message: str
) -> None:
    repo.write({rel: "id: aland2\n"})
    assert cli_problems(run_cli, repo) == [(rel, 1, "WG009", message)]


def test_unknown_kind_folder_is_reported(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({"records/organization/aland2.yaml": "id: aland2\n"})
    [(path, line, rule, message)] = cli_problems(run_cli, repo)
    assert (path, line, rule) == ("records/organization/aland2.yaml", 1, "WG009")
    assert message.startswith("unknown record kind 'organization' (known: actions, documents,")


def test_readme_is_allowed(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({"records/README.md": "# Records\n", "records/actions/README.md": "x\n"})
    assert cli_problems(run_cli, repo) == []


def test_files_outside_records_are_never_loaded(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({"other/organisations/x.yaml": "id: [\n", "x.yaml": "!!python/name:os.system\n"})
    assert cli_problems(run_cli, repo) == []


def test_control_characters_in_file_names_are_reported_printably(
    repo: RecordsRepo, run_cli: Run
) -> None:
    (repo.root / "records/organisations/a\nb.yaml").write_text("id: ab\n")
    (repo.root / os.fsdecode(b"records/organisations/caf\xe9.yaml")).write_text("id: cafe\n")
    found = cli_problems(run_cli, repo)
    assert found == [
        ("records/organisations/a\\x0ab.yaml", 1, "WG009", "file name contains control characters: rename it"),
        ("records/organisations/caf\\xe9.yaml", 1, "WG009", "file name is not valid UTF-8: rename it"),
    ]  # fmt: skip


def test_unreadable_folder_is_a_problem(repo: RecordsRepo) -> None:
    folder = repo.root / "records/people"
    folder.mkdir()
    folder.chmod(0)
    try:
        _found, problems = found_and_problems(repo)
    finally:
        folder.chmod(0o755)
    if os.geteuid() != 0:  # root reads anything
        assert problems == [("records/people", "cannot read folder: Permission denied")]


def test_symlinks_into_git_internals_are_refused(repo: RecordsRepo, run_cli: Run) -> None:
    """Inside the repository, but git's data is never a record: not loaded, never quoted."""
    (repo.root / "records/organisations/config.yaml").symlink_to("../../.git/config")
    (repo.root / "records/people").symlink_to("../.git", target_is_directory=True)
    found, problems = found_and_problems(repo)
    assert "records/organisations/config.yaml" not in found
    assert not any(f.startswith("records/people/") for f in found)
    assert sorted(problems) == [
        ("records/organisations/config.yaml", "symlink leads into git's own .git/ folder"),
        ("records/people", "symlink leads into git's own .git/ folder"),
    ]
    result = run_cli("validate", "--repo", repo.root)
    assert "[core]" not in result.stdout
