"""The next rotation: which seats fall vacant at the next SOM, why, and whom the rules point to.

How a vacancy is filled (all from the group's policy):
- A seat falls vacant at a SOM when its unbroken run of recorded terms ends before the SOM
  after it; the new term starts the day after (or on 1 January after the SOM if already vacant).
- Term length: the maximum term, or with a staggered policy the longest term up to
  min(seats, maximum) whose end does not fall in a year when another seat changes hands.
- Only members nominated for the year the new term starts are eligible (the positions are
  voluntary); they are ranked by `policy.rotation_order` (default: nominees first, longest
  since last serving, earliest nomination, id), the first is recommended and the rule that
  put it ahead of the second is named. With no eligible nominee, nobody is recommended and
  the options the ToR leave are listed (see `voluntary.py`).
- As of a date, only decisions taken before it count (see `known_on`), so an earlier
  `--as-of` answers as the records stood then.
- When several seats fall vacant together (the end of the first term, or a lost stagger), the
  rules suggest extending one current co-chair by one year by agreement: the one nominated
  again, else the lowest seat. If the policy has a clause keyed `bootstrap`, that clause
  decides instead: every seat is filled and the last one gets the shorter term.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from wgctl.errors import UserError
from wgctl.governance.terms import (
    DAY,
    Indexed,
    change_year,
    continuous_service_start,
    coverage_end,
    covers,
    inaugural_start,
    seat_terms,
    term_end_for,
    within_years,
)
from wgctl.models import Group, Meeting, Policy, Term
from wgctl.records import Records
from wgctl.roster.candidates import Opening, decisive, ranked
from wgctl.roster.next_som import Sitting, decision_meetings, following_sitting, next_sitting
from wgctl.roster.together import resolve_together
from wgctl.roster.types import Holding, Open, Rotation, Vacancy
from wgctl.roster.voluntary import options_without_nominee


def policy_of(group: Group) -> Policy:
    """The group's policy, or a one-line error saying it has no terms of reference."""
    if group.policy is None:
        raise UserError(f"group {group.id!r} has no policy (terms of reference) to rotate by")
    return group.policy


def next_rotation(
    records: Records,
    group: Group,
    as_of: date,
    *,
    withheld: Mapping[int, int] | None = None,
    projected: bool = False,
) -> Rotation:
    """Who the rules point to at the first SOM on or after `as_of`.

    `withheld`: how many nominations, by year, the audience's view leaves out; for a seat
    whose new term starts in such a year nobody is recommended from the rest. `projected`: the records already hold the previous SOM's
    (projected) decision, as in a plan, so that SOM is never the question again.
    """
    policy = policy_of(group)
    known = known_on(records, group, as_of)
    sitting = next_sitting(records, policy.decided_at, as_of)
    pending = None if projected else _pending_sitting(records, known, policy, as_of, sitting)
    sitting = pending or sitting
    following = following_sitting(records, policy.decided_at, sitting)
    rot = Rotation(group.id, group.label, as_of, sitting, following, withheld=dict(withheld or {}))
    rot.order = list(policy.rotation_order)
    rot.recorded = [
        Holding(t.seat, t.member, t.effective_end, records.label(t.member))
        for t in group.terms
        if sitting.id and t.decided_at == sitting.id
    ]
    _notes(rot, policy, pending)
    openings = _seat_states(records, known, policy, rot)
    openings = _together(records, known, policy, rot, openings)
    _fill(records, known, policy, rot, openings)
    return rot


def _notes(rot: Rotation, policy: Policy, pending: Sitting | None) -> None:
    """Warnings that frame the whole answer: an unrecorded decision, a partial view, a conflict."""
    if pending is not None:
        rot.warnings.append(
            f"{pending.name} has been held, but no decision of it is recorded: until it is, "
            "the incumbents hold office to the end of their terms; this is what that SOM had "
            "to decide."
        )
    if policy.staggered and policy.seats > policy.max_term_years:
        rot.warnings.append(
            f"The policy has {policy.seats} seats but a maximum term of "
            f"{policy.max_term_years} year(s): one change a year cannot be kept, so in some "
            "years two seats change hands (the stagger and the maximum term conflict)."
        )


