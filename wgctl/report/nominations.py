"""The nominations paper for the SOM's co-chair decision: `roster next` as a paper to circulate.

Computed from the records the audience may see (as `wgctl roster next --audience` is): the seats
that continue, each seat falling vacant with its term, the member the rules point to, the
nominees (eligible ones in rotation order, excluded ones with why) and a count of the other
eligible members, and what the rules suggest. The SOM decides; the paper sets out the choice.
Members neither nominated nor pointed to are counted, not listed: a paper names who is in play.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.report import groups
from wgctl.report.common import audience_context
from wgctl.roster.candidates import Candidate
from wgctl.roster.decide import next_rotation
from wgctl.roster.types import Vacancy


def build(view: View, group_id: str, today: date) -> dict[str, Any]:
    """The paper's data: the sitting, continuing seats, vacancies with candidates, advice."""
    group = groups.find_group(view, group_id)
    rot = next_rotation(view.records, group, today)
    return {
        "title": f"{group.label}: Co-Chair Nominations, {rot.sitting.title}",
        "group": group.name,
        "as_of": dates.label(today),
        "sitting": f"{rot.sitting.title} ({dates.label(rot.sitting.date)})",
        "estimated": rot.sitting.basis if rot.sitting.estimated else "",
        "continuing": [
            {"seat": h.seat, "member": h.label or h.member, "until": dates.label(h.until)}
            for h in sorted(rot.continuing, key=lambda h: h.seat)
        ],
        "vacancies": [_vacancy(v) for v in rot.vacancies],
        "advice": list(rot.advice),
        "warnings": list(rot.warnings),
        **audience_context(view),
    }


def _vacancy(vacancy: Vacancy) -> dict[str, Any]:
    pick = vacancy.recommended

    def in_play(c: Candidate) -> bool:
        return c.nominated or (pick is not None and c.member == pick.member)

    eligible = [c for c in vacancy.candidates if c.eligible]
    return {
        "seat": vacancy.seat,
        "term": dates.range_label(vacancy.start, vacancy.end),
        "reasons": list(vacancy.reasons),
        "recommended": _candidate(pick) if pick else None,
        "eligible": [_candidate(c) for c in eligible if in_play(c)],
        "others": sum(1 for c in vacancy.candidates if not in_play(c)),
        "excluded": [_candidate(c) for c in vacancy.candidates if not c.eligible and c.nominated],
    }


def _candidate(candidate: Candidate) -> dict[str, str]:
    return {
        "name": candidate.label,
        "nominated": "nominated" if candidate.nominated else "not nominated",
        "reasons": "; ".join(candidate.reasons),
    }
