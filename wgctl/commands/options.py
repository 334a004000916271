"""Option and argument types shared by several commands, declared once (typer only: --help stays fast)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

RepoOption = Annotated[
    Path, typer.Option("--repo", help="Records repository (the folder holding records/).")
]
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
    bool, typer.Option("--force", help="Edit even when git has unrecorded changes to the file.")
]

# How a bad date is reported differs by command family (kept as the commands always did it).
BadDate = Callable[[str, str], Exception]


def user_error(option: str, value: str) -> Exception:
    """A bad date as a UserError (exit 1), as the report commands say it."""
    from wgctl.errors import UserError

    return UserError(f"{option} {value!r} is not a date (YYYY-MM-DD)")


def input_error(option: str, value: str) -> Exception:
    """A bad date as an InputError (exit 2), as the editing and codeowners commands say it."""
    from wgctl.errors import InputError

    return InputError(f"{option} {value!r}: not a date written YYYY-MM-DD")


def usage_error(option: str, value: str) -> Exception:
    """A bad date as a usage error on the option (exit 2), as the roster commands say it."""
    return typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option)


def parse_day(value: str | None, option: str, bad: BadDate) -> date | None:
    """An option's YYYY-MM-DD value as a date (None when not given)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad(option, value) from None


def day_or_today(value: str | None, option: str, bad: BadDate) -> date:
    """An option's date, or today when it is not given."""
    return parse_day(value, option, bad) or date.today()
