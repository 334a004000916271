"""Pieces every report shares: figures and updates as plain strings and dicts for templates."""

from __future__ import annotations

from typing import Any

from wgctl.audience import View
from wgctl.models import Figure, Meeting, StatusUpdate
from wgctl.report import dates

QUALIFIERS = {
    "exact": "",
    "more-than": "more than ",
    "over": "over ",
    "about": "about ",
    "at-least": "at least ",
}

TITLE = "Ad Hoc Group"


def figure_text(figure: Figure) -> str:
    """`students: 7,121`, `audience: more than 100,000 people`."""
    unit = f" {figure.unit}" if figure.unit else ""
    return f"{figure.name}: {QUALIFIERS[figure.qualifier]}{figure.value:,}{unit}"


def update_context(update: StatusUpdate) -> dict[str, Any]:
    """A status update as template data: when, text, status and figures."""
    return {
        "when": dates.label(update.date, update.precision),
        "status": update.status or "",
        "text": update.text,
        "figures": [figure_text(f) for f in update.figures],
    }


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


def audience_context(view: View) -> dict[str, str]:
    """The audience line every report prints."""
    names = {
        "public": "Public: for circulation",
        "members": "Members only: not for circulation beyond Ad Hoc Group members",
        "restricted": "Restricted: cleared participants only",
    }
    return {"audience": view.audience.value, "marking": names[view.audience.value]}
