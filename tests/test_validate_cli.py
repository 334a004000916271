"""`wgctl validate` end to end on real repositories."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.repo import RecordsRepo

Run = Callable[..., Any]


def test_minimal_repository_is_clean(repo: RecordsRepo, run_cli: Run) -> None:
    result = run_cli("validate", "--repo", repo.root)
    assert result.returncode == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout


def test_schema_error_names_file_line_and_rule(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit("records/organisations/aland.yaml", "ahg_member: true", "ahg_member: 3")
    result = run_cli("validate", "--repo", repo.root, "--format", "json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)["problems"]
    assert [(p["path"], p["line"], p["rule"]) for p in problems] == [
        ("records/organisations/aland.yaml", 5, "WG010")
    ]


def test_unknown_field_suggests_the_right_one(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit("records/meetings/som-2014.yaml", "location:", "chatham_hosue: true\nlocation:")
    result = run_cli("validate", "--repo", repo.root)
    assert result.returncode == 1
    assert "records/meetings/som-2014.yaml:7:1" in result.stdout
    assert "did you mean 'chatham_house'?" in result.stdout


def test_broken_reference_points_at_the_value(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit("records/actions/nominate-focal-point.yaml", "owner: ahg", "owner: nobody")
    result = run_cli("validate", "--repo", repo.root, "--format", "github")
    assert result.returncode == 1
    assert result.stdout.startswith(
        "::error file=records/actions/nominate-focal-point.yaml,line=5,col=8,title=WG502 known-party::"
    )


def test_validate_paths_reports_on_those_files_only(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit("records/organisations/aland.yaml", "ahg_member: true", "ahg_member: 3")
    repo.edit("records/organisations/iom.yaml", "ahg_member: true", "ahg_member: 3")
    result = run_cli(
        "validate",
        "--repo",
        repo.root,
        "--format",
        "json",
        repo.root / "records/organisations/iom.yaml",
    )
    problems = json.loads(result.stdout)["problems"]
    assert {p["path"] for p in problems} == {"records/organisations/iom.yaml"}


def test_no_records_folder_is_a_usage_error(empty_repo: RecordsRepo, run_cli: Run) -> None:
    result = run_cli("validate", "--repo", empty_repo.root)
    assert result.returncode == 2
    assert "no records/ folder" in result.stderr
