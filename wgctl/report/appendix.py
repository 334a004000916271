"""The progress report's appendix: the changes of substance to the records since the period began.

Git knows when a line was typed, not when a thing happened: transcribing 2011 history in 2026
would fill the appendix with "Added action ... sensitivity public". So a change is listed only
when the record speaks of the reporting period (a meeting held in it, an update dated in it, an
action raised, due or closed in it, a document dated in it) and says more than bookkeeping
(markings, sources); the rest are counted in one sentence. Entries are grouped by kind of record
and worded from the records as the audience sees them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.history.diff_audience import Seen
from wgctl.history.diffing import RecordChange
from wgctl.models import ActionItem, Document, Group, Initiative, Meeting, Record

Span = tuple[date, date]
GROUPS = (
    ("initiatives", "Items of the report"),
    ("meetings", "Meetings and periods of action"),
    ("actions", "Action items"),
    ("groups", "Groups and co-chairs"),
    ("documents", "Documents"),
)
# Details that record how a fact is kept, not the fact: never listed.
BOOKKEEPING = ("sensitivity", "sources", "who_text", "precision")


def appendix_context(seen: Seen, view: View, bounds: Span, since: str) -> dict[str, Any]:
    """Plain data for the template: grouped entries, the count of the rest, what was withheld."""
    by_path = {r.path: r for r in view.records}
    grouped: dict[str, list[dict[str, Any]]] = {kind: [] for kind, _ in GROUPS}
    rest = 0
    for change in seen.changes:
        record = by_path.get(change.path)
        entry = _entry(change, record, view, bounds) if record is not None else None
        if entry is None or record is None or record.kind not in grouped:
            rest += 1
            continue
        grouped[record.kind].append(entry)
    listed = sum(len(v) for v in grouped.values())
    return {
        "since": since,
        "summary": _summary(listed, rest),
        "unnamed": _unnamed(seen),
        "groups": [
            {"heading": heading, "entries": grouped[kind]}
            for kind, heading in GROUPS
            if grouped[kind]
        ],
    }


def _summary(listed: int, rest: int) -> str:
    head = f"{_n(listed, 'change')} of substance" if listed else "No change of substance"
    if not rest:
        return f"{head}."
    return (
        f"{head}; {_n(rest, 'other change')} (history of earlier periods recorded since, "
        "or markings and sources) not listed."
    )


def _unnamed(seen: Seen) -> list[str]:
    out = []
    if seen.hidden:
        out.append(f"{_n(seen.hidden, 'change')} to records this audience may not see (not shown).")
    if seen.invalid:
        out.append(f"{_n(seen.invalid, 'change')} to files that are not valid records (not shown).")
    return out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _entry(change: RecordChange, record: Record, view: View, bounds: Span) -> dict[str, Any] | None:
    """The record's entry, or None when the change is not of substance for the period."""
    if change.change == "removed":
        return {"heading": f"Removed: {change.title or change.id}", "details": []}
    if not any(dates.overlaps(span, bounds) for span in spans(record, view)):
        return None
    if change.change == "added":
        return {
            "heading": f"New: {change.title or change.id}",
            "details": list(_facts(record, view, bounds)),
        }
    details = [d for d in change.details if not d.startswith(BOOKKEEPING)]
    if not details:
        return None
    return {"heading": f"Updated: {change.title or change.id}", "details": details}


def spans(record: Record, view: View) -> list[Span]:
    """The days a record speaks of: when its facts happened, not when they were typed."""
    if isinstance(record, Meeting):
        return [dates.meeting_span(record)]
    if isinstance(record, Initiative):
        return [dates.update_span(u) for u in record.updates]
    if isinstance(record, ActionItem):
        days = [d for d in (record.due, record.closed) if d is not None]
        raised = view.records.get(Meeting, record.raised_at)
        return [(d, d) for d in days] + ([dates.meeting_span(raised)] if raised else [])
    if isinstance(record, Document) and record.date is not None:
        return [dates.span(record.date, record.precision)]
    if isinstance(record, Group):
        return [(t.start, t.effective_end) for t in record.terms]
    return []


def _facts(record: Record, view: View, bounds: Span) -> Iterator[str]:
    """A new record in a sentence or two, in the words of a report."""
    if isinstance(record, Meeting):
        where = f", {record.location}" if record.location else ""
        yield f"{dates.range_label(record.start, record.end, record.precision)}{where}"
    elif isinstance(record, ActionItem):
        due = f", due {dates.label(record.due)}" if record.due else ""
        yield f"Owner: {view.label(record.owner)}{due}; {record.status}"
    elif isinstance(record, Initiative):
        count = sum(1 for u in record.updates if dates.overlaps(dates.update_span(u), bounds))
        yield f"Item {record.number}, {record.status}: {_n(count, 'status update')} in the period"
    elif isinstance(record, Document) and record.date is not None:
        yield f"Dated {dates.label(record.date, record.precision)}"
