"""Nominations: the positions are voluntary, so only a standing nomination makes a candidate.

A nomination's `year` is the year the term it is for starts. It is considered at a SOM held
on or after the nomination's `date`, in that year or the year before (terms usually start on
1 January after the SOM that decides them). A withdrawn nomination does not stand.
"""

from __future__ import annotations

from datetime import date

from wgctl.models import Group, Meeting, Nomination
from wgctl.records import Records


def nomination_for(group: Group, member: str, year: int) -> tuple[Nomination | None, bool]:
    """The member's standing nomination for `year` (earliest), and whether one was withdrawn."""
    mine = [n for n in group.nominations if n.member == member and n.year == year]
    live = sorted((n for n in mine if not n.withdrawn), key=lambda n: n.date or date.max)
    return (live[0] if live else None), any(n.withdrawn for n in mine)


def not_nominated(group: Group, member: str, year: int) -> str | None:
    """None when `member` stands nominated for a term starting in `year`, else why not."""
    nomination, withdrawn = nomination_for(group, member, year)
    if nomination is not None:
        return None
    if withdrawn:
        return f"withdrew its nomination for {year}"
    return f"not nominated for {year} (the positions are voluntary)"


def considering_window(nomination: Nomination) -> tuple[date, date]:
    """The days on which a SOM can consider the nomination."""
    first = date(nomination.year - 1, 1, 1)
    if nomination.date is not None:
        first = max(first, nomination.date)
    return first, date(nomination.year, 12, 31)


def unconsidered(records: Records, kind: str, nomination: Nomination, today: date) -> str | None:
    """Why no SOM can consider the nomination, or None when one can (or still may)."""
    first, last = considering_window(nomination)
    if first > last:
        return (
            f"dated {nomination.date}, after the year {nomination.year} it is for: no SOM can "
            "consider it (the year is the one the term starts)"
        )
    if last >= today:
        return None  # a SOM may still be held and recorded
    meetings = records.by_kind[Meeting.kind].values()  # in any order: is there one at all?
    if any(
        isinstance(m, Meeting) and m.type == kind and first <= m.start <= last for m in meetings
    ):
        return None
    return (
        f"no {kind.upper()} is recorded between {first} and {last}, so none considered this "
        f"nomination for {nomination.year}"
    )
