"""WG201-WG207: co-chair terms follow the group's terms of reference (its `policy`).

Every rule reads the group's policy (seats, maximum term, stagger, membership), never a
constant; a group without a policy has no chairing rules to check.

- WG201 seats: seat numbers lie in 1..policy.seats and two terms of one seat never overlap.
- WG202 vacancy (warning): from the first co-chair's start to the last recorded term end, every
  seat is held every day; each gap is reported once. A seat whose recorded terms end before the
  other seat's is vacant only once that day has passed: until then its successor is undecided.
- WG203 maximum term: a term, or an unbroken run of terms of one member in one seat, lasts at
  most `max_term_years` (measured to `end`); an agreed `extension` with its decision may run
  past that, as the terms of reference allow "unless otherwise agreed".
- WG204 stagger (warning, staggered policies with two seats or more): two seats do not both
  change hands in the same year. The changes that end the inaugural term are exempt: the first
  co-chairs usually start together (the bootstrap), and the stagger is created when they leave.
- WG205 eligibility: the member is allowed by `policy.membership`.
- WG206 decision: `decided_at` names a meeting of the policy's kind (a SOM) held before the term
  starts, and an extension's decision is taken before the extended period begins. A term with
  no `decided_at` is not checked here (the decision is unknown).
- WG207 one seat: a member holds at most one seat at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from wgctl.checks.base import CheckContext, place, problem
from wgctl.errors import Problem
from wgctl.models import Group, Meeting, Policy
from wgctl.records import Records
from wgctl.roster.terms import (
    DAY,
    Indexed,
    eligible_by_membership,
    inaugural_start,
    run_start,
    seat_terms,
    within_years,
)


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Every co-chair rule, for every group that has terms of reference."""
    for group in records.groups:
        if group.policy is None:
            continue  # no terms of reference: nothing to check against
        yield from _seats(group, group.policy)
        yield from _vacancy(group, context.today, group.policy)
        yield from _max_term(group, group.policy)
        yield from _stagger(group, group.policy)
        yield from _eligibility(records, group, group.policy)
        yield from _decided(records, group, group.policy)
        yield from _one_seat(group)


def _seats(group: Group, policy: Policy) -> Iterator[Problem]:
    """WG201."""
    seats = policy.seats
    for i, term in enumerate(group.terms):
        if term.seat > seats:
            msg = f"seat {term.seat} does not exist: the policy has {seats} seat(s)"
            yield problem(group, ("terms", i, "seat"), "WG201", msg)
    for seat in range(1, seats + 1):
        terms = seat_terms(group, seat)
        for prev, cur in pairwise(terms):
            if cur.term.start <= prev.term.effective_end:
                msg = (
                    f"seat {seat}: {cur.term.member}'s term from {cur.term.start} overlaps "
                    f"{prev.term.member}'s term to {prev.term.effective_end} (terms.{prev.index})"
                )
                other = place(group, ("terms", prev.index, "end"))
                yield problem(group, ("terms", cur.index, "start"), "WG201", msg, also=(other,))


def _vacancy(group: Group, today: date, policy: Policy) -> Iterator[Problem]:
    """WG202 (a seat whose last term has not ended yet is only undecided, not vacant)."""
    if not group.terms:
        return
    first = min(t.start for t in group.terms)
    last = max(t.effective_end for t in group.terms)
    for seat in range(1, policy.seats + 1):
        terms = seat_terms(group, seat)
        if not terms:
            msg = f"seat {seat} has never been filled although the group has had co-chairs since {first}"
            yield problem(group, ("policy", "seats"), "WG202", msg)
            continue
        if terms[0].term.start > first:
            msg = f"seat {seat} is vacant from {first} until {terms[0].term.start}"
            yield problem(group, ("terms", terms[0].index, "start"), "WG202", msg)
        reach = terms[0].term.effective_end
        for cur in terms[1:]:
            if cur.term.start > reach + DAY:
                msg = f"seat {seat} is vacant from {reach + DAY} until {cur.term.start}"
                yield problem(group, ("terms", cur.index, "start"), "WG202", msg)
            reach = max(reach, cur.term.effective_end)
        if reach < last and reach < today:
            at = max(terms, key=lambda x: x.term.effective_end)
            msg = f"seat {seat} is vacant after {reach}, while another seat is held until {last}"
            yield problem(group, ("terms", at.index, "end"), "WG202", msg)


