"""Shared building blocks of every record: strictness, ids, dates, sensitivity and sources."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr
from pydantic import Strict as StrictFlag

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


MIN_YEAR, MAX_YEAR = 1900, 2200
YEAR_RANGE = f"year must be between {MIN_YEAR} and {MAX_YEAR}"


def iso_day(text: str) -> date:
    """A `YYYY-MM-DD` text as a date in the years 1900-2200, else ValueError saying why.

    Why bounded: date arithmetic near year 9999 (a term's end, a calendar's next day) overflows,
    and no working-group record or command-line date is that far out.
    """
    if not _ISO_DATE.fullmatch(text):
        msg = "must be a date written YYYY-MM-DD"
        raise ValueError(msg)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        msg = f"{text!r} is not a real calendar date"
        raise ValueError(msg) from None
    return in_range(day)


def in_range(day: date) -> date:
    """`day` itself when its year is 1900-2200, else ValueError."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(YEAR_RANGE)
    return day


def _parse_iso_date(value: Any) -> Any:
    """Accept only `YYYY-MM-DD` strings (or dates): never integers or timestamps.

    Why: pydantic's lax mode reads `0` as 1970-01-01 and YAML 1.1 timestamps silently. Text (all
    that files hold) is bounded to 1900-2200; dates built by code (a plan's projected terms, which
    may run past 2200) are taken as they are.
    """
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        msg = "must be a date written YYYY-MM-DD"
        raise ValueError(msg)  # noqa: TRY004 - pydantic turns only ValueError into a problem
    return iso_day(value)


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


# The folders (kinds) a reference may name; a "party" is anything that can act or be "who".
PARTIES = ("organisations", "groups")
ORGANISATIONS = ("organisations",)
GROUPS = ("groups",)
PEOPLE = ("people",)
MEETINGS = ("meetings",)
DOCUMENTS = ("documents",)


@dataclass(frozen=True)
class RefersTo:
    """What a `Ref` field may name: records of these kinds; `party` fields get WG502's wording."""

    kinds: tuple[str, ...]
    party: bool = False


class Strict(BaseModel):
    """Strict, closed, immutable: unknown fields and coerced types are errors (R11, R12).

    `refers` declares which of the model's own `Ref` fields name which kinds: the reference
    check derives its table from it (a test fails when a `Ref` field is not declared).
    Validators are built on first validation (`defer_build`): a command served from the cache
    unpickles records and never validates, and building them all cost it about 100 ms.
    """

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, str_strip_whitespace=True, defer_build=True
    )
    refers: ClassVar[Mapping[str, RefersTo]] = {}


class Source(Strict):
    """Where a fact comes from: a document record and, optionally, its section."""

    refers: ClassVar[Mapping[str, RefersTo]] = {"document": RefersTo(DOCUMENTS)}
    document: Ref
    section: str | None = None


class Figure(Strict):
    """A counted fact: `72 persons convicted`, `more than 20 states`."""

    name: str = Field(description="What is counted, e.g. 'arrests', 'participants'.")
    value: int = Field(ge=0, le=10**12)
    qualifier: Literal["exact", "more-than", "over", "about", "at-least"] = "exact"
    unit: str | None = None


class Record(Strict):
    """Fields every record carries; `_path` is set by the loader so problems can point at it.

    Each kind describes itself, so that the checks, the audience filter and the diff derive
    their tables from the models instead of keeping copies: `kind` (its folder under
    `records/`), `singular` (how a message names one record), `refers` (see `Strict`),
    `marked_parts` (list fields whose items carry their own `sensitivity`), `personal`
    (personal data: never for a public audience), `member_fields` (personal data the members
    may see: for the `members` and `restricted` audiences, never `public`), `private_fields`
    (for no audience at all) and `name_fields` (texts that name the record: free text quoting
    them names it).
    """

    kind: ClassVar[str] = ""
    singular: ClassVar[str] = ""
    marked_parts: ClassVar[tuple[str, ...]] = ()
    personal: ClassVar[bool] = False
    member_fields: ClassVar[tuple[str, ...]] = ()
    private_fields: ClassVar[tuple[str, ...]] = ()
    name_fields: ClassVar[tuple[str, ...]] = ()
    id: RecordId
    sensitivity: Marking = Field(
        description="Widest audience allowed to see this record: public, members or restricted."
    )
    sources: list[Source] = Field(min_length=1)

    _path: str = PrivateAttr(default="")

    @classmethod
    def fields_hidden_from(cls, audience: Sensitivity) -> tuple[str, ...]:
        """Fields `audience` never sees: the private ones, and for the public also the member
        fields (personal data the members share among themselves)."""
        if Sensitivity.MEMBERS.visible_to(audience):
            return cls.private_fields
        return cls.member_fields + cls.private_fields

    @property
    def path(self) -> str:
        """Repository-relative POSIX path of the file this record came from.

        Why read `__pydantic_private__` directly: pydantic finds private attributes only after
        a failed normal lookup (4-7 µs each); checks read every record's path.
        """
        private = self.__pydantic_private__
        return str(private["_path"]) if private else ""
