"""The co-chairs' oral update to the AHG SOM: one page of bullet points since the previous SOM."""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.report import groups
from wgctl.report.common import audience_context, footnotes_of_items, meeting_context
from wgctl.report.profile import NEUTRAL, Profile
from wgctl.report.progress import previous_som


def build(view: View, group_id: str, until: date, profile: Profile = NEUTRAL) -> dict[str, Any]:
    """Co-chairs, meetings and periods of action, initiatives and open actions since the last SOM."""
    group = groups.find_group(view, group_id)
    som = previous_som(view, until)
    first = som.start if som else date(until.year, 1, 1)
    since = (
        f"the previous Senior Officials Meeting ({dates.month_label(som.start)})"
        if som
        else dates.label(first)
    )
    held = groups.meetings_in(view, group, first, until)
    open_actions = [a for a in groups.group_actions(view, group) if a.status == "open"]
    initiatives = groups.initiative_updates(view, group, first, until)
    return {
        "title": f"{group.label}: Oral Update to the {profile.som()}, {dates.month_label(until)}",
        "group": group.name,
        "since": since,
        "as_of": dates.label(until),
        "co_chairs": groups.co_chairs_on(view, group, until),
        "next_co_chairs": groups.co_chairs_on(view, group, date(until.year + 1, 1, 1)),
        "next_year": until.year + 1,
        "meetings": [meeting_context(view, m) for m in held],
        "initiatives": initiatives,
        "footnotes": footnotes_of_items(initiatives),
        "open_actions": [groups.action_context(view, a, until) for a in open_actions],
        **audience_context(view, profile),
    }
