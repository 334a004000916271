"""WG302/WG303: the annual written report and oral update are on record.

For a group whose `policy.reporting` names a body for the written report (WG302) or the SOM for
the oral update (WG303), every calendar year that has ended and in which the group had a co-chair
in office on at least one day needs a `written-report` document by the group dated that year, and
a SOM that year listing the group under `oral_updates`. One warning per group and year, at the
duty's field under `policy.reporting`.
"""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, every, problem
from wgctl.errors import Problem
from wgctl.models import Document, Group, Meeting
from wgctl.records import Records


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report each year without the written report or the oral update a group owes."""
    reports: set[tuple[str, int]] = {
        (doc.group, doc.date.year)
        for doc in every(records, Document)
        if doc.type == "written-report" and doc.group is not None and doc.date is not None
    }
    updates: set[tuple[str, int]] = {
        (group_id, som.start.year)
        for som in every(records, Meeting)
        if som.type == "som"
        for group_id in som.oral_updates
    }
    for group in every(records, Group):
        if group.policy is None:
            continue
        duty = group.policy.reporting
        for year in chaired_years(group, context.last_full_year):
            if duty.written_report_to and (group.id, year) not in reports:
                msg = f"no written report by {group.id} to {duty.written_report_to} dated {year}"
                yield problem(group, ("policy", "reporting", "written_report_to"), "WG302", msg)
            if duty.oral_update_at and (group.id, year) not in updates:
                msg = f"no SOM in {year} lists {group.id} under oral_updates"
                yield problem(group, ("policy", "reporting", "oral_update_at"), "WG303", msg)


def chaired_years(group: Group, last_year: int) -> list[int]:
    """Ended years in which at least one co-chair was in office."""
    years: set[int] = set()
    for term in group.terms:
        years.update(range(term.start.year, min(term.effective_end.year, last_year) + 1))
    return sorted(years)
