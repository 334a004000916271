"""The command line: a thin Typer app; each command group lives in wgctl/commands/."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wgctl import __version__
from wgctl.commands import (
    codeowners,
    diff_log,
    due,
    edit,
    export,
    report,
    roster,
    site,
    sompack,
    validate,
)
from wgctl.commands.options import REPO_HELP
from wgctl.commands.plainparams import install

install()  # option values without pydantic where typer's helpers suffice
app = typer.Typer(
    name="wgctl",
    help="Run a working group's paperwork from YAML records in git.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wgctl {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    repo: Annotated[Path | None, typer.Option("--repo", help=REPO_HELP)] = None,
) -> None:
    """Records of members, initiatives, meetings and action items; co-chair rosters; reports."""
    ctx.obj = {"repo": repo}  # a command's own --repo wins (see options.resolve_repo)


for _module in (validate, roster, report, codeowners, diff_log, export, edit, site, due, sompack):
    _module.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
