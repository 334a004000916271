"""Mutations of valid records for fuzzing the loader and the CLI, and the fuzzing budgets.

Budgets are hypothesis profiles chosen by WGCTL_FUZZ: `quick` (the default, seconds, part of
`make test`) or `long` (`make fuzz`, minutes). Inputs that ever broke wgctl are kept as files in
tests/fuzz_regressions/ and replayed on every run.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.repo import MINIMAL

HERE = Path(__file__).resolve().parent
REGRESSIONS = HERE / "fuzz_regressions"
EXAMPLES = HERE.parent / "examples" / "records"

settings.register_profile(
    "quick",
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same inputs on every run: make test stays reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BUDGET = settings.get_profile(os.environ.get("WGCTL_FUZZ", "quick"))
# A CLI example runs several commands (~0.5 s): a quarter of the loader's examples.
CLI_BUDGET = settings(BUDGET, max_examples=max(8, BUDGET.max_examples // 4))

SEEDS: list[tuple[str, bytes]] = sorted(
    [(rel, textwrap.dedent(text).encode()) for rel, text in MINIMAL.items()]
    + [
        (f"records/{p.parent.name}/{p.name}", p.read_bytes())
        for p in sorted(EXAMPLES.glob("*/*.yaml"))
    ]
)

SNIPPETS = [
    b"!!python/object/apply:os.system ['touch pwned'] ",
    b"!include other.yaml ",
    b"!!binary aGk= ",
    b"!!set {a: null} ",
    b"!env HOME ",
    b"&a ",
    b"*a ",
    b"<<: *a\n",
    b"? [x]\n: y\n",
    b"%YAML 1.1\n---\n",
    b"--- ",
    b"...\n",
    b"'unterminated",
    b'"\\x00\\uD800"',
    b"|\n  block\n",
    b"\t",
    b"#",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"\xe9",
    b"\xe2\x80\xae",
    b"2017-02-30",
    b"9" * 40,
    b"-.inf",
    b"null",
    b"{",
    b"[",
]

Mutator = Callable[[st.DrawFn, bytes], bytes]


def _flip(draw: st.DrawFn, data: bytes) -> bytes:
    if not data:
        return data
    i = draw(st.integers(0, len(data) - 1))
    return data[:i] + bytes([data[i] ^ (1 << draw(st.integers(0, 7)))]) + data[i + 1 :]


def _truncate(draw: st.DrawFn, data: bytes) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def _insert(draw: st.DrawFn, data: bytes) -> bytes:
    i = draw(st.integers(0, len(data)))
    snippet = draw(st.sampled_from(SNIPPETS) | st.binary(min_size=1, max_size=8))
    return data[:i] + snippet + data[i:]


def _tag_a_value(draw: st.DrawFn, data: bytes) -> bytes:
    lines = data.split(b"\n")
    i = draw(st.integers(0, len(lines) - 1))
    if b": " in lines[i]:
        key, _, value = lines[i].partition(b": ")
        lines[i] = key + b": " + draw(st.sampled_from(SNIPPETS[:8])) + value
    return b"\n".join(lines)


def _deep(draw: st.DrawFn, data: bytes) -> bytes:
    n = draw(st.sampled_from([63, 64, 65, 200, 5_000, 120_000]))
    opener = draw(st.sampled_from([b"[", b"{a: ", b"- "]))
    return data + b"x: " + opener * n + b"\n"


def _huge(draw: st.DrawFn, data: bytes) -> bytes:
    size = draw(st.sampled_from([10_000, 999_000, 1_000_001]))
    return data + b"notes: " + b"x" * size + b"\n"


def _reencode(draw: st.DrawFn, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"]))
    return text.encode(encoding, "replace")


def _line_ends(draw: st.DrawFn, data: bytes) -> bytes:
    return data.replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\x85", b"\n\n"])))


def _bom(draw: st.DrawFn, data: bytes) -> bytes:
    return draw(st.sampled_from([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf"])) + data


def _duplicate_line(draw: st.DrawFn, data: bytes) -> bytes:
    lines = data.split(b"\n")
    i = draw(st.integers(0, len(lines) - 1))
    return b"\n".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])


MUTATORS: list[Mutator] = [
    _flip,
    _truncate,
    _insert,
    _tag_a_value,
    _deep,
    _huge,
    _reencode,
    _line_ends,
    _bom,
    _duplicate_line,
]


@st.composite
def mutated_record(draw: st.DrawFn) -> tuple[str, bytes]:
    """A record file's path and bytes after one to three mutations of a valid record."""
    rel, data = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 3))):
        data = draw(st.sampled_from(MUTATORS))(draw, data)
    return rel, data


def regressions() -> list[tuple[str, bytes]]:
    """Kept inputs: `<kind>--<name>.yaml` replays as records/<kind>/<name>.yaml."""
    kept = []
    for path in sorted(REGRESSIONS.glob("*.yaml")):
        kind, _, name = path.name.partition("--")
        kept.append((f"records/{kind}/{name}", path.read_bytes()))
    return kept