def _together(
    records: Records, group: Group, policy: Policy, rot: Rotation, openings: list[Open]
) -> list[Open]:
    """Several seats opening at once: the extensions the rules suggest; the seats left open."""
    outgoing = [out for _, out, _ in openings if out is not None]
    if not (policy.staggered and policy.seats >= 2 and len(openings) >= 2 and outgoing):
        return openings
    first = inaugural_start(group)
    rot.bootstrap = all(out.term.start == first for out in outgoing)
    resolve_together(records, group, policy, rot, openings)
    extended = {ext.seat for ext in rot.extensions}
    rot.continuing += [
        Holding(ext.seat, ext.member or "", ext.end, records.label(ext.member or ""))
        for ext in rot.extensions
    ]
    return [o for o in openings if o[0] not in extended]


def _pending_sitting(
    records: Records, group: Group, policy: Policy, as_of: date, upcoming: Sitting
) -> Sitting | None:
    """The last SOM before `as_of` when it had a seat to fill and no decision of it is recorded.

    Why: between a SOM and the recording of its decision, the question is still that SOM's.
    """
    held = [m for m in decision_meetings(records, policy.decided_at) if m.start < as_of]
    decided = {t.decided_at for t in group.terms}
    decided |= {t.extension.decided_at for t in group.terms if t.extension}
    if not held or held[-1].id in decided:
        return None
    last = held[-1]
    for seat in range(1, policy.seats + 1):
        cov = coverage_end([x.term for x in seat_terms(group, seat)], last.start)
        if cov is not None and last.start <= cov < upcoming.date and cov >= as_of:
            return Sitting(last.id, last.start, last.title)
    return None


def known_on(records: Records, group: Group, day: date) -> Group:
    """The group as its records stood on `day`: terms and extensions decided before it.

    A term whose decision is not recorded counts once it has started.
    """
    terms = [
        _known_term(records, term, day)
        for term in group.terms
        if _decided_before(records, term.decided_at, term.start, day)
    ]
    if terms == group.terms:
        return group
    known = group.model_copy(update={"terms": terms})
    known._path = group.path
    return known


def _known_term(records: Records, term: Term, day: date) -> Term:
    """The term without an extension decided on or after `day`."""
    ext = term.extension
    if ext is None or _decided_before(records, ext.decided_at, term.end, day):
        return term
    return term.model_copy(update={"extension": None})


def _decided_before(records: Records, ref: str | None, starts: date, day: date) -> bool:
    meeting = records.get(Meeting, ref)
    return meeting.start < day if meeting is not None else starts <= day


def _seat_states(records: Records, group: Group, policy: Policy, rot: Rotation) -> list[Open]:
    """Record the seats that continue past the following SOM; return the ones that open."""
    openings: list[Open] = []
    for seat in range(1, policy.seats + 1):
        terms = seat_terms(group, seat)
        cov = coverage_end([x.term for x in terms], rot.sitting.date)
        if cov is not None and cov >= rot.following.date:
            live = [x for x in terms if covers(x.term, rot.following.date)]
            holder = live[0].term.member if live else terms[-1].term.member
            rot.continuing.append(Holding(seat, holder, cov, records.label(holder)))
            continue
        ending = [x for x in terms if cov is not None and x.term.effective_end == cov]
        out = ending[-1] if ending else (terms[-1] if terms else None)
        openings.append((seat, out, cov))
    return openings


def _start(cov: date | None, sitting: Sitting) -> date:
    if cov is not None and cov >= sitting.date:
        return cov + DAY
    return date(sitting.date.year + 1, 1, 1)


def _term_end(policy: Policy, start: date, others: set[int]) -> tuple[date, bool]:
    """The new term's end, and True when the stagger cannot be kept."""
    if not policy.staggered or policy.seats < 2:
        return term_end_for(start, policy.max_term_years), False
    span = min(policy.seats, policy.max_term_years)
    for years in range(span, 0, -1):
        end = term_end_for(start, years)
        if change_year(end) not in others:
            return end, False
    return term_end_for(start, span), True


