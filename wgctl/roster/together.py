"""Several seats falling vacant at once: the first-term bootstrap or a lost stagger."""

from __future__ import annotations

from datetime import date

from wgctl.governance.clauses import cite
from wgctl.governance.membership import eligible_by_membership
from wgctl.governance.nominations import nomination_for
from wgctl.governance.terms import (
    DAY,
    Indexed,
    change_year,
    continuous_service_start,
    term_end_for,
    within_years,
)
from wgctl.models import Group, Policy
from wgctl.records import Records
from wgctl.roster.types import Open, Proposal, Rotation


def resolve_together(
    records: Records, group: Group, policy: Policy, rot: Rotation, openings: list[Open]
) -> None:
    """Several seats open at once: explain the conflict and the way out the rules suggest."""
    named = [f"seat {s} ({records.label(o.term.member)})" for s, o, _ in openings if o]
    names = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else "".join(named)
    ends = sorted({c for _, _, c in openings if c is not None})
    when = f" on {ends[0]}" if len(ends) == 1 else ""
    both = "both" if len(named) == 2 else "all"
    last = max(s for s, _, _ in openings)
    short = (
        f"fill every seat now and appoint seat {last}'s co-chair for a shorter term (one year), "
        "so that from then on one seat rotates each year; two seats changing hands in one year "
        "also needs the members' recorded agreement"
    )
    if all(c is None or c < rot.sitting.date for _, _, c in openings):
        rot.warnings.append(
            f"{names} {both} are vacant already: filled together, they would rotate together."
        )
        rot.advice.append(f"To restore the stagger: {short}.")
        return
    rot.warnings.append(_conflict(records, rot, openings, names, when))
    stagger = cite(policy, "stagger", "rotat") or "(one co-chair rotates annually)"
    bootstrap = cite(policy, "bootstrap")
    if bootstrap:
        rot.advice.append(f"The terms of reference settle this: {bootstrap}. So: {short}.")
        return
    picks = _continuing_seats(records, group, policy, openings)[: len(openings) - 1]
    if not picks:
        rot.advice.append(f"No current co-chair can continue; {short} (stagger: {stagger}).")
        return
    # With N seats changing together, N - 1 co-chairs continue, each for the fewest more
    # years that end in a year no other seat changes, so from then on one seat changes a year.
    taken = {change_year(h.until) for h in rot.continuing}
    for pick in picks:
        years = next(
            y for y in range(1, 12) if change_year(term_end_for(pick[2] + DAY, y)) not in taken
        )
        taken.add(change_year(term_end_for(pick[2] + DAY, years)))
        _propose_extension(records, group, policy, rot, pick, years=years, stagger=stagger)
    rot.advice.append(f"Without an agreed extension: {short}.")


def _conflict(records: Records, rot: Rotation, openings: list[Open], names: str, when: str) -> str:
    """Why several seats open at once: some already vacant, the first term, or a lost stagger."""
    both = "both" if len(openings) == 2 else "all"
    vacant = [f"seat {s}" for s, _, c in openings if c is None or c < rot.sitting.date]
    ending = [
        f"seat {s} ({records.label(o.term.member)})"
        for s, o, c in openings
        if o and c is not None and c >= rot.sitting.date
    ]
    if vacant:
        return (
            f"{' and '.join(vacant)} {'is' if len(vacant) == 1 else 'are'} vacant already and "
            f"{' and '.join(ending)} falls vacant at this SOM: filled together, they would "
            "rotate together."
        )
    if rot.bootstrap:
        return (
            f"The first term ends: {names} {both} end{when}. The co-chairs began together, so "
            "the annual stagger has to be created now."
        )
    return f"{names} {both} fall vacant at this SOM: the stagger has been lost."


def _continuing_seats(
    records: Records, group: Group, policy: Policy, openings: list[Open]
) -> list[tuple[int, Indexed, date, str]]:
    """The seats whose co-chairs could continue, in order: nominated again first, then by seat."""
    able = []
    for seat, out, cov in openings:
        if out is None or cov is None or out.term.extension is not None:
            continue
        if eligible_by_membership(records, policy, out.term.member) is not None:
            continue
        nomination, withdrawn = nomination_for(group, out.term.member, (cov + DAY).year)
        if withdrawn and nomination is None:
            continue
        why = (
            f"{records.label(out.term.member)} is nominated again for {(cov + DAY).year}"
            if nomination
            else f"no current co-chair is nominated again, so by convention the lowest-numbered "
            f"seat continues, if {records.label(out.term.member)} is willing: the positions are "
            "voluntary (the members may agree otherwise)"
        )
        able.append((0 if nomination else 1, seat, out, cov, why))
    return [(seat, out, cov, why) for _, seat, out, cov, why in sorted(able, key=lambda a: a[:2])]


def _propose_extension(
    records: Records,
    group: Group,
    policy: Policy,
    rot: Rotation,
    pick: tuple[int, Indexed, date, str],
    *,
    years: int,
    stagger: str,
) -> None:
    seat, out, cov, why = pick
    member = out.term.member
    until = term_end_for(cov + DAY, years)
    since = continuous_service_start(group, member, cov) or out.term.start
    agreed = not within_years(since, until, policy.max_term_years)
    maximum = cite(policy, "max") or f"(a maximum term of {policy.max_term_years} year(s))"
    rot.extensions.append(
        Proposal(seat, member, cov + DAY, until, rot.sitting.id, out.index, agreed)
    )
    by = " by agreement of the members" if agreed else ""
    limit = (
        f"the maximum-term rule {maximum} allows a longer term only when it is agreed"
        if agreed
        else f"this stays within the maximum-term rule {maximum}"
    )
    rot.advice.append(
        f"The rules suggest extending seat {seat} ({records.label(member)}) by {years} "
        f"year(s), to "
        f"{until}{by}: the stagger rule {stagger} needs one co-chair to continue, and {limit}. "
        f"Seat {seat} is chosen because {why}."
    )
