"""Co-chair terms over time: years, seats, who holds a seat on a day, contiguous service."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from wgctl.models import Group, Term

DAY = timedelta(days=1)


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def term_end_for(start: date, years: int) -> date:
    """The last day of a term of `years` years starting on `start`."""
    return add_years(start, years) - DAY


def within_years(start: date, end: date, years: int) -> bool:
    """True when the period start..end (inclusive) lasts at most `years` years."""
    return end <= term_end_for(start, years)


def change_year(end: date) -> int:
    """The year in which a seat whose holder serves until `end` changes hands."""
    return (end + DAY).year


@dataclass(frozen=True)
class Indexed:
    """A term with its position in the group's `terms` list (for locating problems)."""

    index: int
    term: Term


def seat_terms(group: Group, seat: int) -> list[Indexed]:
    """The terms of one seat, in start order."""
    found = [Indexed(i, t) for i, t in enumerate(group.terms) if t.seat == seat]
    return sorted(found, key=lambda x: (x.term.start, x.index))


def covers(term: Term, day: date) -> bool:
    """True when `term` (its agreed extension included) holds its seat on `day`."""
    return term.start <= day <= term.effective_end


def holders_on(group: Group, day: date) -> list[Term]:
    """The terms in office on `day`, by seat (then member)."""
    return sorted((t for t in group.terms if covers(t, day)), key=lambda t: (t.seat, t.member))


def contiguous(prev: Term, cur: Term) -> bool:
    """True when `cur` starts the day after `prev` ends (or earlier)."""
    return cur.start <= prev.effective_end + DAY


def run_start(terms: Sequence[Indexed], pos: int) -> date:
    """The start of the unbroken run of service by the same member that ends with terms[pos]."""
    first = pos
    while first > 0:
        prev, cur = terms[first - 1].term, terms[first].term
        if prev.member != cur.member or not contiguous(prev, cur):
            break
        first -= 1
    return terms[first].term.start


def coverage_end(terms: Sequence[Term], day: date) -> date | None:
    """The last day of unbroken service that holds the seat on `day` (or starts after it)."""
    ordered = sorted(terms, key=lambda t: t.start)
    live = [t for t in ordered if t.effective_end >= day]
    if not live:
        return None
    end = live[0].effective_end
    for term in live[1:]:
        if term.start > end + DAY:
            break
        end = max(end, term.effective_end)
    return end


def served_until(group: Group, member: str, before: date) -> date | None:
    """The last day `member` held any seat, counting only service that began before `before`."""
    ends = [t.effective_end for t in group.terms if t.member == member and t.start < before]
    return max(ends) if ends else None


def continuous_service_start(group: Group, member: str, until: date) -> date | None:
    """When `member`'s unbroken service (any seat) that reaches `until` began, or None."""
    terms = sorted((t for t in group.terms if t.member == member), key=lambda t: t.start)
    start: date | None = None
    end: date | None = None
    for term in terms:
        if start is None or end is None or term.start > end + DAY:
            start, end = term.start, term.effective_end
        else:
            end = max(end, term.effective_end)
        if end >= until and start <= until:
            return start
    return None


def inaugural_start(group: Group) -> date | None:
    """The day the group's first co-chairs took office."""
    return min((t.start for t in group.terms), default=None)
