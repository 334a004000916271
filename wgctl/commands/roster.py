"""`wgctl roster`: co-chair rotation from the terms of reference (show, next, plan, apply)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import (
    Audience,
    EditForceOption,
    RepoOption,
    day_or_today,
    parse_day,
)
from wgctl.commands.options import OptionalGroupArg as GroupArg

if TYPE_CHECKING:
    from wgctl.models import Group
    from wgctl.records import Records


class Format(StrEnum):
    """Output formats of the roster views."""

    text = "text"
    json = "json"
    md = "md"


FormatOption = Annotated[Format, typer.Option("--format", help="text, json or md.")]


AudienceOption = Annotated[
    Audience,
    typer.Option(
        "--audience",
        help="Who will read it (default members: the co-chairs and the secretariat). The view "
        "is computed only from what that audience may see.",
    ),
]


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


T = TypeVar("T")


def _emit(value: T, lines: Callable[[T, bool], list[str]], fmt: Format, audience: Audience) -> None:
    """Print a roster view as JSON, or as text or Markdown lines, naming its audience."""
    import json

    from wgctl.roster.render import to_json

    if fmt is Format.json:
        data = json.loads(to_json(value))
        if isinstance(data, dict):
            data = {"audience": audience.value, **data}
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    out = lines(value, fmt is Format.md)
    note = f"For a {audience.value} audience: computed only from what it may see."
    typer.echo("\n".join([*out[:1], note, *out[1:]]))


def _for_audience(
    repo: Path, group: str | None, audience: Audience
) -> tuple[Records, Group, dict[int, int]]:
    """The valid records as `audience` may see them, the chosen group among those, and how
    many of its nominations, by year, that view withholds."""
    from wgctl.confidentiality.audience import for_audience
    from wgctl.errors import UserError
    from wgctl.models import Group, Sensitivity
    from wgctl.roster.voluntary import withheld_by_year
    from wgctl.usable import valid_group

    records, chosen = valid_group(repo, group)
    view = for_audience(records, Sensitivity(audience.value))
    seen = view.records.get(Group, chosen.id)
    if seen is None:
        raise UserError(f"unknown group {chosen.id!r}")
    return view.records, seen, withheld_by_year(chosen, seen)


@guard
def show(
    group: GroupArg = None,
    repo: RepoOption = Path(),
    fmt: FormatOption = Format.text,
    audience: AudienceOption = Audience.members,
) -> None:
    """Each seat's co-chairs, decisions, extensions and gaps, and a timeline by year."""
    from wgctl.roster.render import history_lines
    from wgctl.roster.seat_history import seat_history

    records, chosen, _ = _for_audience(repo, group, audience)
    history = seat_history(records, chosen)
    _emit(history, history_lines, fmt, audience)


@guard
def next_(
    group: GroupArg = None,
    repo: RepoOption = Path(),
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Date to look ahead from (YYYY-MM-DD); default today."),
    ] = None,
    fmt: FormatOption = Format.text,
    audience: AudienceOption = Audience.members,
) -> None:
    """Which seat falls vacant at the next SOM, why, who may take it, and whom the rules point to."""
    from wgctl.roster.decide import next_rotation
    from wgctl.roster.render import rotation_lines

    day = day_or_today(as_of, "--as-of")
    records, chosen, withheld = _for_audience(repo, group, audience)
    rot = next_rotation(records, chosen, day, withheld=withheld)
    _emit(rot, rotation_lines, fmt, audience)


@guard
def plan(
    group: GroupArg = None,
    *,
    repo: RepoOption = Path(),
    years: Annotated[
        int, typer.Option("--years", min=1, max=50, help="How many SOMs to project.")
    ] = 5,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Start date (YYYY-MM-DD); default today.")
    ] = None,
    fmt: FormatOption = Format.text,
    audience: AudienceOption = Audience.members,
) -> None:
    """The projected rotation for the next N SOMs; any rule it must break is stated."""
    from wgctl.roster.plan import plan_rotation
    from wgctl.roster.render import plan_lines

    day = day_or_today(as_of, "--as-of")
    records, chosen, withheld = _for_audience(repo, group, audience)
    result = plan_rotation(records, chosen, day, years, withheld=withheld)
    _emit(result, plan_lines, fmt, audience)


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
        str | None,
        typer.Option(
            "--agreed-exception",
            help="The members' agreement, in words: recorded as a decision on the meeting that "
            "agreed and cited from the term.",
        ),
    ] = None,
    agreed_at: Annotated[
        str | None,
        typer.Option(
            "--agreed-at",
            help="The meeting that agreed (the group's own or the SOM; default --decided-at).",
        ),
    ] = None,
    force: EditForceOption = False,
) -> None:
    """Record a SOM's co-chair decision in the group's YAML (refused if it breaks a rule)."""
    from wgctl.editing.roster_decision import record_decision
    from wgctl.errors import UserError
    from wgctl.roster.apply import ApplyRequest

    if not decided_at:
        raise typer.BadParameter("the SOM that decided is required", param_hint="--decided-at")
    if (seat is None) == (extend_seat is None) or (seat is not None and member is None):
        raise UserError(
            "give either --seat S --member M (a new term) or --extend-seat S --until DATE"
        )
    request = ApplyRequest(
        decided_at,
        seat or extend_seat or 0,
        member if seat is not None else None,
        parse_day(start, "--start"),
        years,
        parse_day(until, "--until"),
        exception,
        agreed_at,
    )
    chosen, change = record_decision(repo, group, request, force=force)
    typer.echo(f"{chosen.path}: recorded {change.summary}")
    for problem in change.added:
        typer.echo(f"  note (agreed exception): {problem.message} [{problem.rule}]")
