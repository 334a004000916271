"""`wgctl export ics|xlsx|csv|sqlite|popolo`: the records in other formats, for one audience.

Each command parses its options, calls one core function in `wgctl.export` and writes the bytes
all or nothing; an existing file is replaced only with `--force`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import Audience, AudienceOption, RepoOption

if TYPE_CHECKING:
    from wgctl.confidentiality.audience import View

OutArg = Annotated[Path, typer.Argument(metavar="FILE", help="File to write.")]
ReplaceOption = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]


def register(app: typer.Typer) -> None:
    """Add `wgctl export ...` to the root app."""
    export_app = typer.Typer(
        help="Records in other formats (calendar, spreadsheets, SQLite, Popolo), for one audience.",
        no_args_is_help=True,
    )
    export_app.command("ics")(export_ics)
    export_app.command("xlsx")(export_xlsx)
    export_app.command("csv")(export_csv)
    export_app.command("sqlite")(export_sqlite)
    export_app.command("popolo")(export_popolo)
    app.add_typer(export_app, name="export")


def _view(repo: Path, audience: Audience) -> View:
    """The valid records as `audience` may see them (an export's --force only replaces a file)."""
    from wgctl.confidentiality.audience import for_audience
    from wgctl.models import Sensitivity
    from wgctl.usable import valid_records

    return for_audience(valid_records(repo, "not exporting"), Sensitivity(audience.value))


def _write(out: Path, data: bytes, force: bool, what: str) -> None:
    from wgctl.files.atomic import write_output

    write_output(out, data, replace=force)
    typer.echo(f"wrote {out} ({what})")


@guard
def export_ics(
    *,
    repo: RepoOption = Path(),
    group: Annotated[str | None, typer.Option(help="Only this group's meetings.")] = None,
    audience: Annotated[
        Audience, typer.Option(help="Widest audience the file is for (restricted: everything).")
    ] = Audience.public,
    include_restricted: Annotated[
        bool, typer.Option(help="Same as --audience restricted.")
    ] = False,
    out: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    force: ReplaceOption = False,
) -> None:
    """Meetings and Joint Periods of Action as an iCalendar feed (stdout unless -o)."""
    from wgctl.confidentiality.audience import for_audience
    from wgctl.export import calendar
    from wgctl.export.stamps import record_stamps
    from wgctl.models import Sensitivity
    from wgctl.usable import readable_records

    level = Sensitivity.RESTRICTED if include_restricted else Sensitivity(audience.value)
    view = for_audience(readable_records(repo), level)
    meetings, name = calendar.select(view, group)
    data = calendar.render(meetings, view, record_stamps(repo), name)
    if out is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    _write(out, data, force, f"{len(meetings)} events")


@guard
def export_xlsx(
    out: OutArg,
    audience: AudienceOption = Audience.public,
    force: ReplaceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """A workbook with one sheet per record kind; the action tracker first."""
    from wgctl.export import xlsx
    from wgctl.export.stamps import record_stamps

    view = _view(repo, audience)
    _write(out, xlsx.workbook(view, record_stamps(repo)), force, f"{audience.value} audience")


@guard
def export_csv(
    out: OutArg,
    kind: Annotated[
        str, typer.Option(help="Record kind: actions, initiatives, meetings, terms, organisations.")
    ] = "actions",
    audience: AudienceOption = Audience.public,
    force: ReplaceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """One record kind as a CSV file (UTF-8, ISO dates)."""
    from wgctl.export import tables

    view = _view(repo, audience)
    _write(out, tables.csv_bytes(view, kind), force, f"{kind}, {audience.value} audience")


@guard
def export_sqlite(
    out: OutArg,
    audience: AudienceOption = Audience.public,
    force: ReplaceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """A SQLite database (tables, keys, full-text search) and its Datasette metadata beside it."""
    from wgctl.export import sqlite

    view = _view(repo, audience)
    database, metadata = sqlite.database(view, out.stem)
    from wgctl.files.atomic import write_outputs

    meta_path = out.with_name(out.stem + ".metadata.json")
    write_outputs([(out, database), (meta_path, metadata)], replace=force)
    typer.echo(f"wrote {out} ({audience.value} audience) and {meta_path} (Datasette metadata)")


@guard
def export_popolo(
    out: OutArg,
    audience: AudienceOption = Audience.public,
    force: ReplaceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """Persons, organizations, memberships, posts and events as Popolo JSON."""
    from wgctl.export import popolo

    view = _view(repo, audience)
    _write(out, popolo.document(view), force, f"{audience.value} audience")
