"""What is due before the next SOM, for the dashboard: a small function, easy to replace.

Why here: it only arranges what the core already knows (meeting records, the roster's next
rotation, action items, initiative updates) into the dashboard's list. A dedicated obligations
module can take its place without changing the pages.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.errors import UserError
from wgctl.models import ActionItem, Document, Group, Meeting
from wgctl.roster.decide import next_rotation

CLOSED_STATUSES = frozenset({"completed", "closed"})


def next_som(view: View, as_of: date) -> Meeting | None:
    """The first recorded SOM starting on or after `as_of`."""
    return next((m for m in view.records.meetings if m.type == "som" and m.start >= as_of), None)


def last_som(view: View, as_of: date) -> Meeting | None:
    """The latest recorded SOM that started before `as_of`."""
    earlier = [m for m in view.records.meetings if m.type == "som" and m.start < as_of]
    return earlier[-1] if earlier else None


def som_context(meeting: Meeting | None, as_of: date) -> dict[str, Any] | None:
    """The next SOM as the dashboard shows it: title, when, where, days to go."""
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


def group_due(view: View, group: Group, as_of: date) -> list[str]:
    """Duties of `group` before the next SOM, one sentence each."""
    som = next_som(view, as_of)
    out = _nominations(view, group, as_of)
    if group.policy is not None and som is not None:
        reporting = group.policy.reporting
        if reporting.written_report_to and not _written(view, group, som.start.year):
            out.append(
                f"Written report {som.start.year} to {view.label(reporting.written_report_to)}"
            )
        if reporting.oral_update_at == "som" and group.id not in som.oral_updates:
            out.append(f"Oral update at the {som.title}")
    return out


def _nominations(view: View, group: Group, as_of: date) -> list[str]:
    if group.policy is None:
        return []
    try:
        rotation = next_rotation(view.records, group, as_of)
    except UserError:
        return []
    out = []
    for vacancy in rotation.vacancies:
        nominees = [c.label or c.member for c in vacancy.candidates if c.nominated]
        named = f" (nominated: {', '.join(nominees)})" if nominees else " (no nomination yet)"
        out.append(f"Nominations for co-chair seat {vacancy.seat}{named}")
    return out


def _written(view: View, group: Group, year: int) -> bool:
    return any(
        d.type == "written-report" and d.group == group.id and d.date and d.date.year == year
        for d in view.records.of(Document)
    )


def actions_due(view: View, as_of: date) -> tuple[list[ActionItem], list[ActionItem]]:
    """Open actions overdue on `as_of`, and those due before the next SOM."""
    som = next_som(view, as_of)
    horizon = som.start if som else as_of
    open_items = [a for a in view.records.actions if a.status == "open" and a.due is not None]
    overdue = [a for a in open_items if a.due is not None and a.due < as_of]
    soon = [a for a in open_items if a.due is not None and as_of <= a.due <= horizon]
    return overdue, soon


def stale_initiatives(view: View, as_of: date) -> list[str]:
    """Ids of open initiatives with no update since the last SOM began."""
    som = last_som(view, as_of)
    if som is None:
        return []
    return [
        i.id
        for i in view.records.initiatives
        if i.status not in CLOSED_STATUSES and not any(u.date >= som.start for u in i.updates)
    ]
