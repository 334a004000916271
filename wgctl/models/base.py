"""Shared building blocks of every record: strictness, ids, dates, sensitivity and sources."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr
from pydantic import Strict as StrictFlag

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_iso_date(value: Any) -> Any:
    """Accept only `YYYY-MM-DD` strings (or dates): never integers or timestamps.

    Why: pydantic's lax mode reads `0` as 1970-01-01 and YAML 1.1 timestamps silently.
    """
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        msg = "must be a date written YYYY-MM-DD"
        raise ValueError(msg)
    try:
        return date.fromisoformat(value)
    except ValueError:
        msg = f"{value!r} is not a real calendar date"
        raise ValueError(msg) from None


IsoDate = Annotated[date, BeforeValidator(_parse_iso_date)]
RecordId = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
Ref = Annotated[str, Field(pattern=ID_PATTERN, max_length=80, description="Id of another record.")]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]


class Sensitivity(StrEnum):
    """Who may see a record or a part of one; ordered from widest to narrowest audience."""

    PUBLIC = "public"
    MEMBERS = "members"
    RESTRICTED = "restricted"

    @property
    def rank(self) -> int:
        """0 for public, 1 for members, 2 for restricted."""
        return list(Sensitivity).index(self)

    def visible_to(self, audience: Sensitivity) -> bool:
        """True when an audience cleared for `audience` may see this."""
        return self.rank <= audience.rank


# Enums are read from their text values (strict mode would demand enum instances).
Marking = Annotated[Sensitivity, StrictFlag(False)]
Precision = Literal["day", "month", "year"]


class Strict(BaseModel):
    """Strict, closed, immutable: unknown fields and coerced types are errors (R11, R12)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, str_strip_whitespace=True)


class Source(Strict):
    """Where a fact comes from: a document record and, optionally, its section."""

    document: Ref
    section: str | None = None


class Figure(Strict):
    """A counted fact: `72 persons convicted`, `more than 20 states`."""

    name: str = Field(description="What is counted, e.g. 'arrests', 'participants'.")
    value: int = Field(ge=0, le=10**12)
    qualifier: Literal["exact", "more-than", "over", "about", "at-least"] = "exact"
    unit: str | None = None


class Record(Strict):
    """Fields every record carries; `_path` is set by the loader so problems can point at it."""

    kind: ClassVar[str] = ""
    id: RecordId
    sensitivity: Marking = Field(
        description="Widest audience allowed to see this record: public, members or restricted."
    )
    sources: list[Source] = Field(min_length=1)

    _path: str = PrivateAttr(default="")

    @property
    def path(self) -> str:
        """Repository-relative POSIX path of the file this record came from.

        Why read `__pydantic_private__` directly: pydantic finds private attributes only after
        a failed normal lookup (4-7 µs each); checks read every record's path.
        """
        private = self.__pydantic_private__
        return str(private["_path"]) if private else ""
