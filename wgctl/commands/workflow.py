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
    from wgctl.scaffold import Edit

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
    new_app = typer.Typer(help="Create a record from options (or prompts).", no_args_is_help=True)
    new_app.command("meeting")(new_meeting)
    new_app.command("action")(new_action)
    new_app.command("initiative")(new_initiative)
    new_app.command("update")(initiative_update)
    app.add_typer(new_app, name="new")
    action_app = typer.Typer(help="Change action items.", no_args_is_help=True)
    action_app.command("close")(action_close)
    app.add_typer(action_app, name="action")
    initiative_app = typer.Typer(help="Change initiatives.", no_args_is_help=True)
    initiative_app.command("update")(initiative_update)
    app.add_typer(initiative_app, name="initiative")


TodayOption = Annotated[
    str | None, typer.Option("--today", metavar="YYYY-MM-DD", help="Date to judge terms on.")
]


def _today(value: str | None, option: str = "--today") -> date:
    from wgctl.errors import InputError

    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r}: not a date written YYYY-MM-DD") from None


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


ForceOption = Annotated[
    bool, typer.Option("--force", help="Edit even when git has unrecorded changes to the file.")
]
DateOption = Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")]
SensitivityOption = Annotated[
    Audience, typer.Option(help="Widest audience allowed to see the record.")
]
SourceOption = Annotated[
    str | None, typer.Option("--source", metavar="DOCUMENT", help="Document id it comes from.")
]
IdOption = Annotated[str | None, typer.Option("--id", help="Id to use (default: next free).")]


def _ask(value: str | None, option: str) -> str:
    """An option's value, prompting for it only when a person is at the terminal."""
    import sys

    from wgctl.errors import UserError

    if value:
        return value
    if sys.stdin.isatty():
        answer: str = typer.prompt(option.lstrip("-").replace("-", " ").capitalize())
        return answer
    raise UserError(f"{option} is required")


def _apply(repo: Path, edit: Edit, force: bool) -> None:
    """Write one edit, refusing a file with changes git has not recorded unless forced."""
    from wgctl import history
    from wgctl.edit import edit_record
    from wgctl.errors import UserError

    if not force:
        with history.open_git(repo) as g:
            if history.dirty(g, edit.rel):
                raise UserError(
                    f"{edit.rel}: has changes git has not recorded; commit them first, "
                    "or use --force"
                )
    edit_record(repo, edit.rel, edit.mutate)
    typer.echo(f"updated {edit.rel}")


def _create(repo: Path, records: Records, rel: str, text: str) -> None:
    """Check the new record against every rule, then write it (never over a file)."""
    from wgctl.edit import create_record
    from wgctl.errors import UserError
    from wgctl.scaffold import check_new

    problems = check_new(records, repo, rel, text)
    if problems:
        raise UserError(f"{problems[0]}; nothing written")
    create_record(repo, rel, text)
    typer.echo(f"created {rel}")


@guard
def action_close(
    action_id: Annotated[str, typer.Argument(metavar="ID", help="The action's id.")],
    *,
    note: Annotated[str | None, typer.Option(help="How it was done.")] = None,
    day: DateOption = None,
    repo: RepoOption = Path(),
    force: ForceOption = False,
) -> None:
    """Close an action item: status, closing date and note, changed in place."""
    from wgctl.scaffold import close_action

    edit = close_action(_load_valid(repo), action_id, _ask(note, "--note"), _today(day, "--date"))
    _apply(repo, edit, force)


@guard
def initiative_update(
    initiative_id: Annotated[str, typer.Argument(metavar="ID", help="The initiative's id.")],
    *,
    status: Annotated[
        str | None, typer.Option(help="planned, ongoing, completed, dormant, closed.")
    ] = None,
    text: Annotated[str | None, typer.Option(help="What happened.")] = None,
    day: DateOption = None,
    repo: RepoOption = Path(),
    force: ForceOption = False,
) -> None:
    """Add a dated status update to an initiative and set its status."""
    from wgctl.scaffold import add_update

    chosen = _ask(status, "--status")
    edit = add_update(
        _load_valid(repo), initiative_id, chosen, _ask(text, "--text"), _today(day, "--date")
    )
    _apply(repo, edit, force)


@guard
def new_meeting(
    *,
    title: Annotated[str | None, typer.Option(help="Title.")] = None,
    start: Annotated[str | None, typer.Option(help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option(help="Last day, when longer than a day.")] = None,
    kind: Annotated[str, typer.Option("--type", help="Meeting type.")] = "working-group-meeting",
    group: Annotated[str | None, typer.Option(help="Group it belongs to.")] = None,
    location: Annotated[str | None, typer.Option(help="Place.")] = None,
    sensitivity: SensitivityOption = Audience.members,
    source: SourceOption = None,
    record_id: IdOption = None,
    repo: RepoOption = Path(),
) -> None:
    """Create a meeting record."""
    from wgctl.scaffold import new_meeting as build

    records = _load_valid(repo)
    fields = {
        "id": record_id,
        "sensitivity": sensitivity.value,
        "type": kind,
        "title": _ask(title, "--title"),
        "group": group,
        "start": _today(_ask(start, "--start"), "--start"),
        "end": _today(end, "--end") if end else None,
        "location": location,
    }
    _create(repo, records, *build(records, fields, _ask(source, "--source")))


@guard
def new_action(
    *,
    text: Annotated[str | None, typer.Option(help="What is to be done.")] = None,
    owner: Annotated[str | None, typer.Option(help="Organisation or group that owns it.")] = None,
    due: Annotated[str | None, typer.Option(help="Due date, YYYY-MM-DD.")] = None,
    raised_at: Annotated[str | None, typer.Option(help="Meeting that raised it.")] = None,
    initiative: Annotated[str | None, typer.Option(help="Initiative it serves.")] = None,
    sensitivity: SensitivityOption = Audience.members,
    source: SourceOption = None,
    record_id: IdOption = None,
    repo: RepoOption = Path(),
) -> None:
    """Create an open action item."""
    from wgctl.scaffold import new_action as build

    records = _load_valid(repo)
    fields = {
        "id": record_id,
        "sensitivity": sensitivity.value,
        "text": _ask(text, "--text"),
        "raised_at": raised_at,
        "owner": _ask(owner, "--owner"),
        "due": _today(due, "--due") if due else None,
        "initiative": initiative,
    }
    _create(repo, records, *build(records, fields, _ask(source, "--source")))


@guard
def new_initiative(
    *,
    theme: Annotated[str | None, typer.Option(help="Theme id.")] = None,
    title: Annotated[str | None, typer.Option(help="The action or recommendation.")] = None,
    status: Annotated[str, typer.Option(help="Status.")] = "planned",
    group: Annotated[str | None, typer.Option(help="Group that leads it.")] = None,
    sensitivity: SensitivityOption = Audience.members,
    source: SourceOption = None,
    record_id: IdOption = None,
    repo: RepoOption = Path(),
) -> None:
    """Create an initiative with the next item number in its theme."""
    from wgctl.scaffold import new_initiative as build

    records = _load_valid(repo)
    fields = {
        "id": record_id,
        "sensitivity": sensitivity.value,
        "theme": _ask(theme, "--theme"),
        "title": _ask(title, "--title"),
        "group": group,
        "status": status,
    }
    _create(repo, records, *build(records, fields, _ask(source, "--source")))
