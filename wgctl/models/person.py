"""People: nominated officials. Personal data: never rendered for a public audience."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import Field

from wgctl.models.base import GROUPS, ORGANISATIONS, IsoDate, Record, Ref, RefersTo, Strict


class Clearance(Strict):
    """A security clearance and when it lapses."""

    level: Literal["national", "none"]
    expires: IsoDate | None = None


class Person(Record):
    """An official nominated by a member to a group."""

    kind: ClassVar[str] = "people"
    singular: ClassVar[str] = "person"
    refers: ClassVar[Mapping[str, RefersTo]] = {
        "member": RefersTo(ORGANISATIONS),
        "groups": RefersTo(GROUPS),
    }
    personal: ClassVar[bool] = True
    # The review handle is the account an official reviews pull requests with (CODEOWNERS lists
    # it), so members may see it and be assigned by it; a clearance is for nobody's eyes.
    member_fields: ClassVar[tuple[str, ...]] = ("review_handle",)
    private_fields: ClassVar[tuple[str, ...]] = ("clearance",)
    name_fields: ClassVar[tuple[str, ...]] = ("name",)
    name: str = Field(min_length=1)
    member: Ref = Field(description="Organisation the official represents.")
    agency: str | None = None
    role: str | None = None
    groups: list[Ref] = Field(default_factory=list)
    clearance: Clearance | None = None
    review_handle: str | None = Field(
        default=None,
        pattern=r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]+)?$",
        description="Code-review handle, e.g. @octocat or @org/team.",
    )
