"""When no eligible member is nominated: the options the terms of reference leave.

The positions are voluntary, so nobody is recommended who did not nominate. The ToR leave two
ways out: invite nominations before the SOM decides ("each year or as needed"), or extend an
incumbent, which past the maximum term needs the members' recorded agreement.
"""

from __future__ import annotations

from collections import Counter

from wgctl.governance.clauses import cite_or_say
from wgctl.governance.membership import eligible_by_membership
from wgctl.governance.nominations import nomination_for
from wgctl.governance.terms import DAY, continuous_service_start, term_end_for, within_years
from wgctl.models import Group, Policy
from wgctl.records import Records
from wgctl.roster.next_som import Sitting
from wgctl.roster.types import Vacancy


def options_without_nominee(
    records: Records, group: Group, policy: Policy, sitting: Sitting, vacancy: Vacancy
) -> list[str]:
    """What the members can do when nobody eligible stands for the vacancy, in plain words."""
    year = vacancy.start.year
    when = f"by {sitting.date}" if not sitting.estimated else f"before {sitting.name}"
    options = [
        f"Call for nominations for {year}: a nomination must be recorded {when}, when the SOM "
        f"decides seat {vacancy.seat} ({cite_or_say(policy, 'nominat') or 'nominations are invited each year'})."
    ]
    extension = _extension_option(records, group, policy, vacancy)
    if extension:
        options.append(extension)
    return options


def withheld_by_year(full: Group, seen: Group) -> dict[int, int]:
    """How many of the group's nominations a narrower view leaves out, by nomination year."""
    missing = Counter(n.year for n in full.nominations)
    missing.subtract(Counter(n.year for n in seen.nominations))
    return {year: count for year, count in sorted(missing.items()) if count > 0}


def _extension_option(records: Records, group: Group, policy: Policy, vacancy: Vacancy) -> str:
    """Extending the outgoing co-chair by a year, and the agreement that needs, if it may."""
    member = vacancy.outgoing
    if member is None or vacancy.until is None or vacancy.until < vacancy.start - DAY:
        return ""
    if eligible_by_membership(records, policy, member) is not None:
        return ""
    nomination, withdrawn = nomination_for(group, member, vacancy.start.year)
    if withdrawn and nomination is None:
        return ""
    until = term_end_for(vacancy.start, 1)
    since = continuous_service_start(group, member, vacancy.until) or vacancy.start
    label = records.label(member)
    if within_years(since, until, policy.max_term_years):
        need = "it stays within the maximum term; the SOM decides it"
    else:
        need = (
            f"in office since {since}, that runs past the {policy.max_term_years}-year maximum, "
            "so it needs the Working Group members' agreement, recorded as a decision of their "
            f"meeting or of the SOM ({cite_or_say(policy, 'max')})"
        )
    return f"Extend {label} in seat {vacancy.seat} to {until}: {need}."
