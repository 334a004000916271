"""`wgctl diff` parses only changed records; the rest come from the marks cache in .git/.

Whatever state that cache is in (absent, filled, damaged, foreign), a diff says the same and
never names what its audience may not see.
"""

from __future__ import annotations

import sqlite3
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.repo import RecordsRepo
from tests.test_history import git_children

Run = Callable[..., Any]
HIDDEN_NAME = "Zembla Canary Ministry"
HIDDEN_ORG = f"""\
    id: zembla
    sensitivity: restricted
    name: {HIDDEN_NAME}
    short_name: ZCM
    type: agency
    sources: [{{document: tor}}]
"""
REL = "records/initiatives/joint-action.yaml"


def _repo_naming_a_hidden_record(repo: RecordsRepo) -> Path:
    """A committed restricted organisation, then a public update naming it (uncommitted)."""
    repo.write({"records/organisations/zembla.yaml": textwrap.dedent(HIDDEN_ORG)})
    repo.commit("a restricted partner")
    repo.edit(
        REL,
        "    figures: [{name: countries, value: 8}]\n",
        "    figures: [{name: countries, value: 8}]\n"
        f"  - date: 2016-11-30\n    text: Worked with {HIDDEN_NAME}.\n"
        "  - date: 2016-12-01\n    text: Worked with zembla again.\n"
        "  - date: 2016-12-02\n    text: A third period ended.\n",
    )
    return Path(repo.root) / ".git" / "wgctl-marks.sqlite"


def _diff(run_cli: Run, repo: RecordsRepo, audience: str) -> str:
    result = run_cli("diff", "--repo", repo.root, "--audience", audience)
    assert result.returncode == 0, result.stderr
    return str(result.stdout)


def test_diff_is_the_same_cold_warm_and_after_the_cache_is_damaged(
    repo: RecordsRepo, run_cli: Run
) -> None:
    store = _repo_naming_a_hidden_record(repo)
    cold = _diff(run_cli, repo, "public")
    assert store.is_file()
    warm = _diff(run_cli, repo, "public")
    store.write_bytes(b"not a database at all" * 100)
    damaged = _diff(run_cli, repo, "public")
    assert cold == warm == damaged
    assert "A third period ended." in cold  # the visible change is shown
    assert HIDDEN_NAME not in cold and "zembla" not in cold.lower()
    assert "(not named)" in cold
    with sqlite3.connect(store) as db:  # rebuilt, not left broken
        assert db.execute("select count(*) from marks").fetchone()[0] > 0
    restricted = _diff(run_cli, repo, "restricted")
    assert HIDDEN_NAME in restricted
    assert git_children() == []


def test_a_foreign_or_stale_cache_is_not_trusted(repo: RecordsRepo, run_cli: Run) -> None:
    """A file that says a hidden record is public, under another fingerprint, is thrown away."""
    store = _repo_naming_a_hidden_record(repo)
    expected = _diff(run_cli, repo, "public")
    with sqlite3.connect(store) as db:
        db.execute("update marks set sensitivity = 'public'")
        db.execute("update meta set fingerprint = 'another version of wgctl'")
    assert _diff(run_cli, repo, "public") == expected
    with sqlite3.connect(store) as db:
        db.execute("drop table meta")
        db.execute("drop table marks")
        db.execute("create table marks (something text)")
    assert _diff(run_cli, repo, "public") == expected
    assert HIDDEN_NAME not in expected


def test_diff_without_the_cache_says_the_same(
    repo: RecordsRepo, run_cli: Run, monkeypatch: Any
) -> None:
    store = _repo_naming_a_hidden_record(repo)
    cached = _diff(run_cli, repo, "members")
    store.unlink()
    monkeypatch.setenv("WGCTL_NO_CACHE", "1")
    assert _diff(run_cli, repo, "members") == cached
    assert not store.exists()
