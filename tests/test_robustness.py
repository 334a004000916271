"""Random damage to valid records never produces a traceback, a hang or an unlocated problem (R8)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.repo import MINIMAL, RecordsRepo

Run = Callable[..., Any]
FILES = sorted(MINIMAL)
LOCATED = re.compile(r"^records/\S*:\d+:\d+: (error|warning): ", re.MULTILINE)

INSERTS = [
    b"!!python/object/apply:os.system ['true'] ",
    b"&anchor ",
    b"*anchor",
    b"<<: {a: 1}\n",
    b"[" * 200,
    b"{" * 70,
    b"- " * 70,
    b"? ",
    b"%YAML 1.1\n---\n",
    b"\n---\n",
    b"\t",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    "é\u2028\u0085🦜".encode(),
    b"\r\n",
    b"'",
    b'"\\x',
    b"|\n",
    b">-\n  ",
    b"9" * 40,
    b"2017-02-30",
    b"~",
    b"NO",
    b"!!int x",
    b"!!map ",
]


@st.composite
def damage(draw: st.DrawFn) -> tuple[str, bytes]:
    """One file of MINIMAL, damaged in one to three random ways."""
    rel = draw(st.sampled_from(FILES))
    data = textwrap.dedent(MINIMAL[rel]).encode()
    for _ in range(draw(st.integers(1, 3))):
        data = draw(_mutation(data))
    return rel, data


def _mutation(data: bytes) -> st.SearchStrategy[bytes]:
    lines = data.splitlines(keepends=True) or [b""]
    at = st.integers(0, max(len(data) - 1, 0))
    row = st.integers(0, len(lines) - 1)
    return st.one_of(
        at.flatmap(
            lambda i: st.integers(0, 255).map(lambda b: data[:i] + bytes([b]) + data[i + 1 :])
        ),
        at.map(lambda i: data[:i]),
        row.map(lambda i: b"".join(lines[:i] + lines[i + 1 :])),
        row.map(lambda i: b"".join(lines[: i + 1] + lines[i:])),
        st.tuples(at, st.sampled_from(INSERTS)).map(lambda t: data[: t[0]] + t[1] + data[t[0] :]),
        st.tuples(row, st.sampled_from([b"1", b"true", b"null", b"[]", b"{}", b"'x'", b"1.5"])).map(
            lambda t: _swap_value(lines, *t)
        ),
        st.text(max_size=20).map(lambda s: data + s.encode("utf-8", "surrogatepass")),
    )


def _swap_value(lines: list[bytes], i: int, value: bytes) -> bytes:
    """Replace the value of line i (after its first ': ') by another type's value."""
    key, sep, _rest = lines[i].partition(b": ")
    new = key + sep + value + b"\n" if sep else lines[i]
    return b"".join([*lines[:i], new, *lines[i + 1 :]])


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal repository, written once; each example works on a copy."""
    root = tmp_path_factory.mktemp("pristine")
    RecordsRepo(root).write(MINIMAL)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    return root


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=damage())
def test_damaged_records_never_crash_the_cli(
    case: tuple[str, bytes], pristine: Path, run_cli: Run, tmp_path: Path
) -> None:
    rel, data = case
    root = tmp_path / "work"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(pristine, root, symlinks=True)
    (root / rel).write_bytes(data)

    text = run_cli("validate", "--repo", root)  # run_cli itself fails on any "Traceback"
    assert text.returncode in {0, 1, 2}, text.stderr
    problem_lines = [line for line in text.stdout.splitlines() if line.startswith("  records/")]
    assert all(LOCATED.match(line.strip()) for line in problem_lines), text.stdout
    if text.returncode == 1:
        assert problem_lines, text.stdout

    result = run_cli("validate", "--repo", root, "--format", "json")
    assert result.returncode == text.returncode
    doc = json.loads(result.stdout)
    for problem in doc["problems"]:
        assert problem["path"].startswith("records/")
        assert problem["line"] >= 1
        assert problem["column"] >= 1
        assert re.fullmatch(r"WG\d{3}", problem["rule"])
        assert len(problem["message"]) < 1000
    if result.returncode == 0:
        assert all(p["severity"] == "warning" for p in doc["problems"])
