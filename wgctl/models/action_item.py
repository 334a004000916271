"""Action items: what a meeting asked someone to do, by when, and how it ended."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import Field

from wgctl.models.base import MEETINGS, PARTIES, IsoDate, Record, Ref, RefersTo


class ActionItem(Record):
    """A task raised at a meeting, owned by a party, with a due date."""

    kind: ClassVar[str] = "actions"
    singular: ClassVar[str] = "action item"
    refers: ClassVar[Mapping[str, RefersTo]] = {
        "raised_at": RefersTo(MEETINGS),
        "owner": RefersTo(PARTIES, party=True),
        "initiative": RefersTo(("initiatives",)),
    }
    text: str = Field(min_length=1)
    raised_at: Ref | None = None
    owner: Ref
    due: IsoDate | None = None
    status: Literal["open", "closed", "cancelled"] = "open"
    closed: IsoDate | None = None
    closing_note: str | None = None
    initiative: Ref | None = None
    recurring: Literal["annual"] | None = None
