"""Reports built from the kept view of an unchanged tree equal reports built from scratch.

The view (the audience filter's output) is kept under a key of the whole tree's content; any
edit, a new day or another audience is a miss, and a broken store is only a miss too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.repo import RecordsRepo

Run = Callable[..., Any]
INITIATIVE = "records/initiatives/joint-action.yaml"
STORE = ".git/wgctl-files.sqlite"


def _report(run_cli: Run, repo: RecordsRepo, audience: str = "public") -> str:
    done = run_cli(
        "report", "progress", "--until", "2017-10-31", "--audience", audience, "--repo", repo.root
    )
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _fresh(run_cli: Run, repo: RecordsRepo, monkeypatch: pytest.MonkeyPatch, audience: str) -> str:
    with monkeypatch.context() as patch:
        patch.setenv("WGCTL_NO_CACHE", "1")
        return _report(run_cli, repo, audience)


def _views(repo: RecordsRepo) -> int:
    import sqlite3

    db = sqlite3.connect(repo.root / STORE)
    try:
        return int(db.execute("SELECT COUNT(*) FROM views").fetchone()[0])
    finally:
        db.close()


@pytest.mark.parametrize("audience", ["public", "members", "restricted"])
def test_a_kept_view_gives_the_same_report(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:
    first = _report(run_cli, repo, audience)
    assert _views(repo) == 1
    assert _report(run_cli, repo, audience) == first == _fresh(run_cli, repo, monkeypatch, audience)


def test_an_edit_is_never_hidden_by_a_kept_view(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Restricting the initiative after a public report: the next public report omits it."""
    assert "Conduct joint periods of action" in _report(run_cli, repo)
    repo.edit(INITIATIVE, "sensitivity: public", "sensitivity: restricted")
    after = _report(run_cli, repo)
    assert "Conduct joint periods of action" not in after
    assert after == _fresh(run_cli, repo, monkeypatch, "public")
    assert _views(repo) == 2  # the old view stays for an undo; a few are kept


def test_an_invalid_edit_is_refused_even_with_a_kept_view(repo: RecordsRepo, run_cli: Run) -> None:
    _report(run_cli, repo)
    repo.edit(INITIATIVE, "theme: cooperation", "theme: nowhere")
    done = run_cli("report", "progress", "--until", "2017-10-31", "--repo", repo.root)
    assert done.returncode != 0
    assert "not rendering from invalid records" in done.stderr


def test_a_broken_store_is_only_a_miss(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _report(run_cli, repo)
    (repo.root / STORE).write_bytes(b"garbage" * 500)
    for suffix in ("-wal", "-shm"):
        Path(f"{repo.root / STORE}{suffix}").unlink(missing_ok=True)
    assert _report(run_cli, repo) == first == _fresh(run_cli, repo, monkeypatch, "public")
    assert _report(run_cli, repo) == first


def test_no_store_without_the_cache(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh(run_cli, repo, monkeypatch, "public")
    assert not (repo.root / STORE).exists()
