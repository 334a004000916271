"""Organisations: member states, international organisations, Bali Process bodies, partners."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import Field

from wgctl.models.base import ORGANISATIONS, PARTIES, Record, Ref, RefersTo

OrganisationType = Literal[
    "state", "international-organisation", "body", "partner", "agency", "centre"
]


class Organisation(Record):
    """A party that can be named as a member, host, owner or "who" of an initiative."""

    kind: ClassVar[str] = "organisations"
    singular: ClassVar[str] = "organisation"
    refers: ClassVar[Mapping[str, RefersTo]] = {
        "parent": RefersTo(PARTIES),
        "country": RefersTo(ORGANISATIONS),
    }
    name_fields: ClassVar[tuple[str, ...]] = ("name", "short_name")
    name: str = Field(min_length=1)
    short_name: str | None = None
    type: OrganisationType
    ahg_member: bool = Field(default=False, description="Member of the Bali Process Ad Hoc Group.")
    parent: Ref | None = Field(default=None, description="Body or state this one belongs to.")
    country: Ref | None = Field(default=None, description="State where a partner is based.")

    @property
    def label(self) -> str:
        """The short name when there is one: how reports name the organisation."""
        return self.short_name or self.name
