"""The action-item tracker: every action, its owner, due date and status."""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.errors import UserError
from wgctl.models import Meeting
from wgctl.report import groups
from wgctl.report.common import audience_context


def build(
    view: View, today: date, owner: str | None = None, *, overdue: bool = False
) -> dict[str, Any]:
    """Tracker rows as of `today`, open first then by due date; optionally one owner's or only
    overdue ones. Actions raised at a meeting after `today` did not exist yet and are left out.
    """
    if owner is not None and view.records.party(owner) is None:
        raise UserError(f"unknown organisation or group {owner!r}")
    chosen = [
        a
        for a in view.records.actions
        if (owner is None or a.owner == owner) and _raised_by(view, a.raised_at, today)
    ]
    rows = [groups.action_context(view, a, today) for a in chosen]
    if overdue:
        rows = [r for r in rows if r["overdue"]]
    due = {a.id: a.due or date.max for a in view.records.actions}
    rows.sort(key=lambda r: (r["status"].startswith("open") is False, due[r["id"]], r["id"]))
    scope = [f"owner {view.label(owner)}"] if owner else []
    scope += ["overdue only"] if overdue else []
    return {
        "title": "Action Items",
        "as_of": dates.label(today),
        "scope": ", ".join(scope),
        "columns": ["Action", "Owner", "Raised at", "Due", "Status"],
        "rows": rows,
        "open": sum(1 for r in rows if r["status"].startswith("open")),
        **audience_context(view),
    }


def _raised_by(view: View, meeting_id: str | None, today: date) -> bool:
    """True unless the action was raised at a meeting that starts after `today`."""
    meeting = view.records.get(Meeting, meeting_id)
    return meeting is None or meeting.start <= today
