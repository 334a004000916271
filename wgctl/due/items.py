"""Obligations of single records: progress-report items to update, action items to deliver."""

from __future__ import annotations

from datetime import date

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.due.model import Obligation, state_of
from wgctl.governance.terms import add_years
from wgctl.models import ActionItem, Meeting
from wgctl.roster.next_som import Sitting

LIVE = frozenset({"planned", "ongoing"})


def last_som(view: View, as_of: date) -> Meeting | None:
    """The last SOM that ended before `as_of`: progress is reported since it."""
    held = [m for m in view.records.meetings if m.type == "som" and m.last_day < as_of]
    return held[-1] if held else None


def initiative_updates(
    view: View, sitting: Sitting, as_of: date, groups: dict[str, str | None]
) -> list[Obligation]:
    """Each live item of the progress report without an update since the last SOM.

    The update is owed to the next SOM's progress report; `groups` maps an initiative id to the
    group it counts under (None: no group).
    """
    previous = last_som(view, as_of)
    since = dates.span(previous.start, previous.precision)[0] if previous else date.min
    after = f"since {previous.title}" if previous else "on record"
    out = []
    for item in view.records.initiatives:
        if item.status not in LIVE or item.id not in groups:
            continue
        fresh = [u for u in item.updates if since <= u.date <= as_of]
        parties = [w.party for w in item.who if w.party]
        owed_by = ", ".join(view.labels(parties)) if parties else view.label(item.group)
        out.append(
            Obligation(
                id=f"update-{item.id}-{sitting.date.year}",
                kind="initiative-update",
                group=groups[item.id],
                date=sitting.date,
                what=f"Update item {item.number} ({_short(item.title)}) for the progress report",
                owed_by=owed_by,
                why=f"progress report: status of each item {after}",
                state=state_of(sitting.date, as_of, done=bool(fresh)),
                estimated=sitting.estimated,
                done_by=item.id if fresh else None,
                path=item.path,
                owner_ids=tuple(p for p in parties if view.visible(p)),
            )
        )
    return out


def _short(title: str, limit: int = 60) -> str:
    """A long item title cut at a word, so a table row stays readable."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0] + "..."


def actions(view: View, as_of: date, groups: dict[str, str | None]) -> list[Obligation]:
    """Each action item with a due date; open past its date is overdue (WG501)."""
    out = []
    for action in view.records.actions:
        if action.due is None or action.id not in groups:
            continue
        out.append(_action(view, action, as_of, groups[action.id]))
    return out


def _action(view: View, action: ActionItem, as_of: date, group: str | None) -> Obligation:
    raised = view.records.get(Meeting, action.raised_at)
    why = (
        f"raised at {raised.title} ({dates.label(raised.start, raised.precision)})"
        if raised
        else "action item"
    )
    day = action.due or as_of
    rule: str | None = "WG501"
    if action.status == "open" and action.recurring == "annual":
        # The next occurrence: no record says which year was done, so never overdue (as WG501).
        years = 0
        while add_years(day, years) < as_of:
            years += 1
        day, rule = add_years(day, years), None
    # Judged as of `as_of`: an item closed later was still open then.
    done = action.status != "open" and (action.closed is None or action.closed <= as_of)
    return Obligation(
        id=f"action-{action.id}",
        kind="action",
        group=group,
        date=day,
        what=f"{action.text} ({action.status})" if done else action.text,
        owed_by=view.label(action.owner),
        why=why,
        state=state_of(day, as_of, done=done),
        done_by=action.id if done else None,
        rule=rule,
        path=action.path,
        owner_ids=(action.owner,) if view.visible(action.owner) else (),
    )
