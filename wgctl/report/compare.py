"""This progress report against the previous one: what changed status, what is new, what went quiet.

The previous report is the one written for the previous SOM: its period ends the day before
this one begins (or on `--previous`). An item's status on a day is the status of its last update
dated by then that states one, else its recorded status. New: no update before this period and
one in it. Quiet: updates in the previous period, none in this one.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.errors import UserError
from wgctl.models import Initiative
from wgctl.report.common import audience_context
from wgctl.report.profile import NEUTRAL, Profile
from wgctl.report.progress import Period, in_period, resolve_period

EARLIEST = date(1900, 1, 1)


def build(
    view: View,
    until: date,
    since: str | None = None,
    previous: date | None = None,
    profile: Profile = NEUTRAL,
) -> dict[str, Any]:
    """Three lists of items, each with its number, title and status then and now."""
    now = resolve_period(view, until, since)
    then_end = previous or now.start - timedelta(days=1)
    try:
        then = resolve_period(view, then_end, None)
    except UserError:  # no SOM before it: the previous report covered everything before
        then = Period(EARLIEST, then_end, dates.label(EARLIEST), since_som=False)
    changed, new, quiet = [], [], []
    for item in view.records.initiatives:
        row = _row(item, then.end, now.end)
        active_now = any(in_period(view, u, now) for u in item.updates)
        if row["then"] != row["now"]:
            changed.append(row)
        if active_now and not any(dates.update_span(u)[0] <= then.end for u in item.updates):
            new.append(row)
        if not active_now and any(in_period(view, u, then) for u in item.updates):
            quiet.append(row)
    month = dates.month_label
    return {
        "title": " ".join(
            filter(None, (profile.body, f"Progress Report: {month(until)}, compared"))
        ),
        "now": f"{dates.label(now.start)} to {dates.label(now.end)}",
        "then": f"{dates.label(then.start)} to {dates.label(then.end)}"
        if then.start != EARLIEST
        else f"up to {dates.label(then.end)}",
        "changed": changed,
        "new": new,
        "quiet": quiet,
        **audience_context(view, profile),
    }


def status_on(item: Initiative, day: date) -> str:
    """The status of the last update dated by `day` that states one, else the item's status."""
    stated = [u for u in item.updates if u.status and dates.update_span(u)[0] <= day]
    return stated[-1].status or item.status if stated else item.status


def _row(item: Initiative, then: date, now: date) -> dict[str, str]:
    return {
        "number": item.number,
        "title": item.title,
        "then": status_on(item, then),
        "now": status_on(item, now),
    }