def _fill(
    records: Records, group: Group, policy: Policy, rot: Rotation, openings: list[Open]
) -> None:
    changes = {h.seat: change_year(h.until) for h in rot.continuing}
    taken = {h.member: h.seat for h in rot.continuing}
    for seat, out, cov in openings:
        start = _start(cov, rot.sitting)
        end, clash = _term_end(policy, start, {y for s, y in changes.items() if s != seat})
        changes[seat] = change_year(end)
        if clash and policy.seats <= policy.max_term_years:
            rot.warnings.append(
                f"Seat {seat}: no term length keeps the seats rotating in different years."
            )
        others = {**_holders(group, seat, start, end), **taken}
        candidates = ranked(records, group, Opening(seat, start, end, others))
        reasons = _reasons(records, group, rot, seat, out, cov=cov, count=len(openings))
        vacancy = Vacancy(
            seat, out.term.member if out else None, cov, start, end, reasons, candidates
        )
        hidden = rot.withheld.get(start.year, 0)
        vacancy.withheld = hidden > 0
        if hidden:
            rot.warnings.append(
                f"Seat {seat}: {hidden} nomination(s) for {start.year} are withheld from this "
                "audience: no candidate is recommended, because the nominations shown are not "
                "the whole field."
            )
        _explain_pick(records, group, policy, rot, vacancy)
        rot.vacancies.append(vacancy)
        if vacancy.recommended is not None:
            taken[vacancy.recommended.member] = seat


def _holders(group: Group, seat: int, start: date, end: date) -> dict[str, int]:
    """Members holding another seat at some point of start..end."""
    return {
        t.member: t.seat
        for t in group.terms
        if t.seat != seat and t.start <= end and t.effective_end >= start
    }


def _explain_pick(
    records: Records, group: Group, policy: Policy, rot: Rotation, vacancy: Vacancy
) -> None:
    """The decisive reason for the pick, or the options when nobody eligible is nominated."""
    eligible = [c for c in vacancy.candidates if c.eligible]
    if len(eligible) >= 2:
        vacancy.decisive = decisive(eligible[0], eligible[1], rot.order)
    elif eligible:
        vacancy.decisive = f"{eligible[0].label} is the only eligible nominee"
    if eligible or vacancy.withheld:
        return  # with nominations withheld, "nobody is nominated" is not this view's to say
    vacancy.options = options_without_nominee(records, group, policy, rot.sitting, vacancy)
    rot.warnings.append(
        f"Seat {vacancy.seat}: no eligible member is nominated for {vacancy.start.year}; the "
        "positions are voluntary, so nobody is recommended (see the options)."
    )


def _reasons(
    records: Records,
    group: Group,
    rot: Rotation,
    seat: int,
    out: Indexed | None,
    *,
    cov: date | None,
    count: int,
) -> list[str]:
    """Why the seat falls vacant at this SOM, in plain words."""
    policy = policy_of(group)
    if not group.terms:
        return [f"The group has no co-chairs yet: seat {seat} is filled for the first time."]
    if out is None:
        return [f"Seat {seat} has never been filled."]
    who = records.label(out.term.member)
    if cov is None or cov < rot.sitting.date:
        return [f"Seat {seat} has been vacant since {out.term.effective_end + DAY}."]
    reasons = [f"{who}'s term ends on {cov}, before {rot.following.name}."]
    since = continuous_service_start(group, out.term.member, cov) or out.term.start
    if not within_years(since, term_end_for(cov + DAY, 1), policy.max_term_years):
        reasons.append(
            f"Maximum term: {who} has served since {since}; another year would exceed "
            f"{policy.max_term_years} year(s) unless the members agree."
        )
    if policy.staggered and policy.seats >= 2 and count == 1:
        reasons.append(f"Annual stagger: seat {seat} is the seat that rotates at this SOM.")
    if rot.bootstrap:
        reasons.append("First term: all seats began together, so they also end together.")
    return reasons
