"""`wgctl validate` end to end on real repositories."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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


ORG = "records/organisations/x.yaml"
FILE_RULES = [
    ("WG001", ORG, b"id: [\n", (2, 1)),
    ("WG002", ORG, b"id: x\nname: caf\xe9\n", (2, 10)),
    ("WG003", ORG, b"id: x\n" + b"# padding\n" * 200, (1, 1)),
    ("WG004", ORG, b"- a\n- b\n", (1, 1)),
    ("WG005", ORG, b"id: x\nsensitivity: public\nid: y\n", (3, 1)),
    ("WG006", ORG, b"id: !!python/object/apply:os.system [echo]\n", (1, 5)),
    ("WG007", ORG, b"id: x\n<<: {name: y}\n", (2, 1)),  # anchors and aliases: test_load
    ("WG008", ORG, b"id: " + b"[" * 200 + b"]" * 200 + b"\n", (1, 68)),
    ("WG009", "records/organisations/x.yml", b"id: x\n", (1, 1)),
    (
        "WG011",
        ORG,
        b"id: x\nsensitivity: public\nname: X\ntype: state\nsources: [{document: tor}]\n"
        b"ahg_membr: true\n",
        (6, 1),
    ),
    (
        "WG012",
        ORG,
        b"id: x\nsensitivity: public\ntype: state\nsources: [{document: tor}]\n",
        (1, 1),
    ),
]


@pytest.mark.parametrize("case", FILE_RULES, ids=[c[0] for c in FILE_RULES])
def test_file_rules_name_file_line_column_and_rule(
    repo: RecordsRepo, run_cli: Run, case: tuple[str, str, bytes, tuple[int, int]]
) -> None:
    code, rel, data, where = case
    repo.write_bytes(rel, data)
    result = run_cli("validate", "--repo", repo.root, "--format", "json", "--max-bytes", "1000")
    assert result.returncode == 1
    problems = json.loads(result.stdout)["problems"]
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems] == [
        (rel, *where, code)
    ]


def test_text_output_is_editor_clickable_with_source_line_and_hint(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.edit("records/actions/nominate-focal-point.yaml", "owner: ahg", "owner: nobody")
    result = run_cli("validate", "--repo", repo.root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "records/actions/nominate-focal-point.yaml",
        "  records/actions/nominate-focal-point.yaml:5:8: error: owner: 'nobody' is not a known "
        "organisation or group [WG502]",
        "       5 | owner: nobody",
        "    hint: Add the organisation, or fix the id.",
        "12 files checked: 1 errors, 0 warnings: failed",
    ]


def test_warnings_exit_0_and_1_with_strict(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit(
        "records/actions/nominate-focal-point.yaml", "status: closed\nclosed: 2014-08-19\n", ""
    )
    args = ("validate", "--repo", repo.root, "--today", "2015-01-01")
    assert run_cli(*args).returncode == 0
    assert "0 errors, 1 warnings: ok" in run_cli(*args).stdout
    assert run_cli(*args, "--strict").returncode == 1


def test_clean_repository_passes_strict(repo: RecordsRepo, run_cli: Run) -> None:
    assert (
        run_cli("validate", "--repo", repo.root, "--strict", "--today", "2017-10-01").returncode
        == 0
    )


@pytest.mark.parametrize(
    "args",
    [
        ("--no-such-option",),
        ("--format", "xml"),
        ("--today", "2017-02-30"),
        ("--max-bytes", "many"),
    ],
)
def test_usage_errors_exit_2(repo: RecordsRepo, run_cli: Run, args: tuple[str, ...]) -> None:
    result = run_cli("validate", "--repo", repo.root, *args)
    assert result.returncode == 2
    assert result.stdout == ""


def test_missing_repo_folder_is_a_usage_error(tmp_path: Path, run_cli: Run) -> None:
    result = run_cli("validate", "--repo", tmp_path / "nowhere")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "not a directory" in result.stderr


ODD = "records/organisations/émile,1:2%.yaml"


def _odd_file(repo: RecordsRepo) -> None:
    repo.write(
        {
            ODD: "id: emile\nsensitivity: public\nname: Émile\ntype: state\nsources: [{document: tor}]\n"
        }
    )


def test_json_is_valid_with_unicode_file_names(repo: RecordsRepo, run_cli: Run) -> None:
    _odd_file(repo)
    result = run_cli("validate", "--repo", repo.root, "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["errors"] == 1
    assert [(p["path"], p["line"], p["rule"]) for p in doc["problems"]] == [(ODD, 1, "WG102")]
    assert len(result.stdout.splitlines()) == 3  # head, one line per problem, tail


def test_github_escapes_file_properties(repo: RecordsRepo, run_cli: Run) -> None:
    _odd_file(repo)
    result = run_cli("validate", "--repo", repo.root, "--format", "github")
    assert result.stdout == (
        "::error file=records/organisations/émile%2C1%3A2%25.yaml,line=1,col=5,"
        "title=WG102 id-matches-file::id 'emile' does not match the file name 'émile,1:2%25'\n"
    )


def test_text_shows_real_utf8_file_names(repo: RecordsRepo, run_cli: Run) -> None:
    _odd_file(repo)
    result = run_cli("validate", "--repo", repo.root)
    assert f"  {ODD}:1:5: error: id 'emile'" in result.stdout


def test_undecodable_file_name_never_breaks_output(repo: RecordsRepo, run_cli: Run) -> None:
    name = os.fsdecode(b"records/organisations/caf\xe9.yaml")
    text = "id: cafe\nsensitivity: public\nname: Cafe\ntype: state\nsources: [{document: tor}]\n"
    repo.write({name: text})
    for fmt in ("json", "github", "text"):
        result = run_cli("validate", "--repo", repo.root, "--format", fmt)
        assert result.returncode == 1
        assert "records/organisations/caf" in result.stdout
        result.stdout.encode("utf-8")
    doc = json.loads(run_cli("validate", "--repo", repo.root, "--format", "json").stdout)
    [problem] = doc["problems"]
    assert problem["path"].startswith("records/organisations/caf")
    assert problem["path"].isprintable()


# Text output quotes source lines only from files the loader accepted to read.
LINKED = "records/actions/x.yaml"


def _text(run_cli: Run, repo: RecordsRepo) -> Any:
    result = run_cli("validate", "--repo", repo.root)
    assert result.returncode == 1, result.stdout + result.stderr
    return result


def test_text_never_quotes_a_file_outside_the_repository(
    repo: RecordsRepo, run_cli: Run, tmp_path: Path
) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:secret\n")
    (repo.root / LINKED).symlink_to(secret)
    result = _text(run_cli, repo)
    assert f"  {LINKED}:1:1: error: symlink leads outside the repository [WG009]" in result.stdout
    assert "secret" not in result.stdout
    assert " 1 | " not in result.stdout


def test_text_never_quotes_git_internals(repo: RecordsRepo, run_cli: Run) -> None:
    (repo.root / LINKED).symlink_to("../../.git/config")
    result = _text(run_cli, repo)
    assert f"{LINKED}:1:1: error: symlink leads into git's own .git/ folder [WG009]" in (
        result.stdout
    )
    assert "[core]" not in result.stdout
    assert "repositoryformatversion" not in result.stdout


def _wgctl_text(repo: RecordsRepo) -> Any:
    """The default format in a process of its own, bounded in time and memory: a regression
    (a blocking read, an endless one) fails the test instead of hanging or killing the suite."""
    import resource
    import subprocess
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2_000_000_000, 2_000_000_000))

    wgctl = Path(sys.executable).parent / "wgctl"
    return subprocess.run(
        [str(wgctl), "validate", "--repo", str(repo.root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=limit,
    )


def test_text_on_a_fifo_finishes(repo: RecordsRepo) -> None:
    """The default format, as the pre-commit hook runs it: a FIFO must not block the read."""
    os.mkfifo(repo.root / LINKED)
    done = _wgctl_text(repo)
    assert done.returncode == 1, done.stderr
    assert f"{LINKED}:1:1: error: not a regular file (or a broken symlink) [WG009]" in done.stdout


def test_text_on_an_endless_device_is_one_problem(repo: RecordsRepo) -> None:
    (repo.root / LINKED).symlink_to("/dev/zero")
    done = _wgctl_text(repo)
    assert done.returncode == 1, done.stderr
    assert f"{LINKED}:1:1: error: symlink leads outside the repository [WG009]" in done.stdout


def test_text_on_a_huge_sparse_file_is_one_problem(repo: RecordsRepo, run_cli: Run) -> None:
    with (repo.root / LINKED).open("wb") as handle:
        handle.truncate(1_500_000_000)
    result = _text(run_cli, repo)
    assert f"{LINKED}:1:1: error: file is 1,500,000,000 bytes, over the" in result.stdout
    assert " 1 | " not in result.stdout


# PATH mode: report on those files only, and never "ok" for a file that is not there.


@pytest.mark.parametrize(
    "path", ["records/actions/nonexist.yaml", "records/actions/Nominate-focal-point.yaml"]
)
def test_validate_path_that_is_no_record_is_a_usage_error(
    repo: RecordsRepo, run_cli: Run, path: str
) -> None:
    result = run_cli("validate", path, "--repo", repo.root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"wgctl: {path}: no such record file in the repository (names are exact)"
    ]


def test_validate_path_of_a_symlinked_record_reports_on_it(repo: RecordsRepo, run_cli: Run) -> None:
    (repo.root / "shared").mkdir()
    (repo.root / "records/organisations/iom.yaml").rename(repo.root / "shared/iom.yaml")
    (repo.root / "records/organisations/iom.yaml").symlink_to("../../shared/iom.yaml")
    repo.edit("shared/iom.yaml", "ahg_member: true", "ahg_member: 3")
    link = repo.root / "records/organisations/iom.yaml"
    result = run_cli("validate", link, "--repo", repo.root)
    assert result.returncode == 1
    assert "records/organisations/iom.yaml:" in result.stdout
    assert "1 files checked: 1 errors" in result.stdout


def test_validate_path_help_says_other_files_are_not_checked(run_cli: Run) -> None:
    result = run_cli("validate", "--help")
    text = " ".join(result.stdout.replace("│", " ").split())
    assert "problems they cause in other files are not reported" in text
    assert "--changed-since" in text
