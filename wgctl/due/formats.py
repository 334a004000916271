"""Obligations as Markdown, JSON (stable keys) and iCalendar to-dos (the text table is the command's).

Every renderer takes the list `obligations()` built from an audience view: they add no record
data of their own, so they can show nothing the audience may not see.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from wgctl.due.model import Obligation, state_text, when
from wgctl.markdown import md_escape
from wgctl.models import Sensitivity

COLUMNS = ("Date", "State", "What", "Owed by", "Why", "Id")
UID_DOMAIN = "wgctl"
PRODID = "-//wgctl//obligations//EN"
# A reminder a week before, so a to-do announces itself in time to act.
ALARM_BEFORE = timedelta(days=7)
_CLASS = {
    Sensitivity.PUBLIC: "PUBLIC",
    Sensitivity.MEMBERS: "PRIVATE",
    Sensitivity.RESTRICTED: "CONFIDENTIAL",
}


def row(o: Obligation) -> tuple[str, ...]:
    """One obligation as the table's cells."""
    return (when(o), state_text(o), o.what, o.owed_by, o.why, o.id)


def summary(found: list[Obligation]) -> str:
    """`3 overdue, 2 due, 5 upcoming, 4 done`."""
    counts = {s: sum(1 for o in found if o.state == s) for s in ("overdue", "due", "upcoming")}
    done = sum(1 for o in found if o.state == "done")
    return ", ".join(f"{n} {s}" for s, n in counts.items()) + f", {done} done"


def to_markdown(found: list[Obligation], as_of: date, audience: Sensitivity) -> str:
    """A Markdown table; every cell escaped (one line, no markup from record text)."""
    lines = [
        f"# Obligations as of {as_of}",
        "",
        f"Audience: {audience.value}. {summary(found)}.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    lines += ["| " + " | ".join(md_escape(c) for c in row(o)) + " |" for o in found]
    return "\n".join(lines) + "\n"


def to_json(found: list[Obligation], as_of: date, audience: Sensitivity, group: str | None) -> str:
    """One document: when, for whom, and each obligation with its stable keys."""
    doc: dict[str, Any] = {
        "as_of": as_of.isoformat(),
        "audience": audience.value,
        "group": group,
        "obligations": [o.to_dict() for o in found],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def to_ics(found: list[Obligation], audience: Sensitivity, stamp: datetime, name: str) -> str:
    """VTODOs with a VALARM each; UID `<obligation id>@wgctl` so a re-import updates, never duplicates."""
    from icalendar import Alarm, Calendar, Todo  # noqa: PLC0415 - only `--format ics` pays for it

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for o in found:
        todo = Todo()
        todo.add("uid", f"{o.id}@{UID_DOMAIN}")
        todo.add("dtstamp", stamp)
        todo.add("due", o.date)
        todo.add("summary", o.what + (" (date estimated)" if o.estimated else ""))
        todo.add("description", f"Owed by: {o.owed_by}\nWhy: {o.why}\nState: {state_text(o)}")
        todo.add("categories", [o.kind])
        todo.add("class", _CLASS[audience])
        todo.add("status", "COMPLETED" if o.state == "done" else "NEEDS-ACTION")
        if o.state != "done":
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", o.what)
            alarm.add("trigger", -ALARM_BEFORE)
            todo.add_component(alarm)
        cal.add_component(todo)
    data: bytes = cal.to_ical()
    return data.decode("utf-8")
