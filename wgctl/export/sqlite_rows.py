"""The rows of every table of the SQLite export, from one audience view (see `sqlite`)."""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.confidentiality.audience import View
from wgctl.dates import meeting_span
from wgctl.export import sqlite_schema as s
from wgctl.report.progress import who_text

Rows = dict[str, list[s.Row]]


def _groups(view: View, out: Rows) -> None:
    for g in view.records.groups:
        out["groups"].append(s.row(view, s.GROUPS, g))
        listed = g.policy.members if g.policy else []
        out["group_members"] += [
            {"group_id": g.id, "organisation_id": m}
            for m in dict.fromkeys(listed)
            if view.visible(m)
        ]
        for t in g.terms:
            until = t.extension.until.isoformat() if t.extension else None
            out["terms"].append(s.row(view, s.TERMS, t, group_id=g.id, extended_until=until))
        out["nominations"] += [s.row(view, s.NOMINATIONS, n, group_id=g.id) for n in g.nominations]


def _meetings(view: View, out: Rows) -> None:
    for m in view.records.meetings:
        first, last = meeting_span(m)
        days = {"first_day": first.isoformat(), "last_day": last.isoformat()}
        out["meetings"].append(s.row(view, s.MEETINGS, m, **days))
        out["meeting_participants"] += [
            {"meeting_id": m.id, "party_id": p}
            for p in dict.fromkeys(m.participants)
            if view.visible(p)
        ]
        out["meeting_attendees"] += [
            {"meeting_id": m.id, "person_id": p}
            for p in dict.fromkeys(m.attendees)
            if view.visible(p)
        ]
        for n, text in enumerate(m.agenda, 1):
            out["agenda_items"].append({"meeting_id": m.id, "position": n, "text": text})
        for n, text in enumerate(m.outcomes, 1):
            out["outcomes"].append({"meeting_id": m.id, "position": n, "text": text})
        for n, d in enumerate(m.decisions, 1):
            marking = (d.sensitivity or m.sensitivity).value
            out["decisions"].append(
                s.row(view, s.DECISIONS, d, meeting_id=m.id, position=n, sensitivity=marking)
            )


def _initiatives(view: View, out: Rows) -> None:
    out["themes"] += [s.row(view, s.THEMES, t) for t in view.records.themes]
    for i in view.records.initiatives:
        out["initiatives"].append(s.row(view, s.INITIATIVES, i, who=who_text(view, i)))
        for n, w in enumerate(i.who, 1):
            shown = w.qualifier if w.party and view.visible(w.party) else None
            out["initiative_who"].append(
                s.row(view, s.WHO, w, initiative_id=i.id, position=n, qualifier=shown)
            )
        for n, u in enumerate(i.updates, 1):
            marking = (u.sensitivity or i.sensitivity).value
            out["updates"].append(
                s.row(view, s.UPDATES, u, initiative_id=i.id, position=n, sensitivity=marking)
            )


def _sources(view: View) -> Iterator[s.Row]:
    for record in sorted(view.records, key=lambda r: (r.kind, r.id)):
        for n, src in enumerate(record.sources, 1):
            yield {
                "kind": record.kind,
                "record_id": record.id,
                "position": n,
                "document_id": src.document,
                "section": src.section,
            }


def rows(view: View) -> Rows:
    """Every table's rows, by table name."""
    out: Rows = {spec.name: [] for spec in s.ORDER}
    out["organisations"] = [s.row(view, s.ORGS, o) for o in view.records.organisations]
    out["people"] = [s.row(view, s.PEOPLE, p) for p in view.records.people]
    _groups(view, out)
    _meetings(view, out)
    _initiatives(view, out)
    out["documents"] = [s.row(view, s.DOCUMENTS, d) for d in view.records.documents]
    out["actions"] = [s.row(view, s.ACTIONS, a) for a in view.records.actions]
    out["sources"] = list(_sources(view))
    return out
