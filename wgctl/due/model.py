"""An obligation: what someone owes by a date, why, and whether the records show it done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal, TypedDict

from wgctl.confidentiality.audience import View
from wgctl.models import Group

State = Literal["upcoming", "due", "overdue", "done"]
STATES: tuple[State, ...] = ("overdue", "due", "upcoming", "done")

# An obligation is "due" (rather than merely upcoming) when its date is this close: a month
# leaves time to nominate, draft a report or call a meeting.
DUE_WINDOW = timedelta(days=30)


class Reason(TypedDict):
    """Why an obligation exists: a citation, and the clause's words when they are on record."""

    why: str
    quote: str


@dataclass(frozen=True)
class Obligation:
    """One obligation; `id` is stable across runs so calendars and issue trackers update in place.

    `rule` is the existing validation rule code an overdue obligation corresponds to (WG501 for
    an action, WG301-WG303 for the terms of reference's duties), so `due` and `validate` agree.
    """

    id: str
    kind: str
    group: str | None
    date: date
    what: str
    owed_by: str
    why: str
    state: State
    estimated: bool = False
    done_by: str | None = None
    rule: str | None = None
    path: str = ""
    owner_ids: tuple[str, ...] = ()
    quote: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data with stable keys, for JSON and the dashboard."""
        return {
            "id": self.id,
            "kind": self.kind,
            "group": self.group,
            "date": self.date.isoformat(),
            "estimated": self.estimated,
            "what": self.what,
            "owed_by": self.owed_by,
            "why": self.why,
            "quote": self.quote,
            "state": self.state,
            "done_by": self.done_by,
            "rule": self.rule if self.state == "overdue" else None,
            "record": self.path,
        }


def state_of(day: date, as_of: date, *, done: bool) -> State:
    """Done when a record shows it; else overdue before `as_of`, due within the window, upcoming."""
    if done:
        return "done"
    if day < as_of:
        return "overdue"
    return "due" if day - as_of <= DUE_WINDOW else "upcoming"


def co_chairs(view: View, group: Group, day: date) -> tuple[str, tuple[str, ...]]:
    """Who owes a group's duty on `day`: its co-chairs in office, named as the audience may see."""
    members = tuple(
        t.member
        for t in sorted(group.terms, key=lambda t: t.seat)
        if t.start <= day <= t.effective_end
    )
    if not members:
        return "co-chairs (none recorded in office)", ()
    names = ", ".join(view.labels(members))
    return f"co-chairs ({names})", tuple(m for m in members if view.visible(m))


def clause(group: Group, key: str, fallback: str) -> Reason:
    """`why` and `quote` fields: the terms of reference's clause `key` (cited, and quoted), or
    the policy field that stands for it when the clause is not transcribed."""
    text = group.policy.clauses.get(key) if group.policy else None
    if text:
        return {"why": f"ToR clause '{key}' ({fallback})", "quote": text}
    return {"why": f"policy field {fallback}", "quote": ""}


def when(o: Obligation) -> str:
    """The date, marked when it is an estimate."""
    return o.date.isoformat() + (" (estimate)" if o.estimated else "")


def state_text(o: Obligation) -> str:
    """`overdue [WG501]`, `done (record-id)`."""
    if o.state == "done" and o.done_by:
        return f"done ({o.done_by})"
    if o.state == "overdue" and o.rule:
        return f"overdue [{o.rule}]"
    return o.state
