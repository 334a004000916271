"""WG204: one co-chair rotates annually, so two seats never take new co-chairs in one year.

The inaugural co-chairs start together (the ToR's first term); from then on a second seat
changing hands in the same year needs the members' recorded agreement, including at the end
of the first term. An extension that makes two seats end on the same day is flagged too: both
would then change hands together.
"""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.errors import Problem
from wgctl.governance.agreements import term_agreed
from wgctl.governance.clauses import cite_or_say
from wgctl.governance.terms import Indexed, contiguous, inaugural_start, seat_terms
from wgctl.models import Group, Policy, Term
from wgctl.records import Records
from wgctl.rules import problem


def new_cochairs_by_year(group: Group, policy: Policy) -> dict[int, list[Indexed]]:
    """Terms that bring a new co-chair into a seat, by the year they start.

    Not counted: the inaugural co-chairs, and a member continuing its own seat without a break.
    """
    first = inaugural_start(group)
    by_year: dict[int, list[Indexed]] = {}
    for seat in range(1, policy.seats + 1):
        terms = seat_terms(group, seat)
        for pos, cur in enumerate(terms):
            prev = terms[pos - 1].term if pos else None
            if prev is None and cur.term.start == first:
                continue
            if prev is not None and prev.member == cur.term.member and contiguous(prev, cur.term):
                continue
            by_year.setdefault(cur.term.start.year, []).append(cur)
    return by_year


def check_stagger(records: Records, group: Group, policy: Policy) -> Iterator[Problem]:
    """WG204, for a staggered policy with two seats or more."""
    if not policy.staggered or policy.seats < 2:
        return
    clause = cite_or_say(policy, "stagger", "rotat")
    for year, starts in sorted(new_cochairs_by_year(group, policy).items()):
        seats = {x.term.seat for x in starts}
        if len(seats) < 2 or any(term_agreed(records, group, x.term) for x in starts):
            continue
        ordered = sorted(starts, key=lambda x: (x.term.start, x.term.seat, x.index))
        named = " and ".join(str(s) for s in sorted(seats))
        for later in ordered[1:]:
            msg = (
                f"seats {named} both take a new co-chair in {year} with no recorded agreement "
                f"of the members; the terms of reference say {clause}: extend one co-chair, "
                "or record the agreement (agreement: meeting, decision)"
            )
            yield problem(group, ("terms", later.index, "start"), "WG204", msg)
    yield from _same_day_ends(group)


def _same_day_ends(group: Group) -> Iterator[Problem]:
    """An extension that makes its seat end on the day another seat's service ends."""
    for i, term in enumerate(group.terms):
        if term.extension is None:
            continue
        for other in group.terms:
            same = other.seat != term.seat and other.effective_end == term.effective_end
            if same and not _continued(group, other):
                msg = (
                    f"the extension makes seats {term.seat} and {other.seat} both end on "
                    f"{term.effective_end}: both would change hands together"
                )
                yield problem(group, ("terms", i, "extension", "until"), "WG204", msg)
                break


def _continued(group: Group, term: Term) -> bool:
    """True when the same member carries on in the same seat right after `term`."""
    return any(
        t.seat == term.seat and t.member == term.member and t.start > term.start
        for t in group.terms
        if contiguous(term, t)
    )
