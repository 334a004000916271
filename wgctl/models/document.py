"""Documents: the sources that facts are traced to, and the reports a group must write."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import Field

from wgctl.models.base import (
    GROUPS,
    MEETINGS,
    PARTIES,
    IsoDate,
    Precision,
    Record,
    Ref,
    RefersTo,
    Source,
)

DocumentKind = Literal[
    "terms-of-reference",
    "concept-note",
    "briefing",
    "progress-report",
    "written-report",
    "statement",
    "note",
    "other",
]


class Document(Record):
    """A source document; a `written-report` by a group counts toward its annual duty."""

    kind: ClassVar[str] = "documents"
    singular: ClassVar[str] = "document"
    refers: ClassVar[Mapping[str, RefersTo]] = {
        "author": RefersTo(PARTIES),
        "group": RefersTo(GROUPS),
        "meeting": RefersTo(MEETINGS),
    }
    type: DocumentKind
    title: str = Field(min_length=1)
    date: IsoDate | None = None
    precision: Precision = "day"
    author: Ref | None = None
    group: Ref | None = Field(default=None, description="Group the document is by or about.")
    meeting: Ref | None = Field(default=None, description="Meeting it was written for.")
    sources: list[Source] = Field(default_factory=list)
