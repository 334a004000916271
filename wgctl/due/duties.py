"""A group's duties under its terms of reference: the SOM, nominations, reports, meetings.

Everything comes from the group's `policy` (who decides, reporting duties, meetings per year)
and the records; nothing is specific to one group. Past years are judged as the validation
rules judge them (WG301-WG303), so an overdue duty here is a warning there and nothing more.
"""

from __future__ import annotations

from datetime import date

from wgctl.checks.annual_reporting import chaired_years
from wgctl.checks.meetings_per_year import COUNTED, first_year
from wgctl.confidentiality.audience import View
from wgctl.due.model import Obligation, clause, co_chairs, state_of
from wgctl.models import Document, Group, Policy
from wgctl.roster.decide import next_rotation
from wgctl.roster.next_som import Sitting, next_sitting


def group_duties(view: View, group: Group, policy: Policy, as_of: date) -> list[Obligation]:
    """Every duty of one group with a policy, as of `as_of`."""
    sitting = next_sitting(view.records, policy.decided_at, as_of)
    # The years WG302/WG303 judge (a co-chair in office), this one included while it runs.
    years = chaired_years(group, as_of.year)
    out = [som(view, group, sitting, as_of)]
    out += nominations(view, group, as_of)
    if policy.reporting.written_report_to:
        out += [written_report(view, group, policy, year, as_of) for year in years]
    if policy.reporting.oral_update_at:
        out += [oral_update(view, group, sitting, year, as_of) for year in years]
    out += meetings(view, group, policy, as_of)
    return out


def som(view: View, group: Group, sitting: Sitting, as_of: date) -> Obligation:
    """The next SOM, where the co-chairs are decided: recorded, or estimated and labelled so."""
    owed_by, ids = co_chairs(view, group, sitting.date)
    unknown = sitting.estimated and not sitting.basis.startswith("annual")
    if sitting.estimated:
        what = f"{group.label}: next AHG SOM, {sitting.name} ({sitting.basis})"
    else:
        what = f"{group.label}: next AHG SOM, {sitting.title} ({sitting.id})"
    return Obligation(
        id=f"{group.id}-som-{sitting.date.year}",
        kind="som",
        group=group.id,
        date=sitting.date,
        what=what + "; co-chairs are decided there",
        owed_by=owed_by,
        **clause(group, "decided-at", "policy.decided_at"),
        # With no SOM on record its date is unknown (as_of stands in): nothing to count down to.
        state="upcoming" if unknown else state_of(sitting.date, as_of, done=False),
        estimated=sitting.estimated,
        path=group.path,
        owner_ids=ids,
    )


def nominations(view: View, group: Group, as_of: date) -> list[Obligation]:
    """Nominations the next SOM needs for the seats that fall vacant there (`roster next`)."""
    rot = next_rotation(view.records, group, as_of)
    if not rot.vacancies:
        return []
    year = min(v.start.year for v in rot.vacancies)
    seats = ", ".join(str(v.seat) for v in rot.vacancies)
    live = [
        n
        for n in group.nominations
        if n.year == year and not n.withdrawn and (n.date is None or n.date <= as_of)
    ]
    members = view.label(group.parent) + " members" if group.parent else "members"
    plural = "s" if len(rot.vacancies) > 1 else ""
    return [
        Obligation(
            id=f"{group.id}-nominations-{year}",
            kind="nominations",
            group=group.id,
            date=rot.sitting.date,
            what=f"Nominations for {group.label} co-chair seat{plural} {seats} from {year}, "
            f"before {rot.sitting.name}",
            owed_by=members,
            **clause(group, "nominations", "policy.seats, policy.staggered"),
            state=state_of(rot.sitting.date, as_of, done=len(live) >= len(rot.vacancies)),
            estimated=rot.sitting.estimated,
            done_by=group.id if len(live) >= len(rot.vacancies) else None,
            path=group.path,
        )
    ]


def written_report(view: View, group: Group, policy: Policy, year: int, as_of: date) -> Obligation:
    """The co-chairs' written report for `year`, due by its end (WG302 when missing)."""
    report = next(
        (
            d
            for d in view.records.documents
            if d.type == "written-report"
            and d.group == group.id
            and d.date
            and d.date.year == year
            and d.date <= as_of
        ),
        None,
    )
    day = date(year, 12, 31)
    owed_by, ids = co_chairs(view, group, day)
    body = view.label(policy.reporting.written_report_to)
    return Obligation(
        id=f"{group.id}-written-report-{year}",
        kind="written-report",
        group=group.id,
        date=day,
        what=f"{group.label}: written report {year} to the {body}",
        owed_by=owed_by,
        **clause(group, "reporting", "policy.reporting.written_report_to"),
        state=state_of(day, as_of, done=report is not None),
        done_by=report.id if isinstance(report, Document) else None,
        rule="WG302",
        path=group.path,
        owner_ids=ids,
    )


def oral_update(view: View, group: Group, sitting: Sitting, year: int, as_of: date) -> Obligation:
    """The oral update at the year's SOM (WG303 when no SOM that year lists the group)."""
    soms = [m for m in view.records.meetings if m.type == "som" and m.start.year == year]
    given = next((m for m in soms if group.id in m.oral_updates and m.start <= as_of), None)
    estimated = False
    if given is not None:
        day = given.start
    elif soms:
        day = soms[-1].start
    elif sitting.date.year == year:
        day, estimated = sitting.date, sitting.estimated
    else:
        day, estimated = date(year, 12, 31), True
    owed_by, ids = co_chairs(view, group, day)
    return Obligation(
        id=f"{group.id}-oral-update-{year}",
        kind="oral-update",
        group=group.id,
        date=day,
        what=f"{group.label}: oral update {year} to the AHG SOM",
        owed_by=owed_by,
        **clause(group, "reporting", "policy.reporting.oral_update_at"),
        state=state_of(day, as_of, done=given is not None),
        estimated=estimated,
        done_by=given.id if given else None,
        rule="WG303",
        path=group.path,
        owner_ids=ids,
    )


def meetings(view: View, group: Group, policy: Policy, as_of: date) -> list[Obligation]:
    """Meet at least `meetings_per_year.min` times each year (WG301 for a shortfall)."""
    wanted = policy.meetings_per_year
    held = [
        m
        for m in view.records.meetings
        if m.group == group.id and m.type in COUNTED and m.start <= as_of
    ]
    first = first_year(view.records, group, held)
    if wanted is None or wanted.min == 0 or first is None:
        return []
    out = []
    for year in range(first + 1, as_of.year + 1):
        that_year = [m for m in held if m.start.year == year]
        day = date(year, 12, 31)
        owed_by, ids = co_chairs(view, group, day)
        done = len(that_year) >= wanted.min
        out.append(
            Obligation(
                id=f"{group.id}-meetings-{year}",
                kind="meetings",
                group=group.id,
                date=day,
                what=f"{group.label}: meet {wanted.min}-{wanted.max} times in {year} "
                f"(held{' so far' if year == as_of.year else ''}: {len(that_year)})",
                owed_by=owed_by,
                **clause(group, "meetings", "policy.meetings_per_year"),
                state=state_of(day, as_of, done=done),
                done_by=that_year[-1].id if done else None,
                rule="WG301",
                path=group.path,
                owner_ids=ids,
            )
        )
    return out
