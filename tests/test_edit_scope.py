"""Edits are refused only for their own file's problems or those they create (issue 12, point 2)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

from tests.repo import RecordsRepo

Run = Callable[..., subprocess.CompletedProcess[str]]
OPEN = "records/actions/open-item.yaml"
OPEN_TEXT = """\
    id: open-item
    sensitivity: public
    text: Circulate the contact list.
    raised_at: som-2014
    owner: ahg
    due: 2030-01-01
    status: open
    sources: [{document: tor}]
"""


@pytest.fixture
def with_open(repo: RecordsRepo) -> RecordsRepo:
    repo.write({OPEN: OPEN_TEXT}).commit("an open action")
    return repo


def _close(repo: RecordsRepo, run_cli: Run, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("action", "close", "open-item", "--note", "done", "--repo", repo.root, *args)


def test_a_broken_unrelated_file_does_not_block_an_edit(
    with_open: RecordsRepo, run_cli: Run
) -> None:
    with_open.edit("records/organisations/aland.yaml", "name: Aland", "name: Aland\nname: Again")
    with_open.commit("a duplicate key elsewhere")
    result = _close(with_open, run_cli, "--date", "2017-01-02")
    assert (result.returncode, result.stdout) == (0, f"updated {OPEN}\n"), result.stderr
    assert "status: closed\nclosed: 2017-01-02\nclosing_note: done\n" in with_open.read(OPEN)


def test_a_read_only_target_is_named_even_beside_a_broken_file(
    with_open: RecordsRepo, run_cli: Run
) -> None:
    with_open.edit("records/organisations/aland.yaml", "name: Aland", "name: Aland\nname: Again")
    with_open.commit("a duplicate key elsewhere")
    (with_open.root / OPEN).chmod(0o444)
    result = _close(with_open, run_cli)
    assert (result.returncode, result.stderr) == (
        1,
        f"wgctl: {OPEN}: the file is read-only; refusing to change it\n",
    )


def test_an_edit_to_a_file_with_an_error_says_so_unless_forced(
    with_open: RecordsRepo, run_cli: Run
) -> None:
    with_open.edit(OPEN, "owner: ahg", "owner: nobody")
    with_open.commit("an owner that does not exist")
    before = with_open.read(OPEN)
    refused = _close(with_open, run_cli)
    assert refused.returncode == 1
    assert refused.stderr.startswith(
        f"wgctl: {OPEN}: already has 1 error(s), first {OPEN}:5:8: error: "
    )
    assert "nobody" in refused.stderr
    assert refused.stderr.endswith("fix them first, or use --force to edit anyway\n")
    assert with_open.read(OPEN) == before
    forced = _close(with_open, run_cli, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "status: closed" in with_open.read(OPEN)


def test_an_edit_that_would_create_an_error_is_refused(
    with_open: RecordsRepo, run_cli: Run
) -> None:
    before = with_open.read(OPEN)
    result = _close(with_open, run_cli, "--date", "2000-01-01")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"wgctl: {OPEN}: the edit would create 1 error(s), first {OPEN}: "
    )
    assert result.stderr.endswith("; nothing written\n")
    assert with_open.read(OPEN) == before


def test_a_target_that_cannot_be_read_is_named(with_open: RecordsRepo, run_cli: Run) -> None:
    with_open.edit(OPEN, "owner: ahg", "owner: ahg\nowner: ahg")
    with_open.commit("a duplicate key in the target")
    result = _close(with_open, run_cli)
    assert (result.returncode, result.stderr) == (
        1,
        f"wgctl: {OPEN}: cannot be read, so it cannot be edited; fix it first "
        "(`wgctl validate` shows why)\n",
    )


def test_a_new_record_is_not_blocked_by_a_broken_unrelated_file(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.edit("records/organisations/aland.yaml", "name: Aland", "name: Aland\nname: Again")
    repo.commit("a duplicate key elsewhere")
    result = run_cli(
        "new", "action", "--text", "Share the list", "--owner", "ahg", "--source", "tor",
        "--repo", repo.root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("created records/actions/share-the-list")
