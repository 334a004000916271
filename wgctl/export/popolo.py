"""The records of one audience in the Popolo data specification (popoloproject.com, v1.0).

Persons are the nominated officials (never in a public export: the view has none), organizations
are the organisations and the groups, posts are each group's co-chair seats, memberships say
which member holds a seat when (and which officials a member nominated), events are meetings.
Dates known only to the month or year are written `YYYY-MM` or `YYYY`, as Popolo allows.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.export.calendar import CHATHAM, kind_label
from wgctl.models import Group, Meeting, Organisation, Person
from wgctl.models.base import Precision

Item = dict[str, Any]


def _date(day: date | None, precision: Precision = "day") -> str | None:
    """ISO date cut to what is known, or None when there is no date."""
    return dates.iso(day, precision) if day else None


def _organization(org: Organisation | Group, view: View, classification: str) -> Item:
    item: Item = {"id": org.id, "name": org.name, "classification": classification}
    if org.short_name:
        item["other_names"] = [{"name": org.short_name, "note": "short name"}]
    if org.parent and view.visible(org.parent):
        item["parent_id"] = org.parent
    return item


def organizations(view: View) -> list[Item]:
    """Organisations (classified by type) and groups (classified `working-group`)."""
    out = [_organization(o, view, o.type) for o in view.records.organisations]
    out += [_organization(g, view, "working-group") for g in view.records.groups]
    return sorted(out, key=lambda item: item["id"])


def post_id(group: Group, seat: int) -> str:
    """A co-chair seat's stable id: `dwg-co-chair-1`."""
    return f"{group.id}-co-chair-{seat}"


def posts(view: View) -> list[Item]:
    """Each group's co-chair seats, as its terms of reference set them."""
    out = []
    for group in view.records.groups:
        if group.policy is None:
            continue
        for seat in range(1, group.policy.seats + 1):
            label = f"{group.label} co-chair (seat {seat})"
            item = {"id": post_id(group, seat), "label": label, "role": "Co-chair"}
            out.append({**item, "organization_id": group.id})
    return out


def _member(ref: str) -> Item:
    return {"@type": "Organization", "id": ref}


def memberships(view: View) -> list[Item]:
    """Co-chair terms (a member in a seat), listed group members, and officials' nominations."""
    out: list[Item] = []
    for group in view.records.groups:
        for t in sorted(group.terms, key=lambda t: (t.start, t.seat)):
            if not view.visible(t.member):
                continue  # the seat is public, who held it is not for this audience
            out.append(
                {
                    "id": f"{post_id(group, t.seat)}-{t.start.isoformat()}",
                    "role": "Co-chair",
                    "member": _member(t.member),
                    "organization_id": group.id,
                    "post_id": post_id(group, t.seat),
                    "start_date": _date(t.start),
                    "end_date": _date(t.effective_end),
                }
            )
        listed = group.policy.members if group.policy else []
        for m in dict.fromkeys(listed):
            if view.visible(m):
                item = {"id": f"{group.id}-member-{m}", "role": "member", "member": _member(m)}
                out.append({**item, "organization_id": group.id})
    for person in view.records.of(Person):
        for group_id in person.groups:
            if view.visible(group_id):
                out.append(
                    {
                        "id": f"{person.id}-in-{group_id}",
                        "role": person.role or "nominated official",
                        "person_id": person.id,
                        "organization_id": group_id,
                        "on_behalf_of_id": person.member if view.visible(person.member) else None,
                    }
                )
    return out


def persons(view: View) -> list[Item]:
    """Nominated officials: name only (clearances and handles never leave the records)."""
    return [{"id": p.id, "name": p.name} for p in view.records.of(Person)]


def event(meeting: Meeting, view: View) -> Item:
    """A meeting: name, kind, dates as precise as known, place, status, organising group."""
    notes = [f"{kind_label(meeting)}."]
    if meeting.chatham_house:
        notes.append(f"Held under the {CHATHAM}.")
    item: Item = {
        "id": meeting.id,
        "name": meeting.title,
        "description": " ".join(notes),
        "classification": meeting.type,
        "start_date": _date(meeting.start, meeting.precision),
        "end_date": _date(meeting.last_day, meeting.precision),
        "status": "cancelled" if meeting.cancelled else "confirmed",
    }
    if meeting.location:
        item["location"] = meeting.location
    if meeting.group and view.visible(meeting.group):
        item["organization_id"] = meeting.group
    return item


def document(view: View) -> bytes:
    """The Popolo JSON document: persons, organizations, posts, memberships, events."""
    data = {
        "persons": persons(view),
        "organizations": organizations(view),
        "posts": posts(view),
        "memberships": memberships(view),
        "events": [event(m, view) for m in view.records.meetings],
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
