"""`wgctl action close` and `wgctl initiative update`: only the intended lines change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.repo import RecordsRepo

Run = Callable[..., Any]
ACTION = "records/actions/vrs.yaml"
INITIATIVE = "records/initiatives/joint-action.yaml"


@pytest.fixture
def commented(repo: RecordsRepo) -> RecordsRepo:
    repo.write(
        {
            ACTION: """\
                # Raised at the SOM; owners named in the minutes.
                id: vrs
                sensitivity: public
                text: >-
                  Nominate one focal point for the voluntary
                  reporting system.
                raised_at: som-2014   # the 8th SOM
                owner: ahg
                due: '2014-09-30'
                status: open
                sources:
                  - document: tor   # section 3
            """
        }
    )
    repo.commit("an action with comments")
    return repo


def _diff(repo: RecordsRepo, rel: str) -> list[str]:
    out = repo.git("diff", "-U0", "--", rel)
    return [
        line for line in out.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def test_action_close_changes_only_the_status_lines(commented: RecordsRepo, run_cli: Run) -> None:
    result = run_cli(
        "action",
        "close",
        "vrs",
        "--note",
        "Nominated: all 16 members.",
        "--date",
        "2014-09-20",
        "--repo",
        commented.root,
    )
    assert (result.returncode, result.stdout) == (0, f"updated {ACTION}\n")
    assert _diff(commented, ACTION) == [
        "-status: open",
        "+status: closed",
        "+closed: 2014-09-20",
        "+closing_note: 'Nominated: all 16 members.'",
    ]
    assert "# Raised at the SOM" in commented.read(ACTION)
    assert run_cli("validate", "--repo", commented.root).returncode == 0


def test_initiative_update_appends_one_update(repo: RecordsRepo, run_cli: Run) -> None:
    result = run_cli(
        "initiative",
        "update",
        "joint-action",
        "--status",
        "completed",
        "--text",
        "The second period ended.",
        "--date",
        "2016-11-30",
        "--repo",
        repo.root,
    )
    assert result.returncode == 0, result.stderr
    assert _diff(repo, INITIATIVE) == [
        "-status: ongoing",
        "+status: completed",
        "+  - date: 2016-11-30",
        "+    status: completed",
        "+    text: The second period ended.",
    ]
    diff = run_cli("diff", "--repo", repo.root)
    assert (
        '- new status update (2016-11-30, status completed): "The second period ended."'
        in diff.stdout
    )


def test_unrecorded_changes_are_refused_unless_forced(commented: RecordsRepo, run_cli: Run) -> None:
    commented.edit(ACTION, "owner: ahg", "owner: iom")
    before = commented.read(ACTION)
    refused = run_cli("action", "close", "vrs", "--note", "done", "--repo", commented.root)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"wgctl: {ACTION}: has changes git has not recorded; commit them first, or use --force\n"
    )
    assert commented.read(ACTION) == before
    forced = run_cli(
        "action", "close", "vrs", "--note", "done", "--force", "--repo", commented.root
    )
    assert forced.returncode == 0
    assert "owner: iom" in commented.read(ACTION)


def test_bad_requests_are_one_line_errors(commented: RecordsRepo, run_cli: Run) -> None:
    missing = run_cli("action", "close", "nope", "--note", "x", "--repo", commented.root)
    assert (missing.returncode, missing.stderr) == (1, "wgctl: no action item with the id 'nope'\n")
    no_note = run_cli("action", "close", "vrs", "--repo", commented.root)
    assert (no_note.returncode, no_note.stderr) == (1, "wgctl: --note is required\n")
    bad_status = run_cli(
        "initiative",
        "update",
        "joint-action",
        "--status",
        "finished",
        "--text",
        "x",
        "--repo",
        commented.root,
    )
    assert bad_status.returncode == 1
    assert bad_status.stderr.startswith(f"wgctl: {INITIATIVE}:")
    assert commented.git("status", "--porcelain") == ""
    run_cli("action", "close", "nope-2", "--note", "x", "--repo", commented.root)
    run_cli("action", "close", "vrs", "--note", "x", "--repo", commented.root)
    commented.commit("closed")
    again = run_cli("action", "close", "vrs", "--note", "x", "--repo", commented.root)
    assert again.stderr == f"wgctl: {ACTION}: action 'vrs' is already closed\n"
