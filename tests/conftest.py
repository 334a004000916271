"""Fixtures: isolated git, real temporary repositories, and the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from typer.testing import CliRunner

from tests.repo import GIT_ENV, MINIMAL, RecordsRepo

PROJECT = Path(__file__).resolve().parent.parent


def _convert_once() -> None:
    """Typer's CliRunner converts the whole app into click commands on every invoke (about 30 ms,
    twice that under coverage, for ~30 commands). A `wgctl` process converts it once; so do the
    tests: the conversion is kept per app and each invoke still parses, calls back and exits as
    the real command line does."""
    convert = getattr(typer.testing, "_get_command", None)
    if convert is None or getattr(convert, "kept", False):
        return
    converted: dict[int, tuple[object, Any]] = {}

    def get_command(app: Any) -> Any:
        key = id(app)
        if key not in converted:
            converted[key] = (app, convert(app))  # the app is kept alive, so its id stays its own
        return converted[key][1]

    get_command.kept = True  # type: ignore[attr-defined]
    typer.testing._get_command = get_command  # type: ignore[attr-defined]


_convert_once()


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


@pytest.fixture(scope="session")
def minimal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small valid record set committed in a git repository, built once per test process."""
    root = tmp_path_factory.mktemp("template") / "repo"
    root.mkdir()
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, env=env)
    template = RecordsRepo(root).write(MINIMAL)
    template.git("add", "-A", env=env)
    template.git("commit", "-q", "-m", "initial records", env=env)
    return root


@pytest.fixture
def repo(tmp_path: Path, minimal_template: Path) -> RecordsRepo:
    """A git repository holding the small valid record set, committed (a copy of the template:
    one git init and commit per test process instead of one per test)."""
    root = tmp_path / "repo"
    shutil.copytree(minimal_template, root, symlinks=True)
    return RecordsRepo(root)


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


@pytest.fixture(autouse=True)
def _weasyprint_untraced() -> None:
    """WeasyPrint parses and lays out a PDF report in pure Python: under coverage's tracer that
    is the bulk of a PDF test's time, yet none of it is wgctl's code (WeasyPrint calls nothing of
    wgctl back). Once a test has loaded it, its parsing and layout run untraced; wgctl's code
    around them is measured exactly as before (the same lines and branches)."""
    weasyprint = sys.modules.get("weasyprint")
    if weasyprint is None:
        return
    from tests.tracing import untraced_function

    for cls, name in (
        (weasyprint.HTML, "__init__"),
        (weasyprint.HTML, "write_pdf"),
        (weasyprint.CSS, "__init__"),
    ):
        setattr(cls, name, untraced_function(getattr(cls, name)))  # once: a wrapped one is kept
