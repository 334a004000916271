"""One meeting: its agenda while planned, its record once held, its results if a period of action.

A meeting's state is cancelled when its record says so, else planned until its first day and
held from then: a planned meeting is never printed as a summary record. A Joint Period of Action is a period with results, not a meeting:
no agenda, its outcomes and figures as results. The record of a held meeting lists the action
items it raised.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl.confidentiality.audience import View
from wgctl.errors import UserError
from wgctl.models import Meeting
from wgctl.report import groups
from wgctl.report.common import audience_context, figures_table, meeting_context

TITLES = {"planned": "Agenda", "held": "Summary Record", "cancelled": "Cancelled"}


def state_on(meeting: Meeting, today: date) -> str:
    """planned, held or cancelled, as of `today`."""
    if meeting.cancelled:
        return "cancelled"
    return "held" if today >= meeting.start else "planned"


def build(view: View, meeting_id: str, today: date) -> dict[str, Any]:
    """The agenda, the summary record (with the actions raised) or a period's results."""
    meeting = view.records.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError(f"unknown meeting {meeting_id!r}")
    state = state_on(meeting, today)
    is_period = meeting.type == groups.JPA
    suffix = "Results" if is_period and state == "held" else TITLES[state]
    raised = [a for a in view.records.actions if a.raised_at == meeting.id]
    return {
        "title": f"{meeting.title}: {suffix}",
        "state": state,
        "held": state == "held",
        "is_period": is_period,
        "group": view.label(meeting.group) if meeting.group else "",
        "meeting": meeting_context(view, meeting),
        "figures_table": figures_table([meeting]),
        "actions_raised": [groups.action_context(view, a, today) for a in raised],
        **audience_context(view),
    }
