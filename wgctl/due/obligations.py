"""The one place obligations are computed: every group's duties, item updates and actions.

Input is an audience view (`wgctl.confidentiality.audience.for_audience`), so nothing an audience may not see
can become an obligation, a name or an id in any output built from the result.
"""

from __future__ import annotations

from datetime import date, timedelta

from wgctl.confidentiality.audience import View
from wgctl.due import duties, items
from wgctl.due.model import STATES, Obligation
from wgctl.errors import InputError
from wgctl.models import Group
from wgctl.report.groups import group_actions
from wgctl.roster.next_som import next_sitting

JUDGED_OUT = frozenset({"planned", "closed"})


def obligations(view: View, as_of: date, group_id: str | None = None) -> list[Obligation]:
    """Every obligation as of `as_of` (of one group when `group_id` is given), by date."""
    if group_id is not None and view.records.get(Group, group_id) is None:
        known = ", ".join(g.id for g in view.records.groups) or "none"
        raise InputError(f"unknown group {group_id!r} (groups: {known})")
    out: list[Obligation] = []
    for group in view.records.groups:
        if group.policy is None or group.status in JUDGED_OUT:
            continue
        if group_id is None or group.id == group_id:
            out += duties.group_duties(view, group, group.policy, as_of)
    sitting = next_sitting(view.records, "som", as_of)
    out += items.initiative_updates(
        view, sitting, as_of, _scope(_initiative_groups(view), group_id)
    )
    out += items.actions(view, as_of, _scope(_action_groups(view), group_id))
    return sorted(out, key=lambda o: (o.date, STATES.index(o.state), o.id))


def within(found: list[Obligation], as_of: date, days: int) -> list[Obligation]:
    """Obligations worth showing for a horizon of `days`: anything overdue, and the rest dated
    from `days` before `as_of` to `days` after it (so recent completions still show)."""
    horizon = timedelta(days=days)
    return [
        o for o in found if o.state == "overdue" or as_of - horizon <= o.date <= as_of + horizon
    ]


def _initiative_groups(view: View) -> dict[str, str | None]:
    return {item.id: item.group for item in view.records.initiatives}


def _action_groups(view: View) -> dict[str, str | None]:
    """Each action's group: the one that owns it, raised it or leads its initiative."""
    found: dict[str, str | None] = {a.id: None for a in view.records.actions}
    for group in view.records.groups:
        for action in group_actions(view, group):
            if found[action.id] is None:
                found[action.id] = group.id
    return found


def _scope(groups: dict[str, str | None], group_id: str | None) -> dict[str, str | None]:
    """Only the records of `group_id`, when one is asked for."""
    if group_id is None:
        return groups
    return {rid: g for rid, g in groups.items() if g == group_id}
