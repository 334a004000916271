"""Records grouped once per build, so each page finds its actions, meetings and items directly.

Why: a page per meeting, initiative and organisation that scanned every record would make the
build quadratic in the number of records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from wgctl.confidentiality.audience import View
from wgctl.models import ActionItem, Initiative, Meeting


@dataclass
class Lookup:
    """The view's records in date or number order, and grouped by what pages ask for."""

    meetings: list[Meeting]
    initiatives: list[Initiative]
    actions: list[ActionItem]
    raised_at: dict[str, list[ActionItem]] = field(default_factory=lambda: defaultdict(list))
    on_initiative: dict[str, list[ActionItem]] = field(default_factory=lambda: defaultdict(list))
    owned_by: dict[str, list[ActionItem]] = field(default_factory=lambda: defaultdict(list))
    with_party: dict[str, list[Meeting]] = field(default_factory=lambda: defaultdict(list))
    led_by: dict[str, list[Initiative]] = field(default_factory=lambda: defaultdict(list))


def lookup(view: View) -> Lookup:
    """Group the view's records once."""
    found = Lookup(view.records.meetings, view.records.initiatives, view.records.actions)
    for action in found.actions:
        if action.raised_at:
            found.raised_at[action.raised_at].append(action)
        if action.initiative:
            found.on_initiative[action.initiative].append(action)
        found.owned_by[action.owner].append(action)
    for meeting in found.meetings:
        for party in dict.fromkeys([*meeting.participants, meeting.host]):
            if party:
                found.with_party[party].append(meeting)
    for item in found.initiatives:
        for party in dict.fromkeys(w.party for w in item.who if w.party):
            found.led_by[party].append(item)
    return found
