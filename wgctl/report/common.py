"""Pieces every report shares: figures and updates as plain strings and dicts for templates."""

from __future__ import annotations

from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.models import Figure, Meeting, StatusUpdate
from wgctl.report.profile import NEUTRAL, Profile

QUALIFIERS = {
    "exact": "",
    "more-than": "more than ",
    "over": "over ",
    "about": "about ",
    "at-least": "at least ",
}


def figure_text(figure: Figure) -> str:
    """`students: 7,121`, `audience: more than 100,000 people`."""
    unit = f" {figure.unit}" if figure.unit else ""
    return f"{figure.name}: {QUALIFIERS[figure.qualifier]}{figure.value:,}{unit}"


def figure_value(figure: Figure) -> str:
    """`more than 100,000 people`: a figure's value as a table cell."""
    unit = f" {figure.unit}" if figure.unit else ""
    return f"{QUALIFIERS[figure.qualifier]}{figure.value:,}{unit}"


def figures_table(meetings: list[Meeting]) -> dict[str, Any] | None:
    """Periods of action side by side: one column each, one row per thing counted (None if none)."""
    counted = [m for m in meetings if m.figures]
    if not counted:
        return None
    names = list(dict.fromkeys(f.name for m in counted for f in m.figures))
    cells = {(m.id, f.name): figure_value(f) for m in counted for f in m.figures}
    return {
        "columns": ["Counted", *(m.title for m in counted)],
        "rows": [[name, *(cells.get((m.id, name), "—") for m in counted)] for name in names],
    }


def update_context(update: StatusUpdate, view: View | None = None) -> dict[str, Any]:
    """A status update as template data: when, text, status and figures.

    Figures are shown once, where they belong: an update reporting a period of action whose own
    figures are recorded leaves them to that period's table (given a `view` to look it up).
    """
    elsewhere = view is not None and any(
        (m := view.records.get(Meeting, ref)) is not None and m.figures for ref in update.meetings
    )
    return {
        "when": dates.range_label(update.date, update.end, update.precision),
        "status": update.status or "",
        "text": update.text,
        "figures": [] if elsewhere else [figure_text(f) for f in update.figures],
        "footnotes": [{"number": n.number, "text": n.text} for n in update.footnotes],
    }


def footnotes_of(updates: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The footnotes of the updates a report prints, once each, in the order they are marked.

    They keep the source's numbers: a report that leaves an update out leaves its note out too.
    """
    notes: dict[str, dict[str, str]] = {}
    for update in updates:
        for note in update.get("footnotes", ()):
            notes.setdefault(note["number"], note)
    return list(notes.values())


def footnotes_of_items(*items: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The footnotes of the updates of items (dicts with `updates`), as `footnotes_of`."""
    return footnotes_of([u for group in items for item in group for u in item["updates"]])


def meeting_context(view: View, meeting: Meeting) -> dict[str, Any]:
    """A meeting as template data; identities are already gone under the Chatham House Rule."""
    return {
        "id": meeting.id,
        "title": meeting.title,
        "type": meeting.type,
        "when": dates.range_label(meeting.start, meeting.end, meeting.precision),
        "location": meeting.location or "",
        "chatham_house": meeting.chatham_house,
        "host": view.label(meeting.host) if meeting.host else "",
        "chairs": view.labels(meeting.chairs),
        "participants": view.labels(meeting.participants),
        "attendees": view.labels(meeting.attendees),
        "agenda": list(meeting.agenda),
        "decisions": [d.text for d in meeting.decisions],
        "statements": [
            {"text": s.text, "by": view.label(s.by) if s.by else ""} for s in meeting.statements
        ],
        "outcomes": list(meeting.outcomes),
        "figures": [figure_text(f) for f in meeting.figures],
    }


MARKINGS = {"public": "PUBLIC", "members": "MEMBERS ONLY", "restricted": "RESTRICTED"}


def audience_context(view: View, profile: Profile = NEUTRAL) -> dict[str, str]:
    """The audience line every report prints, and the marking on every page header."""
    members = f"{profile.body} members" if profile.body else "members"
    names = {
        "public": "Public: for circulation",
        "members": f"Members only: not for circulation beyond {members}",
        "restricted": "Restricted: cleared participants only",
    }
    value = view.audience.value
    return {"audience": value, "marking": names[value], "page_marking": MARKINGS[value]}
