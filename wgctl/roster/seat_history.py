"""Each seat's history (terms, decisions, extensions, gaps) and a year-by-year timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wgctl.governance.terms import DAY, seat_terms
from wgctl.models import Group, Meeting, Term
from wgctl.records import Records
from wgctl.roster.decide import policy_of


@dataclass(frozen=True)
class Entry:
    """One term in a seat, or a gap (`member` None) between terms."""

    start: date
    end: date
    member: str | None = None
    label: str = ""
    decided_at: str | None = None
    decided_on: date | None = None
    extended_until: date | None = None
    extension_decided_at: str | None = None


@dataclass
class Seat:
    """A seat's entries in date order."""

    seat: int
    entries: list[Entry] = field(default_factory=list)


@dataclass
class History:
    """Every seat's history and the timeline rows: (year, holder label per seat)."""

    group: str
    label: str
    seats: list[Seat]
    timeline: list[tuple[int, list[str]]]


def seat_history(records: Records, group: Group) -> History:
    """The group's co-chair history by seat, with gaps and a yearly timeline."""
    policy = policy_of(group)
    seats = []
    for number in range(1, policy.seats + 1):
        seat = Seat(number)
        reach: date | None = None
        for item in seat_terms(group, number):
            term = item.term
            if reach is not None and term.start > reach + DAY:
                seat.entries.append(Entry(reach + DAY, term.start - DAY))
            seat.entries.append(_entry(records, term))
            reach = max(reach or term.effective_end, term.effective_end)
        seats.append(seat)
    return History(group.id, group.label, seats, _timeline(seats))


def _entry(records: Records, term: Term) -> Entry:
    decided = records.get(Meeting, term.decided_at)
    ext = term.extension
    return Entry(
        term.start,
        term.end,
        term.member,
        records.label(term.member),
        term.decided_at,
        decided.start if decided else None,
        ext.until if ext else None,
        ext.decided_at if ext else None,
    )


def _timeline(seats: list[Seat]) -> list[tuple[int, list[str]]]:
    """Who holds each seat in each year (`*` marks a new holder, `+` an agreed extension)."""
    terms = [e for s in seats for e in s.entries if e.member]
    if not terms:
        return []
    first = min(e.start.year for e in terms)
    last = max((e.extended_until or e.end).year for e in terms)
    rows = []
    for year in range(first, last + 1):
        cells = []
        for seat in seats:
            cells.append(_cell(seat, year))
        rows.append((year, cells))
    return rows


def _cell(seat: Seat, year: int) -> str:
    held = [
        e
        for e in seat.entries
        if e.member and e.start.year <= year <= (e.extended_until or e.end).year
    ]
    if not held:
        return "(vacant)"
    names = []
    for e in held:
        mark = "*" if e.start.year == year else ""
        mark += "+" if e.extended_until and year > e.end.year else ""
        names.append(f"{e.label}{mark}")
    return " / ".join(names)
