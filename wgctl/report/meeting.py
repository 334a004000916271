"""One meeting: its agenda before it is held, its summary record after."""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl.audience import View
from wgctl.errors import UserError
from wgctl.models import Meeting
from wgctl.report.common import audience_context, meeting_context


def build(view: View, meeting_id: str, today: date) -> dict[str, Any]:
    """The agenda when `today` is before the meeting, else the summary record."""
    meeting = view.records.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError(f"unknown meeting {meeting_id!r}")
    held = today >= meeting.start
    group = view.label(meeting.group) if meeting.group else ""
    return {
        "title": f"{meeting.title}: {'Summary Record' if held else 'Agenda'}",
        "held": held,
        "group": group,
        "meeting": meeting_context(view, meeting),
        **audience_context(view),
    }
