"""The values a rotation is made of: proposals, holdings, vacancies and the rotation itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wgctl.governance.terms import Indexed
from wgctl.roster.candidates import Candidate
from wgctl.roster.next_som import Sitting


@dataclass(frozen=True)
class Proposal:
    """A decision the SOM can take: a new term, or (`extension_of`) extending a current one."""

    seat: int
    member: str | None
    start: date
    end: date
    decided_at: str | None
    extension_of: int | None = None
    needs_agreement: bool = False


@dataclass(frozen=True)
class Holding:
    """A seat that stays filled past the next SOM."""

    seat: int
    member: str
    until: date
    label: str = ""


@dataclass
class Vacancy:
    """A seat to fill at the SOM, the reasons it falls vacant, and every candidate."""

    seat: int
    outgoing: str | None
    until: date | None
    start: date
    end: date
    reasons: list[str]
    candidates: list[Candidate]
    decisive: str = ""
    options: list[str] = field(default_factory=list)
    withheld: bool = False

    @property
    def recommended(self) -> Candidate | None:
        """The first eligible candidate in rotation order; none when nominations are withheld.

        Why none: a view that cannot see every nomination cannot know who ranks first.
        """
        if self.withheld:
            return None
        return next((c for c in self.candidates if c.eligible), None)


@dataclass
class Rotation:
    """Everything the SOM needs to know to decide the co-chairs."""

    group: str
    label: str
    as_of: date
    sitting: Sitting
    following: Sitting
    continuing: list[Holding] = field(default_factory=list)
    recorded: list[Holding] = field(default_factory=list)
    vacancies: list[Vacancy] = field(default_factory=list)
    extensions: list[Proposal] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    bootstrap: bool = False
    order: list[str] = field(default_factory=list)
    withheld: dict[int, int] = field(default_factory=dict)

    def proposals(self) -> list[Proposal]:
        """The decisions the rules point to, extension first."""
        out = list(self.extensions)
        new_in: set[int] = set()
        for vacancy in self.vacancies:
            pick = vacancy.recommended
            member = pick.member if pick else None
            # A second new co-chair in the same year breaks the stagger unless agreed.
            second = member is not None and vacancy.start.year in new_in
            if member is not None:
                new_in.add(vacancy.start.year)
            out.append(
                Proposal(vacancy.seat, member, vacancy.start, vacancy.end, self.sitting.id)
                if not second
                else Proposal(
                    vacancy.seat,
                    member,
                    vacancy.start,
                    vacancy.end,
                    self.sitting.id,
                    needs_agreement=True,
                )
            )
        return out


Open = tuple[int, Indexed | None, date | None]
