"""Fixtures: isolated git, real temporary repositories, and the real CLI."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.repo import GIT_ENV, MINIMAL, RecordsRepo

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("WGCTL_DEBUG", raising=False)


@pytest.fixture
def empty_repo(tmp_path: Path) -> RecordsRepo:
    """A new git repository with nothing in it."""
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    return RecordsRepo(root)


@pytest.fixture
def repo(empty_repo: RecordsRepo) -> RecordsRepo:
    """A git repository holding the small valid record set, committed."""
    empty_repo.write(MINIMAL)
    empty_repo.commit("initial records")
    return empty_repo


Result = subprocess.CompletedProcess[str]


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Run `wgctl ARGS...` through Typer's CliRunner; never accepts a traceback."""
    from wgctl.cli import app

    runner = CliRunner()

    def run(*args: str | Path, input: str | None = None) -> Result:
        result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        output = result.stdout + (result.stderr if result.stderr_bytes is not None else "")
        assert "Traceback" not in output, output
        return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)

    return run
