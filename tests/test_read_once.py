"""`wgctl validate` reads each record file once: placing and quoting problems reuse the loader's
text (issue 10, point 6). Reads are observed with an audit hook on `open`, not mocked."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.repo import RecordsRepo

Run = Callable[..., subprocess.CompletedProcess[str]]
ACTION = "records/actions/nominate-focal-point.yaml"
_OPENS: Counter[str] = Counter()
_WATCHING: list[Path] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and _WATCHING and isinstance(args[0], str | Path):
        path = Path(args[0])
        if path.is_relative_to(_WATCHING[0]):
            _OPENS[path.relative_to(_WATCHING[0]).as_posix()] += 1


sys.addaudithook(_hook)  # audit hooks cannot be removed: it counts only while watching


@pytest.fixture
def opens(repo: RecordsRepo) -> Iterator[Counter[str]]:
    _OPENS.clear()
    _WATCHING.append(repo.root)
    try:
        yield _OPENS
    finally:
        _WATCHING.clear()


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_a_file_with_a_rule_problem_is_read_once(
    repo: RecordsRepo,
    run_cli: Run,
    opens: Counter[str],
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    monkeypatch.setenv("WGCTL_NO_CACHE", "1")
    repo.edit(ACTION, "owner: ahg", "owner: nobody")
    opens.clear()
    result = run_cli("validate", "--repo", repo.root, "--format", fmt)
    assert result.returncode == 1
    assert (
        f"{ACTION}:5:8" in result.stdout
        or '"line": 5' in result.stdout
        or "line=5" in result.stdout
    )
    assert opens[ACTION] == 1
    assert opens["records/organisations/aland.yaml"] == 1
