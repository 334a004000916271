"""The group, meeting and action pages: core data arranged for templates."""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.errors import UserError
from wgctl.models import ActionItem, Group, Meeting
from wgctl.report import groups
from wgctl.report.common import figure_text, meeting_context
from wgctl.roster.decide import next_rotation
from wgctl.roster.render import rotation_lines
from wgctl.roster.seat_history import seat_history
from wgctl.site import svg
from wgctl.site.changes import Changes
from wgctl.site.links import Page, link, named
from wgctl.site.lookup import Lookup

JPA = groups.JPA


def action_row(view: View, action: ActionItem, as_of: date) -> dict[str, Any]:
    """An action as the tracker shows it, with links to its owner and the meeting raising it."""
    row = groups.action_context(view, action, as_of)
    row["owner_href"] = link(view, action.owner)
    row["raised_href"] = link(view, action.raised_at)
    return row


def group_page(view: View, group: Group, as_of: date, changes: Changes) -> Page:
    """A group: terms of reference, seats over time, next rotation, meetings, work, history."""
    meetings = [m for m in view.records.meetings if m.group == group.id]
    initiatives = [i for i in view.records.initiatives if i.group == group.id]
    return Page(
        f"groups/{group.id}.html",
        "group",
        {
            "title": group.name,
            "group": group,
            "parent": named(view, group.parent),
            "endorsed": named(view, group.endorsed_at) if group.endorsed_at else None,
            "established": dates.label(group.established) if group.established else "",
            "policy": _policy(view, group),
            "terms": groups.co_chairs_during(view, group, date.min, date.max),
            "seats_svg": _seats_svg(view, group),
            "extended": any(t.extension for t in group.terms),
            "rotation": _rotation(view, group, as_of),
            "meetings": [meeting_row(view, m) for m in meetings],
            "initiatives": [
                {**named(view, i.id), "number": i.number, "status": i.status} for i in initiatives
            ],
            "actions": [action_row(view, a, as_of) for a in groups.group_actions(view, group)],
            "history": changes.history(group.path),
        },
    )


def _policy(view: View, group: Group) -> dict[str, Any] | None:
    policy = group.policy
    if policy is None:
        return None
    facts = [
        f"{policy.seats} co-chair seat(s), terms of at most {policy.max_term_years} year(s)",
        "staggered: one co-chair changes each year" if policy.staggered else "not staggered",
        f"co-chairs decided at the {policy.decided_at.upper()}",
    ]
    if policy.meetings_per_year is not None:
        per = policy.meetings_per_year
        facts.append(f"meets {per.min} to {per.max} times a year")
    if policy.reporting.written_report_to:
        facts.append(f"written report to {view.label(policy.reporting.written_report_to)}")
    if policy.reporting.oral_update_at:
        facts.append("oral update at each SOM")
    if policy.chatham_house:
        facts.append("meetings may be held under the Chatham House Rule")
    if policy.review_date:
        facts.append(f"review due {dates.label(policy.review_date)}")
    return {"facts": facts, "clauses": sorted(policy.clauses.items())}


def _seats_svg(view: View, group: Group) -> str:
    if group.policy is None or not group.terms:
        return ""
    bars = []
    for seat in seat_history(view.records, group).seats:
        for entry in seat.entries:
            if entry.member is None:
                continue
            end = entry.extended_until or entry.end
            extended = entry.end if entry.extended_until else None
            bars.append(svg.Bar(f"Seat {seat.seat}", entry.label, entry.start, end, extended))
    desc = "; ".join(
        f"{b.row}: {b.label}, {dates.label(b.start)} to {dates.label(b.end)}"
        + (f" (extended after {dates.label(b.extended_from)})" if b.extended_from else "")
        for b in bars
    )
    return svg.timeline("seats", f"{group.label}: co-chair terms by seat", bars, desc)


def _rotation(view: View, group: Group, as_of: date) -> list[str]:
    if group.policy is None:
        return []
    try:
        return rotation_lines(next_rotation(view.records, group, as_of))
    except UserError as exc:
        return [str(exc)]


def meeting_row(view: View, meeting: Meeting) -> dict[str, Any]:
    """A meeting as the lists show it: name and page, dates as written, type, place."""
    return {
        **named(view, meeting.id),
        "when": dates.range_label(meeting.start, meeting.end, meeting.precision),
        "type": "SOM" if meeting.type == "som" else meeting.type.replace("-", " "),
        "location": meeting.location or "",
        "year": meeting.start.year,
    }


def meetings_index(view: View, found: Lookup) -> Page:
    """Meetings and periods of action by year, newest first, with each JPA's figures as a chart."""
    years: dict[int, list[dict[str, Any]]] = {}
    for meeting in reversed(found.meetings):
        years.setdefault(meeting.start.year, []).append(meeting_row(view, meeting))
    jpas = [m for m in found.meetings if m.type == JPA and m.figures]
    return Page(
        "meetings/index.html",
        "meetings",
        {
            "title": "Meetings and Joint Periods of Action",
            "years": sorted(years.items(), reverse=True),
            "charts": [{**named(view, m.id), "svg": jpa_chart(m)} for m in jpas],
        },
    )


def jpa_chart(meeting: Meeting) -> str:
    """A period of action's figures as bars, described in words."""
    values = [(f.name, f.value) for f in meeting.figures]
    desc = "; ".join(figure_text(f) for f in meeting.figures)
    return svg.bars(f"jpa-{meeting.id}", f"{meeting.title}: figures", values, desc)


def meeting_page(
    view: View, meeting: Meeting, as_of: date, changes: Changes, found: Lookup
) -> Page:
    """One meeting: when, where, who (never under Chatham House), decisions, actions raised."""
    raised = found.raised_at.get(meeting.id, [])
    return Page(
        f"meetings/{meeting.id}.html",
        "meeting",
        {
            "title": meeting.title,
            "meeting": meeting_context(view, meeting),
            "group": named(view, meeting.group) if meeting.group else None,
            "chart": jpa_chart(meeting) if meeting.figures else "",
            "actions": [action_row(view, a, as_of) for a in raised],
            "history": changes.history(meeting.path),
        },
    )


def actions_page(view: View, as_of: date, found: Lookup) -> Page:
    """The tracker: overdue, open and closed actions, each linked to the meeting raising it."""
    chosen = sorted(found.actions, key=lambda a: (a.due or date.max, a.id))
    rows = [action_row(view, a, as_of) for a in chosen]
    return Page(
        "actions/index.html",
        "actions",
        {
            "title": "Action items",
            "sections": [
                ("Overdue", [r for r in rows if r["overdue"]]),
                ("Open", [r for r in rows if r["status"] == "open"]),
                ("Closed or cancelled", [r for r in rows if not r["status"].startswith("open")]),
            ],
        },
    )
