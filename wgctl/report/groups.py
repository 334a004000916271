"""What a group did: co-chairs on a date, its meetings and periods of action, its action items."""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.errors import UserError
from wgctl.governance.terms import holders_on
from wgctl.models import ActionItem, Group, Initiative, Meeting, Term
from wgctl.report.common import update_context

JPA = "joint-period-of-action"


def find_group(view: View, group_id: str) -> Group:
    """The group, or a one-line error (the same for unknown and not visible)."""
    group = view.records.get(Group, group_id)
    if group is None:
        raise UserError(f"unknown group {group_id!r}")
    return group


def co_chairs_on(view: View, group: Group, day: date) -> list[dict[str, Any]]:
    """Co-chairs in office on `day`, by seat."""
    return [_term(view, t) for t in holders_on(group, day)]


def co_chairs_during(view: View, group: Group, first: date, last: date) -> list[dict[str, Any]]:
    """Every co-chair term that overlaps [first, last], in order of start and seat."""
    terms = [t for t in group.terms if dates.overlaps((t.start, t.effective_end), (first, last))]
    return [_term(view, t) for t in sorted(terms, key=lambda t: (t.start, t.seat))]


def _term(view: View, term: Term) -> dict[str, Any]:
    extended = f" (extended to {dates.label(term.extension.until)})" if term.extension else ""
    return {
        "seat": term.seat,
        "member": view.label(term.member),
        "start": dates.label(term.start),
        "end": dates.label(term.end) + extended,
    }


def meetings_in(view: View, group: Group, first: date, last: date) -> list[Meeting]:
    """The group's meetings (periods of action included) overlapping [first, last]."""
    out = []
    for meeting in view.records.meetings:
        if meeting.group != group.id:
            continue
        if dates.overlaps(dates.meeting_span(meeting), (first, last)):
            out.append(meeting)
    return out


def group_actions(view: View, group: Group) -> list[ActionItem]:
    """Action items the group owns, raised at its meetings, or on its initiatives."""
    meetings = {m.id for m in view.records.meetings if m.group == group.id}
    initiatives = {i.id for i in view.records.of(Initiative) if i.group == group.id}
    return [
        a
        for a in view.records.actions
        if a.owner == group.id or a.raised_at in meetings or a.initiative in initiatives
    ]


def action_context(view: View, action: ActionItem, today: date | None = None) -> dict[str, Any]:
    """An action item as a tracker row, as it stood on `today` (closed later: still open then)."""
    raised = view.records.get(Meeting, action.raised_at)
    later = today is not None and action.closed is not None and action.closed > today
    status = "open" if later else action.status
    overdue = bool(today and status == "open" and action.due is not None and action.due < today)
    return {
        "id": action.id,
        "text": action.text,
        "owner": view.label(action.owner),
        "raised_at": f"{raised.title} ({dates.label(raised.start, raised.precision)})"
        if raised
        else "",
        "due": dates.label(action.due) if action.due else "",
        "status": status + (" (overdue)" if overdue else ""),
        "closed": dates.label(action.closed) if action.closed and not later else "",
        "note": "" if later else action.closing_note or "",
        "overdue": overdue,
    }


def initiative_updates(view: View, group: Group, first: date, last: date) -> list[dict[str, Any]]:
    """The group's initiatives with their updates dated in [first, last]."""
    out = []
    for item in view.records.initiatives:
        if item.group != group.id:
            continue
        updates = [
            update_context(u, view)
            for u in item.updates
            if dates.overlaps(dates.update_span(u), (first, last))
        ]
        if updates:
            out.append({"number": item.number, "title": item.title, "updates": updates})
    return out