def _max_term(group: Group, policy: Policy) -> Iterator[Problem]:
    """WG203."""
    years = policy.max_term_years
    for seat in range(1, policy.seats + 1):
        terms = seat_terms(group, seat)
        for pos, item in enumerate(terms):
            start = run_start(terms, pos)
            if within_years(start, item.term.end, years):
                continue
            span = "term" if start == item.term.start else f"unbroken service since {start}"
            msg = (
                f"{item.term.member}'s {span} runs to {item.term.end}, longer than the "
                f"{years}-year maximum; record the agreed extension instead"
            )
            yield problem(group, ("terms", item.index, "end"), "WG203", msg)


def _changes(group: Group, policy: Policy) -> dict[int, list[tuple[Indexed, Indexed]]]:
    """Changes of hands by year: (previous term, next term) per seat."""
    by_year: dict[int, list[tuple[Indexed, Indexed]]] = {}
    for seat in range(1, policy.seats + 1):
        terms = seat_terms(group, seat)
        for prev, cur in pairwise(terms):
            if prev.term.member != cur.term.member:
                by_year.setdefault(cur.term.start.year, []).append((prev, cur))
    return by_year


def _stagger(group: Group, policy: Policy) -> Iterator[Problem]:
    """WG204 (the changes that end the inaugural term are exempt: the bootstrap)."""
    if not policy.staggered or policy.seats < 2:
        return
    first = inaugural_start(group)
    for year, changes in sorted(_changes(group, policy).items()):
        if len(changes) < 2 or all(prev.term.start == first for prev, _ in changes):
            continue
        seats = " and ".join(
            str(cur.term.seat) for _, cur in sorted(changes, key=lambda c: c[1].term.seat)
        )
        last = max(changes, key=lambda c: (c[1].term.seat, c[1].index))[1]
        msg = f"seats {seats} all change hands in {year}: one co-chair should continue each year"
        yield problem(group, ("terms", last.index, "start"), "WG204", msg)


def _eligibility(records: Records, group: Group, policy: Policy) -> Iterator[Problem]:
    """WG205."""
    for i, term in enumerate(group.terms):
        if records.party(term.member) is None and policy.membership != "listed":
            continue  # an unknown reference is reported once, by the references rule
        reason = eligible_by_membership(records, policy, term.member)
        if reason is not None:
            msg = f"{term.member} may not co-chair: {reason}"
            yield problem(group, ("terms", i, "member"), "WG205", msg)


def _decided(records: Records, group: Group, policy: Policy) -> Iterator[Problem]:
    """WG206."""
    kind = policy.decided_at
    for i, term in enumerate(group.terms):
        checks: list[tuple[str | None, date, tuple[str | int, ...], str]] = [
            (term.decided_at, term.start, ("terms", i, "decided_at"), "the term starts")
        ]
        if term.extension is not None:
            checks.append(
                (
                    term.extension.decided_at,
                    term.end + DAY,
                    ("terms", i, "extension", "decided_at"),
                    "the extended period starts",
                )
            )
        for ref, starts, loc, what in checks:
            meeting = records.get(Meeting, ref)
            if meeting is None:
                continue  # missing or unknown: the references rule reports unknown ids
            if meeting.type != kind:
                msg = (
                    f"{ref} is a {meeting.type} meeting; co-chairs are decided at a {kind.upper()}"
                )
                yield problem(group, loc, "WG206", msg)
            elif meeting.start >= starts:
                msg = f"{ref} ({meeting.start}) is not held before {what} ({starts})"
                yield problem(group, loc, "WG206", msg)


def _one_seat(group: Group) -> Iterator[Problem]:
    """WG207."""
    ordered = sorted(enumerate(group.terms), key=lambda it: (it[1].start, it[0]))
    for pos, (j, cur) in enumerate(ordered):
        for i, prev in ordered[:pos]:
            same = prev.member == cur.member and prev.seat != cur.seat
            if same and cur.start <= prev.effective_end:
                msg = (
                    f"{cur.member} would hold seats {prev.seat} and {cur.seat} at once (terms.{i})"
                )
                other = place(group, ("terms", i, "member"))
                yield problem(group, ("terms", j, "member"), "WG207", msg, also=(other,))
                break
