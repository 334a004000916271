"""The co-chairs' annual written report to the Steering Group (terms of reference, reporting)."""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl.confidentiality.audience import View
from wgctl.models import ActionItem, Meeting
from wgctl.report import groups
from wgctl.report.common import audience_context, footnotes_of_items, meeting_context
from wgctl.report.profile import NEUTRAL, Profile


def build(view: View, group_id: str, year: int, profile: Profile = NEUTRAL) -> dict[str, Any]:
    """Meetings held, periods of action, actions taken forward, open items, next co-chairs."""
    group = groups.find_group(view, group_id)
    first, last = date(year, 1, 1), date(year, 12, 31)
    held = groups.meetings_in(view, group, first, last)
    actions = groups.group_actions(view, group)
    to = group.policy.reporting.written_report_to if group.policy else None
    next_chairs = groups.co_chairs_on(view, group, date(year + 1, 1, 1))
    initiatives = groups.initiative_updates(view, group, first, last)
    return {
        "title": f"{group.label}: Co-Chairs' Report to the Steering Group, {year}",
        "group": group.name,
        "year": year,
        "recipient": view.label(to) if to else "Steering Group",
        "channel": profile.channel,
        "co_chairs": groups.co_chairs_during(view, group, first, last),
        "meetings": [meeting_context(view, m) for m in held if m.type != groups.JPA],
        "periods_of_action": [meeting_context(view, m) for m in held if m.type == groups.JPA],
        "initiatives": initiatives,
        "footnotes": footnotes_of_items(initiatives),
        "actions_forward": [
            groups.action_context(view, a)
            for a in actions
            if a.closed is not None and a.closed.year == year
        ],
        "open_items": [
            groups.action_context(view, a, last)
            for a in actions
            if a.status == "open" and _raised_by(view, a, last)
        ],
        "next_year": year + 1,
        "next_co_chairs": next_chairs,
        "next_co_chairs_note": ""
        if next_chairs
        else f"No co-chair term is recorded for 1 January {year + 1}: the {profile.som()} "
        "decides the co-chairs.",
        **audience_context(view, profile),
    }


def _raised_by(view: View, action: ActionItem, last: date) -> bool:
    """True unless the action was raised at a meeting after `last`."""
    meeting = view.records.get(Meeting, action.raised_at)
    return meeting is None or meeting.start <= last
