"""WG501/WG503: action items are closed consistently and not left overdue.

- WG503 (error): a `closed` item has a `closed` date; an `open` one has none.
- WG501 (warning): an `open` item whose `due` date is before today. Recurring (`annual`) items
  are not judged: their due date is the first of many, and no record says which year was done.
"""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, each, problem
from wgctl.errors import Problem
from wgctl.models import ActionItem
from wgctl.records import Records

SUBJECTS = (ActionItem,)


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report inconsistent closing fields and overdue open items."""
    return each(records, context, check_record, SUBJECTS)


def check_record(action: ActionItem, records: Records, context: CheckContext) -> Iterator[Problem]:
    """One action item's closing fields and due date."""
    if action.status == "closed" and action.closed is None:
        msg = "status is 'closed' but there is no `closed` date"
        yield problem(action, ("status",), "WG503", msg)
    elif action.status == "open" and action.closed is not None:
        msg = f"status is 'open' but a `closed` date is set ({action.closed})"
        yield problem(action, ("closed",), "WG503", msg)
    due = action.due
    if action.status == "open" and action.recurring is None and due and due < context.today:
        msg = f"still open after its due date ({due})"
        yield problem(action, ("due",), "WG501", msg)
