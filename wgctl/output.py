"""Reporters for problems: human text (rich), JSON, and GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path
from typing import IO

from wgctl.errors import Problem, Severity
from wgctl.rules import BY_CODE


def _source_line(repo: Path, problem: Problem, cache: dict[str, list[str]]) -> str | None:
    if problem.path not in cache:
        try:
            cache[problem.path] = (repo / problem.path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            cache[problem.path] = []
    lines = cache[problem.path]
    return lines[problem.line - 1] if 0 < problem.line <= len(lines) else None


def render_text(problems: Sequence[Problem], repo: Path, files: int, stream: IO[str]) -> None:
    """Problems grouped by file, each with the offending source line and a fix hint."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=stream, highlight=False, soft_wrap=True)
    cache: dict[str, list[str]] = {}
    for path, group in groupby(problems, key=lambda p: p.path):
        console.print(f"[bold]{escape(path)}[/bold]")
        for p in group:
            colour = "red" if p.severity is Severity.ERROR else "yellow"
            console.print(
                f"  {escape(p.path)}:{p.line}:{p.column}: [{colour}]{p.severity}[/{colour}]: "
                f"{escape(p.message)} [dim]\\[{p.rule}][/dim]"
            )
            line = _source_line(repo, p, cache)
            if line is not None:
                console.print(f"    [dim]{p.line:>4} |[/dim] {escape(line[:200])}")
            rule = BY_CODE.get(p.rule)
            if rule:
                console.print(f"    [dim]hint: {escape(rule.hint)}[/dim]")
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    verdict = "[green]ok[/green]" if not errors else "[red]failed[/red]"
    console.print(f"{files} files checked: {errors} errors, {warnings} warnings: {verdict}")


def render_json(problems: Sequence[Problem], files: int, stream: IO[str]) -> None:
    """One JSON document: the problems and a summary."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    doc = {
        "files": files,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [p.to_dict() for p in problems],
    }
    json.dump(doc, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(problems: Sequence[Problem], stream: IO[str]) -> None:
    """GitHub Actions workflow commands, so findings land on the pull request's lines."""
    for p in problems:
        level = "error" if p.severity is Severity.ERROR else "warning"
        props = f"file={_escape_property(p.path)},line={p.line},col={p.column},title={p.rule}"
        stream.write(f"::{level} {props}::{_escape_data(p.message)}\n")
