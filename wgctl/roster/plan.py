"""Project the rotation for several SOMs ahead, then check the projected roster with WG2xx."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from wgctl.errors import Problem
from wgctl.governance.chairing import chairing_problems
from wgctl.governance.terms import DAY
from wgctl.models import (
    Agreement,
    Decision,
    Extension,
    Group,
    Meeting,
    Record,
    Source,
    Term,
)
from wgctl.records import Records
from wgctl.roster.decide import known_on, next_rotation
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

    @property
    def assumed(self) -> list[str]:
        """The agreements the projection relies on, one line each."""
        out = []
        for rot in self.steps:
            for p in rot.proposals():
                if p.needs_agreement:
                    what = "extension" if p.extension_of is not None else "new term"
                    out.append(
                        f"{rot.sitting.name}: seat {p.seat} ({what} of {p.member}, to {p.end}) "
                        "needs the members' recorded agreement"
                    )
        return out

    @property
    def unfilled(self) -> list[str]:
        """The seats the projection leaves without a co-chair, one line each."""
        return [
            f"{rot.sitting.name}: seat {v.seat} has no eligible nominee (vacant from {v.start})"
            for rot in self.steps
            for v in rot.vacancies
            if v.recommended is None
        ]

    @property
    def keeps_every_rule(self) -> bool:
        """True only when nothing is broken, assumed or left vacant."""
        return not (self.problems or self.assumed or self.unfilled)


def plan_rotation(
    records: Records,
    group: Group,
    as_of: date,
    years: int,
    *,
    withheld: Mapping[int, int] | None = None,
) -> Plan:
    """The rotation over the next `years` SOMs, taking the recommended decision each time."""
    start = as_of
    steps = []
    records, group = _as_known(records, group, as_of)
    for step in range(years):
        rot = next_rotation(records, group, as_of, withheld=withheld, projected=step > 0)
        steps.append(rot)
        records, group = project(records, group, rot)
        as_of = rot.sitting.date + DAY
    today = max(as_of, start)
    problems = [p for p in chairing_problems(records, today) if p.path == group.path]
    return Plan(group.id, group.label, start, steps, problems, group, records)


def _as_known(records: Records, group: Group, day: date) -> tuple[Records, Group]:
    """The records with the group as it stood on `day` (later decisions are re-projected)."""
    known = known_on(records, group, day)
    if known is group:
        return records, group
    return _replaced(records, group, known), known


def _replaced(records: Records, old: Record, new: Record) -> Records:
    """The records with one record replaced."""
    out = Records()
    for record in records:
        out.add(new if record is old else record)
    return out


def expected_id(day: date) -> str:
    """The id a projected (not recorded) SOM gets in a plan."""
    return f"expected-som-{day.isoformat()}"


def agreement_id(group: Group, day: date) -> str:
    """The id of the agreement a plan assumes the SOM of `day` records."""
    return f"{group.id}-cochair-agreement-{day.isoformat()}"


def project(records: Records, group: Group, rot: Rotation) -> tuple[Records, Group]:
    """The records as they would be after the SOM takes the recommended decisions.

    A decision that needs the members' agreement is projected with that agreement recorded
    on the deciding SOM, so the plan can say which agreements it relies on.
    """
    decided_at = rot.sitting.id or expected_id(rot.sitting.date)
    agreement = Agreement(meeting=decided_at, decision=agreement_id(group, rot.sitting.date))
    needed = False
    terms = list(group.terms)
    for proposal in rot.proposals():
        cite = agreement if proposal.needs_agreement else None
        needed = needed or cite is not None
        if proposal.extension_of is not None:
            old = terms[proposal.extension_of]
            ext = Extension(until=proposal.end, decided_at=decided_at, agreement=cite)
            terms[proposal.extension_of] = old.model_copy(update={"extension": ext})
        elif proposal.member is not None:
            term = Term(
                seat=proposal.seat,
                member=proposal.member,
                start=proposal.start,
                end=proposal.end,
                decided_at=decided_at,
                agreement=cite,
            )
            terms.append(term)
    projected = group.model_copy(update={"terms": terms})
    projected._path = group.path
    out = _replaced(records, group, projected)
    return _with_sitting(out, group, rot, agreement if needed else None), projected


def _with_sitting(
    records: Records, group: Group, rot: Rotation, agreement: Agreement | None
) -> Records:
    """The records with the deciding SOM (expected if not recorded) and the agreement it took."""
    meeting_id = rot.sitting.id or expected_id(rot.sitting.date)
    recorded = records.get(Meeting, meeting_id)
    meeting = recorded or _expected_meeting(group, rot, meeting_id)
    if agreement is not None:
        text = f"Projected: the members agree the co-chair exception for {group.id}."
        decision = Decision(id=agreement.decision, text=text)
        meeting = meeting.model_copy(update={"decisions": [*meeting.decisions, decision]})
    if recorded is None:
        records.add(meeting)
        return records
    return records if meeting is recorded else _replaced(records, recorded, meeting)


def _expected_meeting(group: Group, rot: Rotation, meeting_id: str) -> Meeting:
    """A SOM the plan expects but the records do not hold."""
    source = group.sources[0].document if group.sources else "projection"
    return Meeting(
        id=meeting_id,
        sensitivity="public",  # type: ignore[arg-type]
        sources=[Source(document=source)],
        type="som",
        title=f"Expected SOM ({rot.sitting.date}, projected)",
        start=rot.sitting.date,
    )
