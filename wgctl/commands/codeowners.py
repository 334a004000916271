"""`wgctl codeowners`: the CODEOWNERS file that asks each group's co-chairs to review its records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import RepoOption, TodayOption, day_or_today


def register(app: typer.Typer) -> None:
    """Add `wgctl codeowners` to the root app."""
    app.command()(codeowners)


@guard
def codeowners(
    repo: RepoOption = Path(),
    check: Annotated[bool, typer.Option(help="Only check that the file is current.")] = False,
    today: TodayOption = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Write even outside git, or over changes git has not recorded."
        ),
    ] = False,
) -> None:
    """Write .github/CODEOWNERS so each group's current co-chairs review its records."""
    from wgctl.files.atomic import write_text_atomic
    from wgctl.governance.codeowners import CODEOWNERS, first_difference, generate
    from wgctl.history.gitio import refuse_unrecorded
    from wgctl.usable import readable_records

    day = day_or_today(today, "--today")
    text = generate(readable_records(repo), day)
    path = repo / CODEOWNERS
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check:
        if current != text:
            where = f" from line {first_difference(current, text)}" if current else ""
            typer.echo(f"{CODEOWNERS} is out of date{where}: run `wgctl codeowners`", err=True)
            raise typer.Exit(1)
        typer.echo(f"{CODEOWNERS} is current")
        return
    if current == text:
        typer.echo(f"{CODEOWNERS} is already current")
        return
    refuse_unrecorded(repo, CODEOWNERS, force=force)
    write_text_atomic(path, text)
    typer.echo(f"wrote {CODEOWNERS}")
