"""Meetings: SOMs, working-group meetings, workshops, and Joint Periods of Action as periods."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar, Literal

from pydantic import Field

from wgctl.models.base import (
    GROUPS,
    PARTIES,
    PEOPLE,
    Figure,
    IsoDate,
    Marking,
    Precision,
    Record,
    RecordId,
    Ref,
    RefersTo,
    Strict,
)

MeetingKind = Literal[
    "som",
    "ministerial",
    "steering-group",
    "working-group-meeting",
    "roundtable",
    "workshop",
    "training",
    "table-top-exercise",
    "debrief",
    "consultation-mechanism",
    "joint-period-of-action",
    "other",
]


class Decision(Strict):
    """Something the meeting decided or endorsed; an `id` lets a term cite it as an agreement."""

    id: RecordId | None = Field(
        default=None, description="Key by which a co-chair term cites this decision."
    )
    text: str = Field(min_length=1)
    sensitivity: Marking | None = None


class Statement(Strict):
    """A statement made at a meeting; `by` attributes it (never allowed under Chatham House)."""

    refers: ClassVar[Mapping[str, RefersTo]] = {"by": RefersTo((*PARTIES, *PEOPLE))}

    text: str = Field(min_length=1)
    by: Ref | None = None
    sensitivity: Marking | None = None


class Meeting(Record):
    """A meeting or a period of joint action, with who took part and what came of it."""

    kind: ClassVar[str] = "meetings"
    singular: ClassVar[str] = "meeting"
    refers: ClassVar[Mapping[str, RefersTo]] = {
        "group": RefersTo(GROUPS),
        "host": RefersTo(PARTIES),
        "chairs": RefersTo(PARTIES),
        "participants": RefersTo(PARTIES),
        "attendees": RefersTo(PEOPLE),
        "oral_updates": RefersTo(GROUPS),
    }
    marked_parts: ClassVar[tuple[str, ...]] = ("decisions", "statements")
    type: MeetingKind
    title: str = Field(min_length=1)
    number: int | None = Field(default=None, ge=1, description="Ordinal, e.g. 11 for the 11th SOM.")
    group: Ref | None = Field(default=None, description="Group the meeting belongs to.")
    start: IsoDate
    end: IsoDate | None = None
    precision: Precision = "day"
    location: str | None = None
    host: Ref | None = None
    chairs: list[Ref] = Field(default_factory=list)
    participants: list[Ref] = Field(default_factory=list, description="Organisations taking part.")
    attendees: list[Ref] = Field(default_factory=list, description="People taking part.")
    chatham_house: bool = False
    cancelled: bool = Field(
        default=False, description="Called off: calendars keep the event, marked cancelled."
    )
    agenda: list[str] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    outcomes: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    oral_updates: list[Ref] = Field(
        default_factory=list, description="Groups that gave their annual oral update here."
    )

    @property
    def last_day(self) -> date:
        """The last day of the meeting (its start when it is a one-day meeting)."""
        return self.end or self.start
