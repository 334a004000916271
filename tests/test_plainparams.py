"""Option values are read without pydantic when plainly valid, and exactly as typer reads them
otherwise: the same types reach the commands, the same errors reach the user."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.repo import RecordsRepo

Run = Callable[..., subprocess.CompletedProcess[str]]


def words(text: str) -> str:
    """Text without the box rich draws around an error, spaces collapsed."""
    return " ".join(text.replace("\u2502", " ").split())


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("validate", "--format", "nope"), "'nope' is not one of 'text', 'json', 'github'"),
        (("due", "--within", "-3"), "greater than or equal to 0"),
        (("due", "--within", "3x"), "valid integer"),
        (("due", "--within", "99999"), "less than or equal to 3660"),
        (("due", "--audience", "MEMBERS"), "is not one of 'public', 'members', 'restricted'"),
    ],
)
def test_a_bad_option_value_gets_typers_own_usage_error(
    repo: RecordsRepo, run_cli: Run, args: tuple[str, ...], said: str
) -> None:
    done = run_cli(*args, "--repo", repo.root)
    assert done.returncode == 2
    assert said in words(done.stderr)


def test_plain_values_reach_the_command_as_typer_would_pass_them(
    repo: RecordsRepo, run_cli: Run, tmp_path: Path
) -> None:
    """A choice, a bounded number, a path and text all work; the file lands where asked."""
    out = tmp_path / "due.json"
    done = run_cli(
        *("due", "--audience", "members", "--within", "30", "--format", "json"),
        *("--as-of", "2017-01-01", "-o", out, "--repo", repo.root),
    )
    assert done.returncode == 0, done
    assert '"audience": "members"' in out.read_text()


def test_values_that_need_typers_adapter_still_work(repo: RecordsRepo, run_cli: Run) -> None:
    """A date option with formats and a list of paths go through typer's own reading."""
    done = run_cli(
        "validate",
        "--today",
        "2017-01-01",
        "--repo",
        repo.root,
        *sorted(repo.root.glob("records/*/*.yaml"))[:2],
    )
    assert "files checked" in done.stdout
