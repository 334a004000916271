"""Groups: a working group (or task force) with its terms of reference as policy data."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar, Literal

from pydantic import Field

from wgctl.models.base import (
    MEETINGS,
    ORGANISATIONS,
    PARTIES,
    IsoDate,
    Marking,
    Record,
    RecordId,
    Ref,
    RefersTo,
    Source,
    Strict,
)

RotationKey = Literal["nominees-first", "longest-since-served", "earliest-nomination", "id"]
DEFAULT_ROTATION_ORDER: tuple[RotationKey, ...] = (
    "nominees-first",
    "longest-since-served",
    "earliest-nomination",
    "id",
)


class MeetingsPerYear(Strict):
    """How often the terms of reference expect the group to meet."""

    min: int = Field(ge=0, le=52)
    max: int = Field(ge=0, le=52)


class Reporting(Strict):
    """Annual reporting duties of the co-chairs."""

    refers: ClassVar[Mapping[str, RefersTo]] = {"written_report_to": RefersTo(PARTIES)}

    written_report_to: Ref | None = Field(
        default=None, description="Body that receives the annual written report."
    )
    oral_update_at: Literal["som"] | None = Field(
        default=None, description="Meeting kind where the annual oral update is given."
    )


class Policy(Strict):
    """The chairing and meeting rules of the terms of reference, as data."""

    refers: ClassVar[Mapping[str, RefersTo]] = {"members": RefersTo(ORGANISATIONS)}

    seats: int = Field(default=2, ge=1, le=10)
    max_term_years: int = Field(default=2, ge=1, le=10)
    staggered: bool = Field(default=True, description="One co-chair rotates each year.")
    membership: Literal["ahg-member-states", "ahg-members", "listed"] = "ahg-member-states"
    members: list[Ref] = Field(default_factory=list, description="Members, when 'listed'.")
    decided_at: Literal["som"] = "som"
    meetings_per_year: MeetingsPerYear | None = None
    reporting: Reporting = Field(default_factory=Reporting)
    clearance_required: Literal["national"] | None = None
    chatham_house: bool = Field(default=False, description="Meetings may be under the Rule.")
    review_date: IsoDate | None = None
    rotation_order: list[RotationKey] = Field(
        default_factory=lambda: list(DEFAULT_ROTATION_ORDER),
        description="Tie-breaks, in order, for recommending the next co-chair.",
    )
    clauses: dict[str, str] = Field(
        default_factory=dict, description="Quoted clauses of the ToR, cited by rule explanations."
    )


class Agreement(Strict):
    """Where the members' agreement to an exception to the terms of reference is recorded.

    The ToR allow a longer term only "unless otherwise agreed by Working Group members": the
    agreement is a decision (with an `id`) on the meeting that took it, either a meeting of the
    group itself or the SOM, held before the period it allows begins.
    """

    refers: ClassVar[Mapping[str, RefersTo]] = {"meeting": RefersTo(MEETINGS)}

    meeting: Ref = Field(description="The meeting (the group's own, or the SOM) that agreed.")
    decision: RecordId = Field(description="The `id` of the decision in that meeting's record.")


class Extension(Strict):
    """An extension of a term, with its decision (and its agreement when past the maximum)."""

    refers: ClassVar[Mapping[str, RefersTo]] = {"decided_at": RefersTo(MEETINGS)}

    until: IsoDate
    decided_at: Ref
    agreement: Agreement | None = Field(
        default=None, description="The recorded agreement, when service runs past the maximum."
    )
    note: str | None = None


class Term(Strict):
    """One co-chair's term in one seat."""

    refers: ClassVar[Mapping[str, RefersTo]] = {
        "member": RefersTo(ORGANISATIONS),
        "decided_at": RefersTo(MEETINGS),
    }

    seat: int = Field(ge=1, le=10)
    member: Ref
    start: IsoDate
    end: IsoDate
    decided_at: Ref | None = Field(default=None, description="The SOM that decided the term.")
    extension: Extension | None = None
    agreement: Agreement | None = Field(
        default=None,
        description="The recorded agreement for an exception: a term past the maximum, or a "
        "second seat changing hands in the same year.",
    )
    sources: list[Source] = Field(default_factory=list)

    @property
    def effective_end(self) -> date:
        """The end date, taking an agreed extension into account."""
        return self.extension.until if self.extension else self.end


class Nomination(Strict):
    """A member's nomination for a co-chair term that starts in `year`.

    Why the start year: nominations are invited "each year", and a term usually starts on
    1 January after the SOM that decides it; a nomination for 2017 is therefore considered at
    the SOM held in 2016 (or in 2017 itself, before the term starts), on or after its `date`.
    """

    refers: ClassVar[Mapping[str, RefersTo]] = {"member": RefersTo(ORGANISATIONS)}

    member: Ref
    year: int = Field(
        ge=1990, le=2200, description="The year the term nominated for starts (not the SOM's)."
    )
    date: IsoDate | None = None
    withdrawn: bool = False
    sensitivity: Marking | None = None


class Group(Record):
    """A working group, task force or experts group and its co-chair history."""

    kind: ClassVar[str] = "groups"
    singular: ClassVar[str] = "group"
    refers: ClassVar[Mapping[str, RefersTo]] = {
        "parent": RefersTo(PARTIES),
        "endorsed_at": RefersTo(MEETINGS),
    }
    marked_parts: ClassVar[tuple[str, ...]] = ("nominations",)
    name_fields: ClassVar[tuple[str, ...]] = ("name", "short_name")
    name: str = Field(min_length=1)
    short_name: str | None = None
    parent: Ref | None = Field(default=None, description="Body the group reports to (e.g. ahg).")
    established: IsoDate | None = None
    endorsed_at: Ref | None = Field(default=None, description="Meeting that endorsed the ToR.")
    status: Literal["active", "dormant", "planned", "closed"] = "active"
    policy: Policy | None = None
    terms: list[Term] = Field(default_factory=list)
    nominations: list[Nomination] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """The short name when there is one."""
        return self.short_name or self.name
