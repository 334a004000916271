"""`wgctl new`, `wgctl action close`, `wgctl initiative update`: records created and edited in place.

Every new record is checked against every rule before it is written. An edit is refused only for
its own file's errors (unless forced) or errors it would create (see wgctl.editing.flow), and for a
file git cannot show the change of (changes not recorded, or no git: unless forced).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import (
    Audience,
    DateOption,
    EditForceOption,
    RepoOption,
    day_or_today,
)

if TYPE_CHECKING:
    from wgctl.editing.scaffold import Edit
    from wgctl.records import Records


def register(app: typer.Typer) -> None:
    """Add `wgctl new ...`, `wgctl action close` and `wgctl initiative update` to the root app."""
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


SensitivityOption = Annotated[
    Audience, typer.Option(help="Widest audience allowed to see the record.")
]
SourceOption = Annotated[
    str | None, typer.Option("--source", metavar="DOCUMENT", help="Document id it comes from.")
]
IdOption = Annotated[str | None, typer.Option("--id", help="Id to use (default: next free).")]


def _ask(value: str | None, option: str) -> str:
    """An option's value, prompting for it only when a person is at the terminal."""
    from wgctl.errors import UserError

    if value:
        return value
    if sys.stdin.isatty():
        answer: str = typer.prompt(option.lstrip("-").replace("-", " ").capitalize())
        return answer
    raise UserError(f"{option} is required")


def _apply(repo: Path, build: Callable[[Records], Edit], force: bool) -> None:
    """Write one edit; refused only for problems of its own file or problems it would create."""
    from wgctl.editing.flow import apply_edit

    typer.echo(f"updated {apply_edit(repo, build, force=force)}")


def _records(repo: Path) -> Records:
    """The repository's readable records: a broken file elsewhere does not block a new one."""
    from wgctl.files.load import load_repo

    return load_repo(repo).records


def _create(repo: Path, records: Records, rel: str, text: str) -> None:
    """Check the new record against every rule, then write it (never over a file)."""
    from wgctl.editing.scaffold import check_new
    from wgctl.errors import UserError
    from wgctl.files.edit import create_record

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
    force: EditForceOption = False,
) -> None:
    """Close an action item: status, closing date and note, changed in place."""
    from wgctl.editing.scaffold import close_action

    note, closed = _ask(note, "--note"), day_or_today(day, "--date")
    _apply(repo, lambda records: close_action(records, action_id, note, closed), force)


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
    force: EditForceOption = False,
) -> None:
    """Add a dated status update to an initiative and set its status."""
    from wgctl.editing.scaffold import add_update

    chosen, said, on = _ask(status, "--status"), _ask(text, "--text"), day_or_today(day, "--date")
    _apply(repo, lambda records: add_update(records, initiative_id, chosen, said, on), force)


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
    from wgctl.editing.scaffold import new_meeting as build

    records = _records(repo)
    fields = {
        "id": record_id,
        "sensitivity": sensitivity.value,
        "type": kind,
        "title": _ask(title, "--title"),
        "group": group,
        "start": day_or_today(_ask(start, "--start"), "--start"),
        "end": day_or_today(end, "--end") if end else None,
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
    from wgctl.editing.scaffold import new_action as build

    records = _records(repo)
    fields = {
        "id": record_id,
        "sensitivity": sensitivity.value,
        "text": _ask(text, "--text"),
        "raised_at": raised_at,
        "owner": _ask(owner, "--owner"),
        "due": day_or_today(due, "--due") if due else None,
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
    from wgctl.editing.scaffold import new_initiative as build

    records = _records(repo)
    fields = {
        "id": record_id,
        "sensitivity": sensitivity.value,
        "theme": _ask(theme, "--theme"),
        "title": _ask(title, "--title"),
        "group": group,
        "status": status,
    }
    _create(repo, records, *build(records, fields, _ask(source, "--source")))
