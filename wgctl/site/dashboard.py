"""The dashboard: co-chairs now, the next SOM and every obligation, as `wgctl due` computes them.

Why here and not in `pages`: the list of what is due comes from `wgctl.due.obligations` (the one
home of that rule), so the dashboard and `wgctl due` can never disagree; this module only
arranges it for the template.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.due.model import STATES, Obligation, state_text
from wgctl.due.obligations import obligations
from wgctl.models import Meeting
from wgctl.report import groups
from wgctl.roster.next_som import Sitting, next_sitting
from wgctl.site.changes import Changes
from wgctl.site.links import Page, named

HEADINGS = {
    "overdue": "Overdue",
    "due": "Due within a month",
    "upcoming": "Upcoming",
    "done": "Done",
}


def dashboard(view: View, as_of: date, changes: Changes) -> Page:
    """Home: co-chairs now, the next SOM, every obligation by state, the latest changes."""
    found = obligations(view, as_of)
    sitting = next_sitting(view.records, "som", as_of)
    return Page(
        "index.html",
        "dashboard",
        {
            "title": "Dashboard",
            "groups": [
                {
                    **named(view, g.id),
                    "co_chairs": groups.co_chairs_on(view, g, as_of),
                    "open": _counts([o for o in found if o.group == g.id]),
                }
                for g in view.records.groups
            ],
            "next_som": som_context(view, sitting, as_of),
            "expected_som": sitting.name if sitting.estimated else "",
            "obligations": [
                (state, HEADINGS[state], [row(view, o) for o in found if o.state == state])
                for state in STATES
            ],
            "changes": changes.recent,
        },
    )


def som_context(view: View, sitting: Sitting, as_of: date) -> dict[str, Any] | None:
    """The next recorded SOM as the dashboard shows it: title, when, where, days to go.

    None when no future SOM is recorded: the one expected instead is an estimate, named as
    `wgctl due` names it.
    """
    meeting = view.records.get(Meeting, sitting.id) if sitting.id else None
    if meeting is None:
        return None
    return {
        "id": meeting.id,
        "title": meeting.title,
        "when": dates.range_label(meeting.start, meeting.end, meeting.precision),
        "location": meeting.location or "",
        "days": (meeting.start - as_of).days,
        "estimated": meeting.precision != "day",
    }


def row(view: View, o: Obligation) -> dict[str, Any]:
    """One obligation as a table row: date, what, who owes it, why, its state."""
    return {
        "id": o.id,
        "state": o.state,
        "date": dates.label(o.date) + (" (estimate)" if o.estimated else ""),
        "what": o.what,
        "owed_by": o.owed_by,
        "why": o.why,
        "quote": o.quote,
        "status": state_text(o),
        "group": named(view, o.group) if o.group else None,
    }


def _counts(found: list[Obligation]) -> list[tuple[str, int]]:
    """How many of a group's obligations are in each open state, in order, zeros left out."""
    counts = [(s, sum(1 for o in found if o.state == s)) for s in STATES if s != "done"]
    return [(s, n) for s, n in counts if n]
