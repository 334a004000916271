"""`wgctl roster`: co-chair rotation from the terms of reference (show, next, plan, apply)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wgctl.commands.guard import guard

if TYPE_CHECKING:
    from wgctl.models import Group
    from wgctl.records import Records

RepoOption = Annotated[
    Path, typer.Option("--repo", help="Records repository (the folder holding records/).")
]
GroupArg = Annotated[
    str | None, typer.Argument(help="Group id; defaults to the only group with a policy.")
]


class Format(StrEnum):
    """Output formats of the roster views."""

    text = "text"
    json = "json"
    md = "md"


FormatOption = Annotated[Format, typer.Option("--format", help="text, json or md.")]


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from None


def register(app: typer.Typer) -> None:
    """Add `wgctl roster show|next|plan|apply` to the root app."""
    roster = typer.Typer(
        help="Co-chair seats, the next rotation and its planning.", no_args_is_help=True
    )
    roster.command("show")(show)
    roster.command("next")(next_)
    roster.command("plan")(plan)
    roster.command("apply")(apply)
    app.add_typer(roster, name="roster")


def _load(repo: Path, group_id: str | None) -> tuple[Records, Group]:
    """The records of a valid repository and the chosen group (one-line errors otherwise)."""
    from wgctl.errors import UserError
    from wgctl.models import Group
    from wgctl.validate import validate_repo

    result = validate_repo(repo)
    if result.errors:
        first = result.errors[0]
        raise UserError(
            f"the records have {len(result.errors)} error(s), first {first}; fix them first (wgctl validate)"
        )
    records = result.records
    if group_id is not None:
        group = records.get(Group, group_id)
        if group is None:
            known = ", ".join(g.id for g in records.groups) or "none"
            raise UserError(f"no group {group_id!r} (groups: {known})")
        return records, group
    with_policy = [g for g in records.groups if g.policy is not None]
    if len(with_policy) != 1:
        choices = ", ".join(g.id for g in with_policy) or "none has a policy"
        raise UserError(f"name the group: {choices}")
    return records, with_policy[0]


def _emit(lines: list[str]) -> None:
    typer.echo("\n".join(lines))


@guard
def show(
    group: GroupArg = None, repo: RepoOption = Path(), fmt: FormatOption = Format.text
) -> None:
    """Each seat's co-chairs, decisions, extensions and gaps, and a timeline by year."""
    from wgctl.roster.history import seat_history
    from wgctl.roster.render import history_lines, to_json

    records, chosen = _load(repo, group)
    history = seat_history(records, chosen)
    if fmt is Format.json:
        typer.echo(to_json(history))
    else:
        _emit(history_lines(history, md=fmt is Format.md))


@guard
def next_(
    group: GroupArg = None,
    repo: RepoOption = Path(),
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Date to look ahead from (YYYY-MM-DD); default today."),
    ] = None,
    fmt: FormatOption = Format.text,
) -> None:
    """Which seat falls vacant at the next SOM, why, who may take it, and whom the rules point to."""
    from wgctl.roster.decide import next_rotation
    from wgctl.roster.render import rotation_lines, to_json

    day = _day(as_of, "--as-of") or date.today()
    records, chosen = _load(repo, group)
    rot = next_rotation(records, chosen, day)
    if fmt is Format.json:
        typer.echo(to_json(rot))
    else:
        _emit(rotation_lines(rot, md=fmt is Format.md))


@guard
def plan(
    group: GroupArg = None,
    repo: RepoOption = Path(),
    years: Annotated[
        int, typer.Option("--years", min=1, max=50, help="How many SOMs to project.")
    ] = 5,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Start date (YYYY-MM-DD); default today.")
    ] = None,
    fmt: FormatOption = Format.text,
) -> None:
    """The projected rotation for the next N SOMs; any rule it must break is stated."""
    from wgctl.roster.plan import plan_rotation
    from wgctl.roster.render import plan_lines, to_json

    day = _day(as_of, "--as-of") or date.today()
    records, chosen = _load(repo, group)
    result = plan_rotation(records, chosen, day, years)
    if fmt is Format.json:
        typer.echo(to_json(result))
    else:
        _emit(plan_lines(result, md=fmt is Format.md))


@guard
def apply(
    group: GroupArg = None,
    *,
    repo: RepoOption = Path(),
    decided_at: Annotated[
        str, typer.Option("--decided-at", help="The SOM that took the decision.")
    ] = "",
    seat: Annotated[int | None, typer.Option("--seat", help="Seat of the new term.")] = None,
    member: Annotated[str | None, typer.Option("--member", help="The new co-chair.")] = None,
    start: Annotated[
        str | None, typer.Option("--start", help="First day (default: when the seat opens).")
    ] = None,
    years: Annotated[
        int | None, typer.Option("--years", min=1, max=10, help="Term length in years.")
    ] = None,
    extend_seat: Annotated[
        int | None, typer.Option("--extend-seat", help="Extend this seat's current term.")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day of the extension.")] = None,
    exception: Annotated[
        str | None, typer.Option("--agreed-exception", help="The exception the members agreed.")
    ] = None,
) -> None:
    """Record a SOM's co-chair decision in the group's YAML (refused if it breaks a rule)."""
    from wgctl.edit import edit_record
    from wgctl.errors import UserError
    from wgctl.roster.apply import Decision, plan_decision

    if not decided_at:
        raise typer.BadParameter("the SOM that decided is required", param_hint="--decided-at")
    if (seat is None) == (extend_seat is None) or (seat is not None and member is None):
        raise UserError(
            "give either --seat S --member M (a new term) or --extend-seat S --until DATE"
        )
    records, chosen = _load(repo, group)
    decision = Decision(
        decided_at,
        seat or extend_seat or 0,
        member if seat is not None else None,
        _day(start, "--start"),
        years,
        _day(until, "--until"),
        exception,
    )
    change = plan_decision(records, chosen, decision)
    edit_record(repo, chosen.path, change.mutate)
    typer.echo(f"{chosen.path}: recorded {change.summary}")
    for problem in change.added:
        typer.echo(f"  note (agreed exception): {problem.message} [{problem.rule}]")
