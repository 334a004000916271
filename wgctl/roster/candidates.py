"""Who may take a vacant seat, why others may not, and the ranking set by the policy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from wgctl.governance.membership import eligible_by_membership
from wgctl.governance.terms import (
    DAY,
    continuous_service_start,
    served_until,
    within_years,
)
from wgctl.models import Group, Nomination, Organisation, Policy
from wgctl.records import Records


@dataclass(frozen=True)
class Candidate:
    """One possible co-chair for one seat, with every reason for or against."""

    member: str
    label: str
    eligible: bool
    nominated: bool
    reasons: tuple[str, ...]
    nomination_date: date | None = None
    last_served: date | None = None


@dataclass(frozen=True)
class Opening:
    """What a seat offers: the term's dates, and who already holds a seat then."""

    seat: int
    start: date
    end: date
    taken: dict[str, int]


def pool(records: Records, group: Group) -> list[str]:
    """Everyone worth listing: AHG members, listed members, nominees and past co-chairs."""
    assert group.policy is not None  # noqa: S101 - callers check for a policy first
    ids = {o.id for o in records.of(Organisation) if o.ahg_member}
    ids.update(group.policy.members)
    ids.update(n.member for n in group.nominations)
    ids.update(t.member for t in group.terms)
    return sorted(ids)


def nomination_for(group: Group, member: str, year: int) -> tuple[Nomination | None, bool]:
    """The member's standing nomination for `year` (earliest), and whether one was withdrawn."""
    mine = [n for n in group.nominations if n.member == member and n.year == year]
    live = sorted((n for n in mine if not n.withdrawn), key=lambda n: n.date or date.max)
    return (live[0] if live else None), any(n.withdrawn for n in mine)


def assess(records: Records, group: Group, opening: Opening, member: str) -> Candidate:
    """One member's eligibility for the opening, with the reasons in plain words."""
    policy = group.policy
    assert policy is not None  # noqa: S101 - callers check for a policy first
    label = records.label(member)
    year = opening.start.year
    nomination, withdrawn = nomination_for(group, member, year)
    last = served_until(group, member, opening.start)
    against = _exclusions(records, group, policy, opening, member)
    if nomination is None and withdrawn:
        against.append(f"withdrew its nomination for {year}")
    if nomination is not None:
        when = f" on {nomination.date}" if nomination.date else ""
        nominated = f"nominated{when} for {year}"
    else:
        nominated = f"not nominated for {year}"
    served = f"last served until {last}" if last else "has not served as co-chair"
    if against:
        return Candidate(member, label, False, nomination is not None, tuple(against), None, last)
    reasons = (_member_words(policy), nominated, served)
    date_ = nomination.date if nomination else None
    return Candidate(member, label, True, nomination is not None, reasons, date_, last)


def _member_words(policy: Policy) -> str:
    return {
        "ahg-member-states": "an AHG member state",
        "ahg-members": "an AHG member",
        "listed": "a listed member",
    }[policy.membership]


def _exclusions(
    records: Records, group: Group, policy: Policy, opening: Opening, member: str
) -> list[str]:
    against = []
    reason = eligible_by_membership(records, policy, member)
    if reason:
        against.append(reason)
    if member in opening.taken:
        against.append(f"holds seat {opening.taken[member]} then (one seat per member)")
    since = continuous_service_start(group, member, opening.start - DAY)
    if since is not None and not within_years(since, opening.end, policy.max_term_years):
        against.append(
            f"served too recently: in office since {since}, a term to {opening.end} would "
            f"exceed the {policy.max_term_years}-year maximum"
        )
    return against


def ranked(records: Records, group: Group, opening: Opening) -> list[Candidate]:
    """Every candidate: the eligible ones in the policy's rotation order, then the excluded."""
    assert group.policy is not None  # noqa: S101 - callers check for a policy first
    everyone = [assess(records, group, opening, m) for m in pool(records, group)]
    order = group.policy.rotation_order
    eligible = sorted((c for c in everyone if c.eligible), key=lambda c: rank_key(c, order))
    excluded = sorted((c for c in everyone if not c.eligible), key=lambda c: c.member)
    return eligible + excluded


def rank_key(candidate: Candidate, order: Sequence[str]) -> tuple[object, ...]:
    """The sort key of the policy's `rotation_order`, with the id as the final tie-break."""
    parts: list[object] = []
    for key in order:
        if key == "nominees-first":
            parts.append(0 if candidate.nominated else 1)
        elif key == "longest-since-served":
            parts.append(candidate.last_served or date.min)
        elif key == "earliest-nomination":
            parts.append(candidate.nomination_date or date.max)
        else:
            parts.append(candidate.member)
    parts.append(candidate.member)
    return tuple(parts)
