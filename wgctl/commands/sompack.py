"""`wgctl som-pack`: what a group's co-chairs take to one SOM, as a report for one audience."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wgctl.commands.guard import guard
from wgctl.commands.options import Audience, AudienceOption, RepoOption

# The report commands' own options and emitter: the pack renders, filters and writes exactly
# as every report does (formats included).
from wgctl.commands.report import (
    ForceOption,
    FormatOption,
    OutFormat,
    OutOption,
    TemplateOption,
)
from wgctl.commands.report import _emit as emit


def register(app: typer.Typer) -> None:
    """Add `wgctl som-pack` to the root app."""
    app.command("som-pack")(som_pack)


@guard
def som_pack(
    som: Annotated[str, typer.Argument(metavar="SOM", help="The SOM's meeting id.")],
    *,
    group: Annotated[str, typer.Option(help="The group whose co-chairs go to the SOM.")],
    audience: AudienceOption = Audience.public,
    fmt: FormatOption = OutFormat.md,
    output: OutOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    repo: RepoOption = Path(),
) -> None:
    """The SOM preparation pack: oral update, rotation decision, items, actions, obligations, agenda."""
    params = {"group_id": group, "som_id": som}
    emit("som-pack", params, audience, fmt, output, template, force, repo)
