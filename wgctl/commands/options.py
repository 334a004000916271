"""Option and argument types shared by several commands, declared once (typer only: --help stays fast)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

REPO_HELP = (
    "Records repository (the folder holding records/); default: found from the current folder"
    " upwards, as git does. May also come before the command: wgctl --repo DIR COMMAND."
)


def resolve_repo(ctx: typer.Context, param: typer.CallbackParam, value: Path) -> Path:
    """The records repository: `--repo` after the command, else before it, else found upwards."""
    from wgctl.commands.guard import fail
    from wgctl.errors import WgctlError
    from wgctl.files.discover import find_repo

    source = ctx.get_parameter_source(param.name or "repo")
    if source is not None and source.name != "DEFAULT":  # given after the command
        return value
    root = ctx.find_root()
    if isinstance(root.obj, dict) and root.obj.get("repo") is not None:
        given: Path = root.obj["repo"]
        return given
    try:
        return find_repo(Path())
    except WgctlError as exc:
        raise fail(str(exc), exc.exit_code) from None


RepoOption = Annotated[Path, typer.Option("--repo", help=REPO_HELP, callback=resolve_repo)]
GroupArg = Annotated[str, typer.Argument(help="Group id, e.g. dwg.")]
OptionalGroupArg = Annotated[
    str | None, typer.Argument(help="Group id; defaults to the only group with a policy.")
]


class Audience(StrEnum):
    """Who a report, calendar or record is for (records marked wider are left out)."""

    public = "public"
    members = "members"
    restricted = "restricted"


AudienceOption = Annotated[
    Audience,
    typer.Option(help="public (default: safe to circulate), members or restricted."),
]
TodayOption = Annotated[
    str | None, typer.Option("--today", metavar="YYYY-MM-DD", help="Date to judge terms on.")
]
DateOption = Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")]
EditForceOption = Annotated[
    bool,
    typer.Option(
        "--force", help="Edit even outside git, or when git has unrecorded changes to the file."
    ),
]


def parse_day(value: str | None, option: str) -> date | None:
    """An option's date (None when not given); see wgctl.request_dates (imported on use)."""
    from wgctl.request_dates import parse_day as read

    return read(value, option)


def day_or_today(value: str | None, option: str) -> date:
    """An option's date, or today when it is not given."""
    from wgctl.request_dates import day_or_today as read

    return read(value, option)
