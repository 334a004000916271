"""The records of one audience view as flat tables: one per kind, typed, sorted (xlsx, csv).

Why one home: the spreadsheet and the CSV files must agree cell for cell. References are shown
by label through the view, so a party the audience may not see is `WITHHELD`, never its id.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from wgctl.confidentiality.audience import View
from wgctl.dates import meeting_span
from wgctl.errors import UserError
from wgctl.models import ActionItem, Initiative, Meeting, Record
from wgctl.report.progress import who_text

Cell = str | int | bool | date | None
ColumnType = Literal["text", "long", "date", "int", "bool"]


@dataclass(frozen=True)
class Column:
    """A column: header, cell type (`long` text wraps) and width in characters."""

    header: str
    type: ColumnType = "text"
    width: int = 14


@dataclass(frozen=True)
class Table:
    """One record kind as rows of typed cells."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: Sequence[tuple[Cell, ...]]


def marking(record: Record) -> str:
    """The record's own marking, as the spreadsheet shows it."""
    return record.sensitivity.value


def _raised_on(view: View, action: ActionItem) -> date | None:
    meeting = (
        view.records.get(Meeting, action.raised_at) if view.visible(action.raised_at) else None
    )
    return meeting.start if meeting else None


def actions(view: View) -> Table:
    """The action tracker: open first, then by due date; owner and meeting by name."""
    columns = (
        Column("Action", "long", 60),
        Column("Owner", width=22),
        Column("Status", width=11),
        Column("Due", "date", 12),
        Column("Raised at", "long", 34),
        Column("Raised on", "date", 12),
        Column("Closed", "date", 12),
        Column("Closing note", "long", 40),
        Column("Initiative", width=11),
        Column("Recurring", width=10),
        Column("Marking", width=11),
        Column("ID", width=30),
    )
    items = sorted(
        view.records.actions, key=lambda a: (a.status != "open", a.due or date.max, a.id)
    )
    rows = [
        (
            a.text,
            view.label(a.owner),
            a.status,
            a.due,
            view.label(a.raised_at) if a.raised_at else None,
            _raised_on(view, a),
            a.closed,
            a.closing_note,
            _initiative_number(view, a.initiative),
            a.recurring,
            marking(a),
            a.id,
        )
        for a in items
    ]
    return Table("actions", "Action items", columns, rows)


def _initiative_number(view: View, ref: str | None) -> str | None:
    item = view.records.get(Initiative, ref) if view.visible(ref) else None
    return item.number if item else None


def initiatives(view: View) -> Table:
    """Initiatives in item order, each with its latest update the audience may see."""
    columns = (
        Column("Item", width=7),
        Column("Title", "long", 50),
        Column("Theme", width=24),
        Column("Who", "long", 30),
        Column("Status", width=11),
        Column("Latest update", "date", 14),
        Column("Latest update text", "long", 70),
        Column("Updates", "int", 9),
        Column("Marking", width=11),
        Column("ID", width=30),
    )
    rows = []
    for item in view.records.initiatives:
        latest = max(item.updates, key=lambda u: u.date, default=None)
        rows.append(
            (
                item.number,
                item.title,
                view.label(item.theme) if view.visible(item.theme) else None,
                who_text(view, item),
                item.status,
                latest.date if latest else None,
                latest.text if latest else None,
                len(item.updates),
                marking(item),
                item.id,
            )
        )
    return Table("initiatives", "Initiatives", columns, rows)


def meetings(view: View) -> Table:
    """Meetings and periods of action in date order; no participants under the Rule."""
    columns = (
        Column("Title", "long", 50),
        Column("Type", width=22),
        Column("Group", width=12),
        Column("First day", "date", 12),
        Column("Last day", "date", 12),
        Column("Dates known to", width=10),
        Column("Location", width=28),
        Column("Chatham House", "bool", 10),
        Column("Cancelled", "bool", 10),
        Column("Participants", "long", 40),
        Column("Marking", width=11),
        Column("ID", width=30),
    )
    rows = []
    for m in view.records.meetings:
        first, last = meeting_span(m)
        rows.append(
            (
                m.title,
                m.type,
                view.label(m.group) if m.group else None,
                first,
                last,
                m.precision,
                m.location,
                m.chatham_house,
                m.cancelled,
                ", ".join(view.labels(m.participants)) or None,
                marking(m),
                m.id,
            )
        )
    return Table("meetings", "Meetings", columns, rows)


def terms(view: View) -> Table:
    """Co-chair terms of every group, by group, start and seat."""
    columns = (
        Column("Group", width=12),
        Column("Seat", "int", 6),
        Column("Co-chair", width=24),
        Column("Start", "date", 12),
        Column("End", "date", 12),
        Column("Extended to", "date", 12),
        Column("Decided at", "long", 34),
    )
    rows = [
        (
            group.label,
            t.seat,
            view.label(t.member),
            t.start,
            t.end,
            t.extension.until if t.extension else None,
            view.label(t.decided_at) if t.decided_at else None,
        )
        for group in view.records.groups
        for t in sorted(group.terms, key=lambda t: (t.start, t.seat))
    ]
    return Table("terms", "Co-chair terms", columns, rows)


def organisations(view: View) -> Table:
    """Organisations by id: members of the Ad Hoc Group and the bodies around it."""
    columns = (
        Column("Name", "long", 40),
        Column("Short name", width=14),
        Column("Type", width=22),
        Column("AHG member", "bool", 11),
        Column("Part of", width=20),
        Column("Country", width=16),
        Column("Marking", width=11),
        Column("ID", width=26),
    )
    rows = [
        (
            o.name,
            o.short_name,
            o.type,
            o.ahg_member,
            view.label(o.parent) if o.parent else None,
            view.label(o.country) if o.country else None,
            marking(o),
            o.id,
        )
        for o in view.records.organisations
    ]
    return Table("organisations", "Organisations", columns, rows)


KINDS: dict[str, Callable[[View], Table]] = {
    "actions": actions,
    "initiatives": initiatives,
    "meetings": meetings,
    "terms": terms,
    "organisations": organisations,
}


def table(view: View, kind: str) -> Table:
    """The table of one kind, or a one-line error naming the kinds there are."""
    build = KINDS.get(kind)
    if build is None:
        raise UserError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    return build(view)


def csv_bytes(view: View, kind: str) -> bytes:
    """One kind as CSV: UTF-8 with a byte-order mark (spreadsheets then read accents), ISO dates."""
    found = table(view, kind)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(c.header for c in found.columns)
    for row in found.rows:
        writer.writerow(
            "" if v is None else ("yes" if v is True else "no" if v is False else v) for v in row
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
