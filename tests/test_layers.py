"""The layers stay as ARCHITECTURE.md draws them: each part imports only from its own floor or below.

A failure here means an arrow now runs upward (the core reaching for the command line, the file
layer reaching for the rules, the roster and the checks borrowing from each other): move the
shared piece down instead (see ARCHITECTURE.md, "What must never import what").
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import wgctl

PACKAGE = Path(wgctl.__file__).parent

# Floors, lowest first. A part (a top-level module or sub-package of wgctl) may import from its
# own floor or lower ones; within a floor, the pairs in SIDEWAYS_FORBIDDEN stay apart.
FLOORS: dict[str, int] = {
    "errors": 0, "markdown": 0, "progress": 0, "__init__": 0,
    "models": 1, "dates": 1, "gitcmd": 1, "rules": 1, "records": 1, "request_dates": 1,
    "recordviews": 1,
    "files": 2, "confidentiality": 2,
    "governance": 3, "history": 3, "checks": 3, "validate": 3, "usable": 3, "output": 3,
    "editing": 4, "roster": 4, "report": 4, "export": 4, "site": 4, "due": 4,
    "commands": 5, "cli": 5, "__main__": 5,
}  # fmt: skip
SIDEWAYS_FORBIDDEN = [("checks", "roster"), ("roster", "checks"), ("governance", "checks")]
SHELL = {"commands", "cli", "__main__", "output"}  # the only parts that may speak to a terminal
TERMINAL_LIBRARIES = {"typer", "rich", "click"}


def _part(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    return rel.parts[0]


def _imports() -> dict[str, set[str]]:
    """Every part's imported modules (wgctl ones by part, others by top-level name)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        names = found.setdefault(_part(path), set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
    return found


IMPORTS = _imports()


def _wgctl_parts(part: str) -> set[str]:
    return {m.split(".")[1] for m in IMPORTS[part] if m.startswith("wgctl.")} - {part}


def test_every_part_has_a_floor() -> None:
    assert set(IMPORTS) <= set(FLOORS), "add the new part to FLOORS and to ARCHITECTURE.md"


@pytest.mark.parametrize("part", sorted(IMPORTS))
def test_no_import_runs_upward(part: str) -> None:
    upward = {other for other in _wgctl_parts(part) if FLOORS[other] > FLOORS[part]}
    assert not upward, f"{part} (floor {FLOORS[part]}) imports {sorted(upward)} from above"


@pytest.mark.parametrize(("part", "other"), SIDEWAYS_FORBIDDEN)
def test_parts_that_must_stay_apart(part: str, other: str) -> None:
    assert other not in _wgctl_parts(part)


@pytest.mark.parametrize("part", sorted(set(IMPORTS) - SHELL))
def test_the_core_never_imports_a_terminal_library(part: str) -> None:
    used = {m.split(".")[0] for m in IMPORTS[part]} & TERMINAL_LIBRARIES
    assert not used, f"{part} imports {sorted(used)}: the core returns data, commands print it"
