"""Fuzzing the loader and the CLI with mutated records (issue 12, point 6).

Byte flips, truncation, inserted tags, anchors and aliases, deep nesting, huge scalars, other
encodings, CRLF/CR line ends and BOMs must always end in exit 0, 1 or 2 with located one-line
problems: never exit 3, never a traceback, bounded in time and memory. `make test` runs a
small fixed budget; `make fuzz` a long random one (see tests/fuzz.py).
"""

from __future__ import annotations

import json
import resource
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from typer.testing import CliRunner

from tests.fuzz import BUDGET, CLI_BUDGET, mutated_record, regressions
from tests.repo import MINIMAL
from wgctl.errors import Problem
from wgctl.files.discover import Found
from wgctl.files.load import load_file
from wgctl.rules import BY_CODE

SECONDS = 10  # R29: every read command under 10 s
MAX_RSS_KB = 512 * 1024  # R29: and under 512 MB


@pytest.fixture(scope="module")
def plain_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small valid record set in a plain folder (no git: no cache between examples)."""
    root = tmp_path_factory.mktemp("fuzz")
    for rel, text in MINIMAL.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


class _Planted:
    """One mutated file in the repository, put back as it was afterwards."""

    def __init__(self, repo: Path, rel: str, data: bytes) -> None:
        self.path = repo / rel
        self.before = self.path.read_bytes() if self.path.exists() else None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(data)

    def restore(self) -> None:
        if self.before is None:
            self.path.unlink()
        else:
            self.path.write_bytes(self.before)


def _planted(repo: Path, rel: str, data: bytes) -> Iterator[None]:
    planted = _Planted(repo, rel, data)
    try:
        yield
    finally:
        planted.restore()


def _assert_located(problem: dict[str, object] | Problem) -> None:
    item = problem.to_dict() if isinstance(problem, Problem) else problem
    assert isinstance(item["line"], int) and item["line"] >= 1, item
    assert isinstance(item["column"], int) and item["column"] >= 1, item
    assert item["rule"] in BY_CODE, item
    assert "\n" not in str(item["message"]) and len(str(item["message"])) < 1_000, item


def _check_loader(repo: Path, rel: str, data: bytes) -> None:
    for _ in _planted(repo, rel, data):
        start = time.monotonic()
        record, problems = load_file(Found(str(repo / rel), rel))
        assert time.monotonic() - start < SECONDS
        assert record is None or not problems
        for problem in problems:
            _assert_located(problem)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < MAX_RSS_KB


def _check_cli(repo: Path, rel: str, data: bytes) -> None:
    from wgctl.cli import app

    runner = CliRunner()
    for _ in _planted(repo, rel, data):
        for fmt in ("json", "text", "github"):
            start = time.monotonic()
            result = runner.invoke(app, ["validate", "--repo", str(repo), "--format", fmt])
            assert time.monotonic() - start < SECONDS
            output = result.stdout + result.stderr
            assert result.exit_code in (0, 1, 2), output
            assert "Traceback" not in output and "internal error" not in output, output
            if fmt == "json":
                for problem in json.loads(result.stdout)["problems"]:
                    _assert_located(problem)
        for args in (["roster", "show", "ewg"], ["report", "actions"], ["export", "ics"]):
            result = runner.invoke(app, [*args, "--repo", str(repo)])
            assert result.exit_code in (0, 1, 2), result.stdout + result.stderr
            assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@BUDGET
@given(mutated_record())
def test_mutated_records_never_crash_the_loader(plain_repo: Path, case: tuple[str, bytes]) -> None:
    _check_loader(plain_repo, *case)


@CLI_BUDGET
@given(mutated_record())
def test_mutated_records_never_crash_the_cli(plain_repo: Path, case: tuple[str, bytes]) -> None:
    _check_cli(plain_repo, *case)


@pytest.mark.parametrize("case", regressions(), ids=lambda case: case[0])
def test_kept_inputs_stay_fixed(plain_repo: Path, case: tuple[str, bytes]) -> None:
    _check_loader(plain_repo, *case)
    _check_cli(plain_repo, *case)


def test_the_plain_repository_is_clean(plain_repo: Path) -> None:
    # The fuzz tests restore every file: later examples start from the same valid set.
    from wgctl.validate import validate_repo

    assert validate_repo(plain_repo).errors == []
