"""Themes and initiatives: the numbered action/recommendation items of the progress report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import Field

from wgctl.models.base import (
    GROUPS,
    MEETINGS,
    PARTIES,
    Figure,
    IsoDate,
    Marking,
    Precision,
    Record,
    Ref,
    RefersTo,
    Source,
    Strict,
)

Status = Literal["planned", "ongoing", "completed", "dormant", "closed"]


class Theme(Record):
    """A theme of the progress report, e.g. 1 Law enforcement cooperation."""

    kind: ClassVar[str] = "themes"
    singular: ClassVar[str] = "theme"
    number: str = Field(pattern=r"^[0-9]+$")
    title: str = Field(min_length=1)


class Who(Strict):
    """One party responsible for an initiative, with an optional qualifier."""

    refers: ClassVar[Mapping[str, RefersTo]] = {"party": RefersTo(PARTIES, party=True)}

    party: Ref | None = None
    qualifier: str | None = Field(default=None, description="e.g. 'as coordination point'.")


class Footnote(Strict):
    """A note of the source on an update's text, kept with the number the source gives it."""

    number: str = Field(pattern=r"^[0-9]+$", description="The source's footnote number, e.g. '1'.")
    text: str = Field(min_length=1, description="The note as the source prints it.")
    sources: list[Source] = Field(default_factory=list)


class StatusUpdate(Strict):
    """A dated piece of progress, with the facts and figures it reports."""

    refers: ClassVar[Mapping[str, RefersTo]] = {"meetings": RefersTo(MEETINGS)}

    date: IsoDate
    end: IsoDate | None = Field(
        default=None,
        description="Last day (or month, or year, by `precision`) of work reported over a period.",
    )
    precision: Precision = "day"
    status: Status | None = None
    text: str = Field(min_length=1)
    figures: list[Figure] = Field(default_factory=list)
    meetings: list[Ref] = Field(default_factory=list, description="Meetings the update reports.")
    sensitivity: Marking | None = None
    sources: list[Source] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(
        default_factory=list, description="The source's footnotes on this text, in its numbering."
    )


class Initiative(Record):
    """A numbered action or recommendation and its dated status updates."""

    kind: ClassVar[str] = "initiatives"
    singular: ClassVar[str] = "initiative"
    refers: ClassVar[Mapping[str, RefersTo]] = {
        "theme": RefersTo(("themes",)),
        "group": RefersTo(GROUPS),
    }
    marked_parts: ClassVar[tuple[str, ...]] = ("updates",)
    number: str = Field(pattern=r"^[0-9]+\.[0-9]+$", description="Item number, e.g. '1.3'.")
    theme: Ref
    title: str = Field(min_length=1)
    who: list[Who] = Field(default_factory=list)
    who_text: str | None = Field(default=None, description="How the report writes 'Who'.")
    group: Ref | None = Field(default=None, description="Group that leads the initiative.")
    status: Status
    updates: list[StatusUpdate] = Field(default_factory=list)
