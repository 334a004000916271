"""Git-native workflow: codeowners, diff, log, new records, edits in place, calendars."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wgctl.commands.guard import guard

if TYPE_CHECKING:
    from wgctl.records import Records

RepoOption = Annotated[
    Path, typer.Option("--repo", help="Records repository (the folder holding records/).")
]


class DiffFormat(StrEnum):
    """Output formats of `diff`."""

    text = "text"
    md = "md"


class LogFormat(StrEnum):
    """Output formats of `log`."""

    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command()(codeowners)
    app.command()(diff)
    app.command()(log)
    export_app = typer.Typer(help="Records in other formats (calendars).", no_args_is_help=True)
    export_app.command("ics")(export_ics)
    app.add_typer(export_app, name="export")


TodayOption = Annotated[
    str | None, typer.Option("--today", metavar="YYYY-MM-DD", help="Date to judge terms on.")
]


def _today(value: str | None) -> date:
    from wgctl.errors import InputError

    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--today {value!r}: not a date written YYYY-MM-DD") from None


def _load_valid(repo: Path) -> Records:
    """The repository's records, refused when any file fails to load (a partial view misleads)."""
    from wgctl.errors import UserError
    from wgctl.load import load_repo

    loaded = load_repo(repo)
    if loaded.problems:
        first = loaded.problems[0]
        raise UserError(
            f"{len(loaded.problems)} record file problem(s), first {first}; "
            "fix them first (`wgctl validate`)"
        )
    return loaded.records


@guard
def codeowners(
    repo: RepoOption = Path(),
    check: Annotated[bool, typer.Option(help="Only check that the file is current.")] = False,
    today: TodayOption = None,
) -> None:
    """Write .github/CODEOWNERS so each group's current co-chairs review its records."""
    from wgctl.codeowners import CODEOWNERS, first_difference, generate, write_atomic

    day = _today(today)
    text = generate(_load_valid(repo), day)
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
    write_atomic(path, text)
    typer.echo(f"wrote {CODEOWNERS}")


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
) -> None:
    """Say in plain words what a change does to the records (default: HEAD to the working tree)."""
    from wgctl import diffing, history

    found = history.compare(repo, spec)
    changes = diffing.diff_records(found.before, found.after, found.renames)
    render = diffing.render_markdown if fmt is DiffFormat.md else diffing.render_text
    typer.echo(render(changes, found.span), nl=False)


@guard
def log(
    record: Annotated[str, typer.Argument(help="Record id, or its path under records/.")],
    repo: RepoOption = Path(),
    fmt: Annotated[LogFormat, typer.Option("--format", help="text or json.")] = LogFormat.text,
) -> None:
    """Show one record's history from git: who changed which field, when, in which commit."""
    from wgctl import history

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


class Audience(StrEnum):
    """Audiences a calendar can be exported for."""

    public = "public"
    members = "members"
    restricted = "restricted"


@guard
def export_ics(
    repo: RepoOption = Path(),
    group: Annotated[str | None, typer.Option(help="Only this group's meetings.")] = None,
    audience: Annotated[
        Audience, typer.Option(help="Widest audience the file is for (restricted: everything).")
    ] = Audience.public,
    include_restricted: Annotated[
        bool, typer.Option(help="Same as --audience restricted.")
    ] = False,
    out: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
) -> None:
    """Meetings and Joint Periods of Action as an iCalendar file (stdout unless -o)."""
    from datetime import UTC, datetime

    from wgctl import ics
    from wgctl.audience import for_audience
    from wgctl.codeowners import write_atomic
    from wgctl.errors import UserError
    from wgctl.models import Group, Meeting, Sensitivity

    records = _load_valid(repo)
    level = Sensitivity.RESTRICTED if include_restricted else Sensitivity(audience.value)
    view = for_audience(records, level)
    meetings = view.records.of(Meeting)
    name = "Meetings"
    if group is not None:
        found = view.records.get(Group, group)
        if found is None:
            raise UserError(f"--group {group!r}: no such group (for this audience)")
        meetings = [m for m in meetings if m.group == group]
        name = f"{found.label}: meetings"
    stamp = datetime.now(UTC).replace(microsecond=0)
    text = ics.render(meetings, view, stamp, name)
    if out is None:
        typer.echo(text, nl=False)
        return
    write_atomic(out, text)
    typer.echo(f"wrote {out} ({len(meetings)} events)")
