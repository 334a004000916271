"""Commands about the records themselves: validate, rules, schema export."""

from __future__ import annotations

import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import RepoOption


class Format(StrEnum):
    """Output formats of `validate`."""

    text = "text"
    json = "json"
    github = "github"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command()(validate)
    app.command()(rules)
    schema_app = typer.Typer(help="JSON Schema for editors and other tools.", no_args_is_help=True)
    schema_app.command("export")(schema_export)
    app.add_typer(schema_app, name="schema")


@guard
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Report on these files only.")] = None,
    *,
    repo: RepoOption = Path(),
    fmt: Annotated[Format, typer.Option("--format", help="text, json or github.")] = Format.text,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
    max_bytes: Annotated[int, typer.Option(help="Size limit of one record file.")] = 1_000_000,
    changed_since: Annotated[
        str | None,
        typer.Option(metavar="REF", help="Report only what changed since this git commit."),
    ] = None,
    today: Annotated[
        datetime | None,
        typer.Option(hidden=True, formats=["%Y-%m-%d"], help="Judge dates as of this day."),
    ] = None,
) -> None:
    """Validate every record and every cross-record rule; exit 1 on errors."""
    from wgctl import output
    from wgctl.paths import repo_relative
    from wgctl.validate import validate_repo

    only = [repo_relative(repo, p) for p in paths] if paths else None
    changes = None
    if changed_since is not None:
        from wgctl import changeset, history

        changes = history.changed_since(repo, changed_since)
    day = today.date() if today else None
    result = validate_repo(repo, only=only, max_bytes=max_bytes, today=day)
    if changes is not None:
        result.problems = changeset.concerning(result.problems, result.records, changes)
        only = sorted(changes.changed) if only is None else only
    files = len(only) if only is not None else len(result.files)
    output.render(fmt.value, result.problems, repo=repo, files=files, stream=sys.stdout)
    raise typer.Exit(1 if result.failed(strict=strict) else 0)


@guard
def rules() -> None:
    """List every rule: code, name, severity and what it asks."""
    from wgctl.rules import RULES

    for rule in RULES:
        typer.echo(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}")
        typer.echo(f"{'':36}fix: {rule.hint}")


@guard
def schema_export(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write into.")] = Path(
        "schemas"
    ),
    check: Annotated[bool, typer.Option(help="Only check that the files are current.")] = False,
) -> None:
    """Write one JSON Schema per record kind (for editors' yaml-language-server)."""
    from wgctl.schema import export_schemas, stale_schemas

    if check:
        stale = stale_schemas(out)
        if stale:
            typer.echo("stale: " + ", ".join(stale) + " (run `wgctl schema export`)", err=True)
            raise typer.Exit(1)
        typer.echo("schemas are current")
        return
    for path in export_schemas(out):
        typer.echo(f"wrote {path}")
