"""Who may take a vacant seat, why others may not, and the ranking set by the policy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from wgctl.governance.membership import eligible_by_membership
from wgctl.governance.nominations import nomination_for, not_nominated
from wgctl.governance.terms import (
    DAY,
    continuous_service_start,
    served_until,
    within_years,
)
from wgctl.models import Group, Organisation, Policy
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


def assess(records: Records, group: Group, opening: Opening, member: str) -> Candidate:
    """One member's eligibility for the opening, with the reasons in plain words."""
    policy = group.policy
    assert policy is not None  # noqa: S101 - callers check for a policy first
    label = records.label(member)
    year = opening.start.year
    nomination, _ = nomination_for(group, member, year)
    last = served_until(group, member, opening.start)
    against = _exclusions(records, group, policy, opening, member)
    voluntary = not_nominated(group, member, year)
    if voluntary:
        against.append(voluntary)
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


KEY_WORDS = {
    "nominees-first": "nominees first",
    "longest-since-served": "longest since last serving",
    "earliest-nomination": "earliest nomination",
    "id": "alphabetical id (the last tie-break)",
}


def decisive(first: Candidate, second: Candidate, order: Sequence[str]) -> str:
    """Which rotation rule put `first` ahead of `second`, with both sides' values."""
    for key in [*order, "id"]:
        a, b = rank_key(first, [key])[0], rank_key(second, [key])[0]
        if a != b:
            return f"{KEY_WORDS.get(key, key)}: {_value(first, key)}, {_value(second, key)}"
    return f"alphabetical id: {first.member} before {second.member}"


def _value(candidate: Candidate, key: str) -> str:
    """One candidate's value under one rotation rule, in words."""
    if key == "nominees-first":
        return f"{candidate.label} {'is' if candidate.nominated else 'is not'} nominated"
    if key == "longest-since-served":
        last = candidate.last_served
        return f"{candidate.label} {'last served ' + str(last.year) if last else 'never served'}"
    if key == "earliest-nomination":
        when = candidate.nomination_date
        return f"{candidate.label} nominated {'on ' + str(when) if when else 'without a date'}"
    return f"{candidate.label} ({candidate.member})"
