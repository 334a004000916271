"""`wgctl due`: what is owed, by whom, by when and why, computed from the records for one audience."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import Audience, AudienceOption, RepoOption


class DueFormat(StrEnum):
    """Output formats of `wgctl due`."""

    text = "text"
    md = "md"
    json = "json"
    ics = "ics"
    github_issues = "github-issues"


def register(app: typer.Typer) -> None:
    """Add `wgctl due` to the root app."""
    app.command("due")(due)


@guard
def due(
    *,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help="Judge on this date.")
    ] = None,
    within: Annotated[
        int | None,
        typer.Option(
            metavar="DAYS", min=0, max=3660, help="Only overdue ones and those dated within DAYS."
        ),
    ] = None,
    group: Annotated[str | None, typer.Option(help="Only this group's obligations.")] = None,
    audience: AudienceOption = Audience.public,
    fmt: Annotated[
        DueFormat, typer.Option("--format", help="text, md, json, ics or github-issues.")
    ] = DueFormat.text,
    existing: Annotated[
        Path | None,
        typer.Option(
            help="github-issues: the JSON of `gh issue list --json number,title,body,state,labels`."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
    repo: RepoOption = Path(),
) -> None:
    """Every obligation (next SOM, nominations, reports, meetings, item updates, actions) and its state."""
    from wgctl.commands.due_table import to_text
    from wgctl.commands.options import day_or_today
    from wgctl.due.produce import compute, render
    from wgctl.errors import InputError
    from wgctl.files.atomic import write_output

    if existing is not None and fmt is not DueFormat.github_issues:
        raise InputError("--existing goes with --format github-issues")
    day = day_or_today(as_of, "--as-of")
    view, found = compute(repo, day, within, group, audience.value)
    if fmt is DueFormat.text:
        text = to_text(found, day, view.audience)
    else:
        text = render(view, found, day, group, fmt.value, existing)
    if output is None:
        typer.echo(text, nl=False)
        return
    write_output(output, text.encode("utf-8"))
    typer.echo(f"wrote {output}", err=True)
