"""Option and argument types shared by several commands, declared once (typer only: --help stays fast)."""

from __future__ import annotations

from collections.abc import Callable
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
    from wgctl.discover import find_repo
    from wgctl.errors import WgctlError

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

# How a bad date is reported differs by command family (kept as the commands always did it);
# `reason` is given when the text is a date but out of range.
BadDate = Callable[[str, str, str | None], Exception]


def user_error(option: str, value: str, reason: str | None = None) -> Exception:
    """A bad date as a UserError (exit 1), as the report commands say it."""
    from wgctl.errors import UserError

    if reason:
        return UserError(f"{option} {value!r}: {reason}")
    return UserError(f"{option} {value!r} is not a date (YYYY-MM-DD)")


def input_error(option: str, value: str, reason: str | None = None) -> Exception:
    """A bad date as an InputError (exit 2), as the editing and codeowners commands say it."""
    from wgctl.errors import InputError

    return InputError(f"{option} {value!r}: {reason or 'not a date written YYYY-MM-DD'}")


def usage_error(option: str, value: str, reason: str | None = None) -> Exception:
    """A bad date as a usage error on the option (exit 2), as the roster commands say it."""
    message = f"{value!r}: {reason}" if reason else f"{value!r} is not a date (YYYY-MM-DD)"
    return typer.BadParameter(message, param_hint=option)


def parse_day(value: str | None, option: str, bad: BadDate) -> date | None:
    """An option's value as a date (None when not given): only `YYYY-MM-DD`, years 1900-2200.

    Why not `date.fromisoformat` alone: it also reads `2017-W44-2` and `20171031`.
    """
    if value is None:
        return None
    from wgctl.models.base import YEAR_RANGE, iso_day

    try:
        return iso_day(value)
    except ValueError as exc:
        raise bad(option, value, YEAR_RANGE if str(exc) == YEAR_RANGE else None) from None


def day_or_today(value: str | None, option: str, bad: BadDate) -> date:
    """An option's date, or today when it is not given."""
    return parse_day(value, option, bad) or date.today()
