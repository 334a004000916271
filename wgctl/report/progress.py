"""The AHG progress report: per theme, each item's who and its status updates in the period.

The period runs from the previous AHG SOM (the last `som` meeting that starts before the month of
`--until`: the report is written for that month's SOM) to `--until`. An update is in the period when
the day, month or year it is dated by overlaps it, or when a meeting it reports does (a Joint
Period of Action that ended in the period). Earlier updates are kept, marked "Background", in
their place among the item's points (the source's order and numbering); updates dated after `--until` are left out. An item with nothing in the period says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import WITHHELD, View
from wgctl.errors import UserError
from wgctl.models import Document, Initiative, Meeting, StatusUpdate
from wgctl.models.base import iso_day
from wgctl.report.common import audience_context, figures_table, footnotes_of, update_context
from wgctl.report.profile import NEUTRAL, Profile

OPENING_SOM = "Report summarises activities undertaken since the previous {som} ({since})."
OPENING_OTHER = "Report summarises activities undertaken since {since}."
NO_THEME = {"number": "", "title": "Other items"}


@dataclass(frozen=True)
class Period:
    """The reporting period, inclusive, and how the report names its start."""

    start: date
    end: date
    since: str
    since_som: bool

    @property
    def no_update_since(self) -> str:
        """How "no update since ..." names the start."""
        if self.since_som:
            return f"the previous Senior Officials Meeting ({self.since})"
        return self.since

    @property
    def bounds(self) -> tuple[date, date]:
        """(start, end) as a range."""
        return self.start, self.end


def previous_som(view: View, until: date) -> Meeting | None:
    """The last SOM held before the month of `until` (the report is written for that month's SOM)."""
    first_of_month = until.replace(day=1)
    soms = [m for m in view.records.meetings if m.type == "som" and m.start < first_of_month]
    return soms[-1] if soms else None


def resolve_period(view: View, until: date, since: str | None) -> Period:
    """The period from `since` (a date or a meeting id; default the previous SOM) to `until`."""
    if since is None:
        som = previous_som(view, until)
        if som is None:
            raise UserError(
                f"no Senior Officials Meeting before {dates.month_label(until)}: pass --since"
            )
        return Period(som.start, until, dates.month_label(som.start), since_som=True)
    meeting = view.records.get(Meeting, since)
    if meeting is not None:
        start = dates.span(meeting.start, meeting.precision)[0]
        if meeting.type == "som":
            return Period(start, until, dates.month_label(meeting.start), since_som=True)
        when = dates.label(meeting.start, meeting.precision)
        return Period(start, until, f"the {meeting.title} ({when})", since_som=False)
    try:
        start = iso_day(since)
    except ValueError as exc:
        msg = f"--since {since!r} is neither a meeting nor a date ({exc})"
        raise UserError(msg) from None
    return Period(start, until, dates.label(start), since_som=False)


def _from_a_progress_report(view: View, update: StatusUpdate) -> bool:
    """Text a progress report may print: the update names no source of its own, or a progress
    report among them. A 2011 briefing's paragraph is history, not this report's text.
    """
    kinds = {
        doc.type
        for source in update.sources
        if (doc := view.records.get(Document, source.document)) is not None
    }
    return not kinds or "progress-report" in kinds


def _periods_of_action(view: View, until: date) -> list[Meeting]:
    """The Joint Periods of Action begun by `until`: their results are compared in one table."""
    return [
        m for m in view.records.meetings if m.type == "joint-period-of-action" and m.start <= until
    ]


def in_period(view: View, update: StatusUpdate, period: Period) -> bool:
    """Dated in the period, or reporting a meeting (or period of action) that overlaps it."""
    if dates.overlaps(dates.update_span(update), period.bounds):
        return True
    for ref in update.meetings:
        meeting = view.records.get(Meeting, ref)
        if meeting is not None and dates.overlaps(dates.meeting_span(meeting), period.bounds):
            return True
    return False


def who_text(view: View, item: Initiative) -> str:
    """The "Who" column: the report's wording when every party in it is visible, else labels."""
    parties = [w.party for w in item.who if w.party is not None]
    if (
        item.who_text
        and all(view.visible(p) for p in parties)
        and WITHHELD not in item.who_text  # the filter redacted a hidden party's name
    ):
        return item.who_text
    names = []
    for who in item.who:
        name = view.label(who.party) if who.party else WITHHELD
        names.append(f"{name} {who.qualifier}" if who.qualifier and name != WITHHELD else name)
    return ", ".join(dict.fromkeys(names)) or WITHHELD


def item_context(view: View, item: Initiative, period: Period) -> dict[str, Any]:
    """One table row: number, title, who, and its points in the records' (the source's) order.

    Each point says whether it is background (before the period); `updates` and `background`
    hold the same points split, for a reader that wants only one of them.
    """
    points = []
    for update in item.updates:
        if dates.span(update.date, update.precision)[0] > period.end:
            continue
        if not _from_a_progress_report(view, update):
            continue
        background = not in_period(view, update, period)
        points.append({**update_context(update, view), "background": background})
    current = [p for p in points if not p["background"]]
    none = "" if current else f"No update reported since {period.no_update_since}."
    return {
        "number": item.number,
        "title": item.title,
        "who": who_text(view, item),
        "status": item.status,
        "points": points,
        "updates": current,
        "background": [p for p in points if p["background"]],
        "no_update": none,
    }


def build(
    view: View,
    until: date,
    since: str | None = None,
    changes: dict[str, Any] | None = None,
    profile: Profile = NEUTRAL,
) -> dict[str, Any]:
    """The whole progress report as plain data, from records already filtered for the audience."""
    period = resolve_period(view, until, since)
    opening = OPENING_SOM if period.since_som else OPENING_OTHER
    title = " ".join(filter(None, (profile.body, "Progress Report:", dates.month_label(until))))
    themes: dict[str, dict[str, Any]] = {
        t.id: {"number": t.number, "title": t.title, "entries": []} for t in view.records.themes
    }
    other: dict[str, Any] = {**NO_THEME, "entries": []}
    for item in view.records.initiatives:
        themes.get(item.theme, other)["entries"].append(item_context(view, item, period))
    sections = [t for t in themes.values() if t["entries"]] + ([other] if other["entries"] else [])
    printed = [u for t in sections for e in t["entries"] for u in e["points"]]
    return {
        "title": title,
        "opening": [
            p for p in (opening.format(som=profile.som(), since=period.since), profile.purpose) if p
        ],
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "columns": ["Action/Recommendation", "Who", "Status/Details"],
        "themes": sections,
        "footnotes": footnotes_of(printed),
        "changes": changes or None,
        "periods_of_action": figures_table(_periods_of_action(view, until)),
        **audience_context(view, profile),
    }
