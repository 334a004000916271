"""The layers stay as drawn: the chairing rules are shared from below, never borrowed sideways."""

from __future__ import annotations

import ast
from pathlib import Path

import wgctl

PACKAGE = Path(wgctl.__file__).parent


def _imports(folder: str) -> set[str]:
    """Every wgctl module imported by the modules of one sub-package."""
    found: set[str] = set()
    for path in (PACKAGE / folder).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("wgctl")}


def test_checks_and_roster_do_not_import_each_other() -> None:
    assert not {m for m in _imports("checks") if m.startswith("wgctl.roster")}
    assert not {m for m in _imports("roster") if m.startswith("wgctl.checks")}


def test_governance_stands_below_checks_and_roster() -> None:
    above = ("wgctl.checks", "wgctl.roster", "wgctl.commands", "wgctl.report", "wgctl.cli")
    assert not {m for m in _imports("governance") if m.startswith(above)}
