"""How co-chairs are appointed: by eligible nominated members, decided at the SOM, by agreement.

- WG205 eligibility: a term's member, and a nomination's, is allowed by `policy.membership`
  (an international organisation or a non-member can neither chair nor nominate), and a term
  does not go to a member that withdrew its nomination for that year.
- WG206 decision: every term names the SOM that decided it (`decided_at`), held before the
  term starts; an extension's decision is taken before the extended period begins.
- WG208 agreement: an `agreement` cited by a term or an extension is a recorded decision of
  the group's own meeting or the SOM, held before the period it allows.
- WG209 nomination (warning): a nomination that no SOM can consider (dated after its year, or
  a year that has passed with no SOM recorded in its window).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from wgctl.errors import Loc, Problem
from wgctl.governance.agreements import why_not_agreed
from wgctl.governance.membership import eligible_by_membership
from wgctl.governance.nominations import nomination_for, unconsidered
from wgctl.governance.terms import DAY
from wgctl.models import Agreement, Group, Meeting, Policy
from wgctl.records import Records
from wgctl.rules import problem


def check_eligibility(records: Records, group: Group, policy: Policy) -> Iterator[Problem]:
    """WG205, for terms and nominations."""
    parties = [("terms", i, t.member) for i, t in enumerate(group.terms)]
    parties += [("nominations", i, n.member) for i, n in enumerate(group.nominations)]
    for field, i, member in parties:
        if records.party(member) is None and policy.membership != "listed":
            continue  # an unknown reference is reported once, by the references rule
        reason = eligible_by_membership(records, policy, member)
        if reason is not None:
            verb = "may not co-chair" if field == "terms" else "may not nominate for co-chair"
            yield problem(group, (field, i, "member"), "WG205", f"{member} {verb}: {reason}")
    for i, term in enumerate(group.terms):
        nomination, withdrawn = nomination_for(group, term.member, term.start.year)
        if withdrawn and nomination is None:
            msg = (
                f"{term.member} withdrew its nomination for {term.start.year}; the positions "
                "are voluntary, so it cannot be appointed for that year"
            )
            yield problem(group, ("terms", i, "member"), "WG205", msg)


def check_decisions(records: Records, group: Group, policy: Policy) -> Iterator[Problem]:
    """WG206."""
    kind = policy.decided_at
    for i, term in enumerate(group.terms):
        if term.decided_at is None:
            msg = (
                f"{term.member}'s term from {term.start} names no decision: co-chairs are "
                f"decided at the {kind.upper()}; set decided_at"
            )
            yield problem(group, ("terms", i, "member"), "WG206", msg)
        checks: list[tuple[str | None, date, Loc, str]] = [
            (term.decided_at, term.start, ("terms", i, "decided_at"), "the term starts")
        ]
        if term.extension is not None:
            starts = term.end + DAY
            loc: Loc = ("terms", i, "extension", "decided_at")
            checks.append((term.extension.decided_at, starts, loc, "the extended period starts"))
        for ref, starts, at, what in checks:
            meeting = records.get(Meeting, ref)
            if meeting is None:
                continue  # missing or unknown: reported above or by the references rule
            if meeting.type != kind:
                msg = (
                    f"{ref} is a {meeting.type} meeting; co-chairs are decided at a {kind.upper()}"
                )
                yield problem(group, at, "WG206", msg)
            elif meeting.start >= starts:
                msg = f"{ref} ({meeting.start}) is not held before {what} ({starts})"
                yield problem(group, at, "WG206", msg)


def check_agreements(records: Records, group: Group) -> Iterator[Problem]:
    """WG208."""
    cited: list[tuple[Agreement | None, date, Loc]] = []
    for i, term in enumerate(group.terms):
        cited.append((term.agreement, term.start, ("terms", i, "agreement")))
        if term.extension is not None:
            loc: Loc = ("terms", i, "extension", "agreement")
            cited.append((term.extension.agreement, term.end + DAY, loc))
    for agreement, starts, loc in cited:
        if agreement is None or records.get(Meeting, agreement.meeting) is None:
            continue  # none cited, or an unknown meeting the references rule reports
        reason = why_not_agreed(records, group, agreement, starts)
        if reason is not None:
            yield problem(group, loc, "WG208", f"the agreement is not valid: {reason}")


def check_nominations(
    records: Records, group: Group, policy: Policy, today: date
) -> Iterator[Problem]:
    """WG209."""
    for i, nomination in enumerate(group.nominations):
        reason = unconsidered(records, policy.decided_at, nomination, today)
        if reason is not None:
            msg = f"{nomination.member}'s nomination for {nomination.year}: {reason}"
            yield problem(group, ("nominations", i, "year"), "WG209", msg)
