"""When co-chairs are decided: the next Senior Officials Meeting, recorded or expected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wgctl.governance.terms import add_years
from wgctl.models import Meeting
from wgctl.records import Records


@dataclass(frozen=True)
class Sitting:
    """A meeting that decides co-chairs; `estimated` when it is expected but not recorded."""

    id: str | None
    date: date
    title: str
    estimated: bool = False
    basis: str = ""

    @property
    def name(self) -> str:
        """How text output names the meeting."""
        if not self.estimated:
            return f"{self.title} ({self.id}, {self.date})"
        if self.id is None and not self.basis.startswith("annual"):
            return "the next SOM (date unknown)"
        return f"the next expected SOM, about {self.date} (estimate)"


def decision_meetings(records: Records, kind: str) -> list[Meeting]:
    """The recorded meetings of the policy's decision kind, in date order."""
    return [m for m in records.meetings if m.type == kind]


def next_sitting(records: Records, kind: str, as_of: date) -> Sitting:
    """The first meeting of `kind` on or after `as_of`, or the one expected after it."""
    for meeting in decision_meetings(records, kind):
        if meeting.start >= as_of:
            return Sitting(meeting.id, meeting.start, meeting.title)
    return expected_sitting(records, kind, as_of)


def following_sitting(records: Records, kind: str, sitting: Sitting) -> Sitting:
    """The decision meeting after `sitting`: recorded, or expected a year later if sooner.

    Why: the terms of reference invite nominations each year, so a meeting is expected at
    least annually even when the records skip a year.
    """
    after = add_years(sitting.date, 1)
    expected = Sitting(None, after, "next expected SOM", True, "annual")
    for meeting in decision_meetings(records, kind):
        if meeting.start > sitting.date:
            if meeting.start <= after:
                return Sitting(meeting.id, meeting.start, meeting.title)
            break
    return expected


def expected_sitting(records: Records, kind: str, as_of: date) -> Sitting:
    """The next SOM expected on or after `as_of` when none is recorded.

    Estimated yearly (nominations are invited each year) on the day of the year of the last
    recorded SOM; with no SOM recorded at all its date is unknown and `as_of` stands in.
    """
    recorded = decision_meetings(records, kind)
    if not recorded:
        return Sitting(None, as_of, "next SOM", True, "unknown: no SOM is recorded")
    last = recorded[-1]
    years = 1
    while add_years(last.start, years) < as_of:
        years += 1
    day = add_years(last.start, years)
    basis = f"annual, on the day of the last recorded SOM ({last.id}, {last.start})"
    return Sitting(None, day, "next expected SOM", True, basis)
