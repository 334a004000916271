"""`wgctl report`: the progress report and the group's other reports, filtered for one audience.

The default audience is `public`: a report is meant for circulation, so what is not marked public
must be asked for (`--audience members` or `restricted`).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import (
    Audience,
    AudienceOption,
    GroupArg,
    RepoOption,
    day_or_today,
)

if TYPE_CHECKING:
    from wgctl.confidentiality.audience import View


class OutFormat(StrEnum):
    """Report formats."""

    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"


FormatOption = Annotated[OutFormat, typer.Option("--format", help="md, html, docx or pdf.")]
OutOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (required for docx, pdf).")
]
TemplateOption = Annotated[
    Path | None, typer.Option(help="Jinja template file to use instead of the report's own.")
]
ForceOption = Annotated[
    bool, typer.Option(help="Render even if validation fails (still filtered for the audience).")
]


def register(app: typer.Typer) -> None:
    """Add the `report` command group to the root app."""
    report_app = typer.Typer(
        help="Render reports (Markdown, HTML, Word) for one audience.", no_args_is_help=True
    )
    report_app.command("progress")(progress)
    report_app.command("annual")(annual)
    report_app.command("oral")(oral)
    report_app.command("actions")(actions)
    report_app.command("meeting")(meeting)
    report_app.command("nominations")(nominations)
    report_app.command("compare")(compare)
    app.add_typer(report_app, name="report")


def _emit(  # noqa: PLR0917 - the options all report commands share, in --help order
    report: str,
    params: dict[str, Any],
    audience: Audience,
    fmt: OutFormat,
    output: Path | None,
    template: Path | None,
    force: bool,
    repo: Path,
) -> None:
    """Validate, filter, render, then write the file (all or nothing) or print."""
    from wgctl.commands.progressbar import progress_bar
    from wgctl.errors import UserError
    from wgctl.files.atomic import write_output
    from wgctl.models import Sensitivity
    from wgctl.report.produce import load_view, render_report

    if fmt in {OutFormat.docx, OutFormat.pdf} and output is None:
        raise UserError(f"--format {fmt.value} needs --output FILE")
    if template is not None and not template.is_file():
        raise UserError(f"--template {template}: no such file")
    with progress_bar():
        view: View = load_view(repo, Sensitivity(audience.value), force=force)
        data = render_report(view, report, fmt.value, params, repo=repo, template=template)
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    write_output(output, data)
    typer.echo(f"wrote {output}", err=True)


@guard
def progress(
    *,
    since: Annotated[
        str | None, typer.Option(help="Start: a date or a meeting id (default: the previous SOM).")
    ] = None,
    until: Annotated[str | None, typer.Option(help="End date (default: today).")] = None,
    changes: Annotated[
        bool,
        typer.Option(
            "--changes",
            help="Add an appendix: changes to the records in git since the period began "
            "(filtered for the same audience).",
        ),
    ] = False,
    audience: AudienceOption = Audience.public,
    fmt: FormatOption = OutFormat.md,
    output: OutOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """The AHG progress report: per theme, each item's who and status since the previous SOM."""
    until_day = day_or_today(until, "--until")
    params = {"until": until_day, "since": since, "changes": changes}
    _emit("progress", params, audience, fmt, output, template, force, repo)


@guard
def annual(
    group: GroupArg,
    *,
    year: Annotated[int, typer.Option(help="Year reported on.", min=1990, max=2200)],
    audience: AudienceOption = Audience.public,
    fmt: FormatOption = OutFormat.md,
    output: OutOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """The co-chairs' annual written report to the Steering Group."""
    _emit("annual", {"group_id": group, "year": year}, audience, fmt, output, template, force, repo)


@guard
def oral(
    group: GroupArg,
    *,
    until: Annotated[
        str | None,
        typer.Option(help="Date of the update: it speaks of that day (default: today)."),
    ] = None,
    audience: AudienceOption = Audience.public,
    fmt: FormatOption = OutFormat.md,
    output: OutOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """The co-chairs' oral update for the AHG SOM: one page of bullet points."""
    params = {"group_id": group, "until": day_or_today(until, "--until")}
    _emit("oral", params, audience, fmt, output, template, force, repo)


@guard
def actions(
    *,
    owner: Annotated[str | None, typer.Option(help="Only this owner's items.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only open, past-due items.")] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            help="The tracker as it stood on this date: actions raised by then, overdue judged "
            "then (default: today, so a tracker for a past meeting needs the meeting's date)."
        ),
    ] = None,
    audience: AudienceOption = Audience.public,
    fmt: FormatOption = OutFormat.md,
    output: OutOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """The action-item tracker."""
    params = {
        "today": day_or_today(as_of, "--as-of"),
        "owner": owner,
        "overdue": overdue,
    }
    _emit("actions", params, audience, fmt, output, template, force, repo)


@guard
def meeting(
    meeting_id: Annotated[str, typer.Argument(metavar="MEETING", help="Meeting id.")],
    *,
    as_of: Annotated[
        str | None, typer.Option(help="Before the meeting: agenda; from its start: summary record.")
    ] = None,
    audience: AudienceOption = Audience.public,
    fmt: FormatOption = OutFormat.md,
    output: OutOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """A meeting's agenda (before it) or summary record (after it)."""
    params = {"meeting_id": meeting_id, "today": day_or_today(as_of, "--as-of")}
    _emit("meeting", params, audience, fmt, output, template, force, repo)


@guard
def nominations(
    group: GroupArg,
    *,
    as_of: Annotated[
        str | None,
        typer.Option(
            help="Prepared as of this date, for the next SOM on or after it (default: today)."
        ),
    ] = None,
    audience: AudienceOption = Audience.public,
    fmt: FormatOption = OutFormat.md,
    output: OutOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """The nominations paper for the next SOM's co-chair decision (from `roster next`)."""
    params = {"group_id": group, "today": day_or_today(as_of, "--as-of")}
    _emit("nominations", params, audience, fmt, output, template, force, repo)


@guard
def compare(
    *,
    until: Annotated[str | None, typer.Option(help="End of this period (default: today).")] = None,
    since: Annotated[
        str | None, typer.Option(help="Start of this period (default: the previous SOM).")
    ] = None,
    previous: Annotated[
        str | None,
        typer.Option(
            help="End of the previous report's period (default: the day before this one)."
        ),
    ] = None,
    audience: AudienceOption = Audience.public,
    fmt: FormatOption = OutFormat.md,
    output: OutOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """This progress report against the previous one: status changes, new items, quiet ones."""
    params = {
        "until": day_or_today(until, "--until"),
        "since": since,
        "previous": day_or_today(previous, "--previous") if previous else None,
    }
    _emit("compare", params, audience, fmt, output, template, force, repo)
