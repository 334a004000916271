"""`wgctl export ics`: meetings and Joint Periods of Action as a calendar file, for one audience."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wgctl.commands.guard import guard
from wgctl.commands.loading import loaded_records
from wgctl.commands.options import Audience, RepoOption


def register(app: typer.Typer) -> None:
    """Add `wgctl export ics` to the root app."""
    export_app = typer.Typer(help="Records in other formats (calendars).", no_args_is_help=True)
    export_app.command("ics")(export_ics)
    app.add_typer(export_app, name="export")


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
    from wgctl.atomic import write_output
    from wgctl.audience import for_audience
    from wgctl.errors import UserError
    from wgctl.models import Group, Meeting, Sensitivity

    records = loaded_records(repo)
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
    write_output(out, text.encode("utf-8"))
    typer.echo(f"wrote {out} ({len(meetings)} events)")
