"""WG201-WG209: co-chair terms follow the group's terms of reference (its `policy`).

The one implementation of the chairing clauses: `validate` reports it (checks/cochairs.py),
`roster plan` checks its projection with it and `roster apply` refuses what it rejects. Every
rule reads the group's policy, never a constant; a group without a policy has no chairing
rules to check. Each clause of the ToR is guarded by an error; only a vacancy is a warning.

- WG201 seats: seat numbers lie in 1..policy.seats and two terms of one seat never overlap.
- WG202 vacancy (warning): from the first co-chair's start to the last recorded term end, every
  seat is held every day; each gap is reported once. A seat whose recorded terms end before the
  other seat's is vacant only once that day has passed: until then its successor is undecided.
- WG203 maximum term: an unbroken run of service by one member in one seat lasts at most
  `max_term_years`, measured to the real end of service (extensions included), unless a term
  of the run carries the members' recorded agreement ("unless otherwise agreed").
- WG204 stagger, WG205 eligibility, WG206 decision, WG208 agreement, WG209 nomination: see
  `stagger.py` and `appointment.py`.
- WG207 one seat: a member holds at most one seat at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from wgctl.errors import Loc, Problem
from wgctl.governance.agreements import term_agreed
from wgctl.governance.appointment import (
    check_agreements,
    check_decisions,
    check_eligibility,
    check_nominations,
)
from wgctl.governance.clauses import cite_or_say
from wgctl.governance.stagger import check_stagger
from wgctl.governance.terms import DAY, Indexed, run_start, seat_terms, within_years
from wgctl.models import Group, Policy
from wgctl.records import Records
from wgctl.rules import place, problem


def chairing_problems(records: Records, today: date) -> Iterator[Problem]:
    """Every co-chair rule, for every group that has terms of reference."""
    for group in records.groups:
        policy = group.policy
        if policy is None:
            continue  # no terms of reference: nothing to check against
        yield from _seats(group, policy)
        yield from _vacancy(group, today, policy)
        yield from _max_term(records, group, policy)
        yield from check_stagger(records, group, policy)
        yield from check_eligibility(records, group, policy)
        yield from check_decisions(records, group, policy)
        yield from _one_seat(group)
        yield from check_agreements(records, group)
        yield from check_nominations(records, group, policy, today)


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


def _max_term(records: Records, group: Group, policy: Policy) -> Iterator[Problem]:
    """WG203: measured to the real end of service; a recorded agreement allows more."""
    years = policy.max_term_years
    clause = cite_or_say(policy, "max")
    for seat in range(1, policy.seats + 1):
        terms = seat_terms(group, seat)
        for pos, item in enumerate(terms):
            start = run_start(terms, pos)
            term = item.term
            if within_years(start, term.effective_end, years):
                continue
            run = _run(terms, pos)
            if any(term_agreed(records, group, x.term) for x in run):
                continue
            span = "term" if start == term.start else f"unbroken service since {start}"
            loc: Loc = ("terms", item.index, "end")
            if term.extension is not None and within_years(start, term.end, years):
                loc = ("terms", item.index, "extension", "until")
            msg = (
                f"{term.member}'s {span} runs to {term.effective_end}, longer than the "
                f"{years}-year maximum, and no agreement of the members is recorded; the terms "
                f"of reference say {clause}: cite it (agreement: meeting, decision)"
            )
            yield problem(group, loc, "WG203", msg)


def _run(terms: list[Indexed], pos: int) -> list[Indexed]:
    """The unbroken run of service by one member in one seat that ends with terms[pos]."""
    start = run_start(terms, pos)
    member = terms[pos].term.member
    return [x for x in terms[: pos + 1] if x.term.member == member and x.term.start >= start]


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
