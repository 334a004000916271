"""The SOM preparation pack: everything a group's co-chairs take to one Senior Officials Meeting.

One document from pieces that exist elsewhere, computed as of the SOM's first day: the oral
update (`oral.build`), the rotation decision to take (`roster next`), the group's progress-report
items, actions due or overdue and the obligations that fall at the SOM (`wgctl due`), and the
agenda of the group's meetings since the previous SOM. Input is an audience view, like every report.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.due.model import Obligation, state_text, when
from wgctl.due.obligations import obligations
from wgctl.errors import InputError, UserError
from wgctl.models import Group, Meeting
from wgctl.report import groups, oral
from wgctl.report.common import (
    audience_context,
    footnotes_of_items,
    meeting_context,
    update_context,
)
from wgctl.roster.decide import next_rotation

PRESSING = frozenset({"overdue", "due"})
# How many eligible members after the recommended one the pack names per seat.
RUNNERS_UP = 3


def find_som(view: View, som_id: str) -> Meeting:
    """The SOM, or a one-line refusal (the same for unknown and not visible)."""
    som = view.records.get(Meeting, som_id)
    if som is None or som.type != "som":
        soms = ", ".join(m.id for m in view.records.meetings if m.type == "som") or "none"
        raise InputError(f"unknown SOM {som_id!r} (SOMs: {soms})")
    return som


def build(view: View, group_id: str, som_id: str) -> dict[str, Any]:
    """The pack's context for `group_id` at SOM `som_id`."""
    group = view.records.get(Group, group_id)
    if group is None:
        raise InputError(f"unknown group {group_id!r}")
    som = find_som(view, som_id)
    day = dates.meeting_span(som)[0]
    update = oral.build(view, group.id, day)
    previous = _previous(view, som)
    first = dates.meeting_span(previous)[0] if previous else day.replace(month=1, day=1)
    found = obligations(view, day, group.id)
    at_som = [o for o in found if dates.overlaps((o.date, o.date), dates.meeting_span(som))]
    items = _items(view, group, first, day)
    return {
        "title": f"{group.label}: Preparation Pack for the {som.title}",
        "group": group.name,
        "som": meeting_context(view, som),
        "since": update["since"],
        # For the cover: the pack speaks as of the SOM's first day, about the time since the last.
        "issued": day,
        "period": {"start": first.isoformat(), "end": day.isoformat()},
        "oral": update,
        "rotation": _rotation(view, group, day),
        "items": items,
        "footnotes": footnotes_of_items(update["initiatives"], items),
        "actions": [_row(o) for o in found if o.kind == "action" and o.state in PRESSING],
        "at_som": [_row(o) for o in at_som if o.kind != "action"],
        "agenda": [
            meeting_context(view, m)
            for m in groups.meetings_in(view, group, first, day - timedelta(days=1))
            if m.type not in {"som", groups.JPA}  # a period of action has no agenda
        ],
        **audience_context(view),
    }


def _previous(view: View, som: Meeting) -> Meeting | None:
    before = [m for m in view.records.meetings if m.type == "som" and m.start < som.start]
    return before[-1] if before else None


def _rotation(view: View, group: Group, day: date) -> list[str]:
    """`roster next` as of the SOM, in a few lines: what to decide and whom the rules point to."""
    try:
        rot = next_rotation(view.records, group, day)
    except UserError as exc:
        return [str(exc)]
    out = [*rot.warnings, *rot.advice]
    out += [
        f"Seat {h.seat} continues: {h.label or h.member} until {h.until}." for h in rot.continuing
    ]
    for v in rot.vacancies:
        pick = v.recommended
        named = f"{pick.label}{'' if pick.nominated else ' (not nominated)'}" if pick else "nobody"
        runners = [c.label for c in v.candidates if c.eligible and c is not pick][:RUNNERS_UP]
        line = f"Seat {v.seat}: new term {v.start} to {v.end}; the rules point to {named}."
        out.append(line + (f" Next in rotation order: {', '.join(runners)}." if runners else ""))
        out += [f"Seat {v.seat}, option: {option}" for option in v.options]
    if not rot.vacancies:
        out.append("No seat falls vacant at this SOM.")
    return out


def _items(view: View, group: Group, first: date, last: date) -> list[dict[str, Any]]:
    """The group's progress-report items, each with its updates since the previous SOM."""
    out = []
    for item in view.records.initiatives:
        if item.group != group.id:
            continue
        span = (first, last)
        updates = [
            update_context(u)
            for u in item.updates
            if dates.overlaps(dates.span(u.date, u.precision), span)
        ]
        out.append(
            {"number": item.number, "title": item.title, "status": item.status, "updates": updates}
        )
    return out


def _row(o: Obligation) -> dict[str, str]:
    return {
        "when": when(o),
        "state": state_text(o),
        "what": o.what,
        "owed_by": o.owed_by,
        "why": o.why,
    }
