"""`wgctl diff` and `wgctl log`: what a change, or a record's life in git, did to the records."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import Audience, RepoOption


class DiffFormat(StrEnum):
    """Output formats of `diff`."""

    text = "text"
    md = "md"


class LogFormat(StrEnum):
    """Output formats of `log`."""

    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add `wgctl diff` and `wgctl log` to the root app."""
    app.command()(diff)
    app.command()(log)


@guard
def diff(
    spec: Annotated[
        str,
        typer.Argument(
            metavar="[BASE[..HEAD]]",
            help="Commits to compare (BASE...HEAD: from their merge base).",
        ),
    ] = "HEAD",
    repo: RepoOption = Path(),
    fmt: Annotated[DiffFormat, typer.Option("--format", help="text or md.")] = DiffFormat.text,
    audience: Annotated[
        Audience,
        typer.Option(
            "--audience",
            help="Who will read it: public (the default, also for md: safe to post), members "
            "or restricted. Changes this audience may not see are counted, never named.",
        ),
    ] = Audience.public,
) -> None:
    """Say in plain words what a change does to the records (default: HEAD to the working tree)."""
    from wgctl.commands.progressbar import progress_bar
    from wgctl.history import render as diff_render
    from wgctl.history import revisions as history
    from wgctl.models import Sensitivity

    with progress_bar():
        between, seen = history.record_diff(repo, spec, Sensitivity(audience.value))
    span = f"{between}, for a {audience.value} audience"
    render = diff_render.render_markdown if fmt is DiffFormat.md else diff_render.render_text
    typer.echo(render(seen.changes, span, seen.hidden, seen.invalid), nl=False)


@guard
def log(
    record: Annotated[str, typer.Argument(help="Record id, or its path under records/.")],
    repo: RepoOption = Path(),
    fmt: Annotated[LogFormat, typer.Option("--format", help="text or json.")] = LogFormat.text,
) -> None:
    """Show one record's history from git: who changed which field, when, in which commit."""
    from wgctl.commands.progressbar import progress_bar
    from wgctl.history import revisions as history

    with progress_bar(fmt is LogFormat.text):
        rel, entries = history.record_log(repo, record)
    if fmt is LogFormat.json:
        doc = {"record": rel, "history": [e.to_dict() for e in entries]}
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for entry in reversed(entries):
        r = entry.revision
        typer.echo(
            f"{r.sha[:10]}  {r.date.date().isoformat()}  {r.author} <{r.email}>  {r.subject}"
        )
        for line in entry.changes:
            typer.echo(f"    - {line}")
