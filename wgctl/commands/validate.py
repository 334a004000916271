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
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Report on these record files only (references still resolve against the whole"
            " repository); problems they cause in other files are not reported: validate"
            " everything, or use --changed-since."
        ),
    ] = None,
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
    from wgctl.commands.progressbar import progress_bar
    from wgctl.validate import validate_request

    with progress_bar(fmt is Format.text):
        result = validate_request(
            repo,
            only=[_record_path(repo, p) for p in paths] if paths else None,
            changed_since=changed_since,
            today=today.date() if today else None,
            max_bytes=max_bytes,
        )
    output.render(
        fmt.value,
        result.problems,
        repo=repo,
        files=result.checked,
        stream=sys.stdout,
        sources=result.files,
        max_bytes=max_bytes,
        texts=result.texts,
    )
    raise typer.Exit(1 if result.failed(strict=strict) else 0)


def _record_path(repo: Path, path: Path) -> str:
    """A PATH argument (from the current folder, or else from --repo) relative to the repository.

    Folders are resolved, the file name is not: a symlinked record keeps its own name.
    """
    import os

    from wgctl.errors import InputError

    absolute = path if path.is_absolute() else Path.cwd() / path
    if not os.path.lexists(absolute) and not path.is_absolute():
        absolute = repo / path
    try:
        folder = absolute.parent.resolve()
        if absolute.name not in ("", ".", ".."):
            return (folder / absolute.name).relative_to(repo.resolve()).as_posix()
        return absolute.resolve().relative_to(repo.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        raise InputError(f"{path}: not inside the repository {repo}") from None


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
    from wgctl.models.schema import export_schemas, stale_schemas

    if check:
        stale = stale_schemas(out)
        if stale:
            typer.echo("stale: " + ", ".join(stale) + " (run `wgctl schema export`)", err=True)
            raise typer.Exit(1)
        typer.echo("schemas are current")
        return
    for path in export_schemas(out):
        typer.echo(f"wrote {path}")
