"""Project the rotation for several SOMs ahead, then check the projected roster with WG2xx."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wgctl.errors import Problem
from wgctl.governance.chairing import chairing_problems
from wgctl.governance.terms import DAY
from wgctl.models import Extension, Group, Meeting, Source, Term
from wgctl.records import Records
from wgctl.roster.decide import next_rotation
from wgctl.roster.types import Rotation


@dataclass
class Plan:
    """The projected decisions, SOM by SOM, and any rule the projection had to break."""

    group: str
    label: str
    as_of: date
    steps: list[Rotation]
    problems: list[Problem]
    projected: Group
    records: Records


def plan_rotation(records: Records, group: Group, as_of: date, years: int) -> Plan:
    """The rotation over the next `years` SOMs, taking the recommended decision each time."""
    start = as_of
    steps = []
    for _ in range(years):
        rot = next_rotation(records, group, as_of)
        steps.append(rot)
        records, group = project(records, group, rot)
        as_of = rot.sitting.date + DAY
    today = max(as_of, start)
    problems = [p for p in chairing_problems(records, today) if p.path == group.path]
    return Plan(group.id, group.label, start, steps, problems, group, records)


def expected_id(day: date) -> str:
    """The id a projected (not recorded) SOM gets in a plan."""
    return f"expected-som-{day.isoformat()}"


def project(records: Records, group: Group, rot: Rotation) -> tuple[Records, Group]:
    """The records as they would be after the SOM takes the recommended decisions."""
    decided_at = rot.sitting.id or expected_id(rot.sitting.date)
    terms = list(group.terms)
    for proposal in rot.proposals():
        if proposal.extension_of is not None:
            old = terms[proposal.extension_of]
            ext = Extension(until=proposal.end, decided_at=decided_at)
            terms[proposal.extension_of] = old.model_copy(update={"extension": ext})
        elif proposal.member is not None:
            terms.append(
                Term(
                    seat=proposal.seat,
                    member=proposal.member,
                    start=proposal.start,
                    end=proposal.end,
                    decided_at=decided_at,
                )
            )
    projected = group.model_copy(update={"terms": terms})
    projected._path = group.path
    out = Records()
    for record in records:
        out.add(projected if record is group else record)
    if rot.sitting.id is None:
        source = group.sources[0].document if group.sources else "projection"
        out.add(
            Meeting(
                id=decided_at,
                sensitivity="public",  # type: ignore[arg-type]
                sources=[Source(document=source)],
                type="som",
                title=f"Expected SOM ({rot.sitting.date}, projected)",
                start=rot.sitting.date,
            )
        )
    return out, projected
