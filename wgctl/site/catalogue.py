"""Initiative and organisation pages: the board by theme and status, filters, roles over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.models import Initiative, Organisation
from wgctl.models.initiative import Status
from wgctl.report.common import figure_text, footnotes_of, update_context
from wgctl.report.progress import who_text
from wgctl.site import svg
from wgctl.site.changes import Changes
from wgctl.site.links import Page, link, named
from wgctl.site.lookup import Lookup
from wgctl.site.pages import action_row

STATUSES: tuple[Status, ...] = ("planned", "ongoing", "completed", "dormant", "closed")


def _card(view: View, item: Initiative) -> dict[str, Any]:
    return {
        **named(view, item.id),
        "number": item.number,
        "title": item.title,
        "status": item.status,
        "who": who_text(view, item),
    }


def _parties(view: View) -> list[str]:
    """Visible parties named as "who" of some visible initiative, by id."""
    found = {w.party for i in view.records.initiatives for w in i.who if w.party}
    return sorted(p for p in found if view.visible(p))


def initiative_pages(view: View) -> list[Page]:
    """The board, one page per status and per party (filters without script), one per item."""
    items = view.records.initiatives
    statuses = [s for s in STATUSES if any(i.status == s for i in items)]
    filters = {
        "statuses": [{"name": s, "href": f"initiatives/status-{s}.html"} for s in statuses],
        "parties": [
            {"name": view.label(p), "href": f"initiatives/who-{p}.html"} for p in _parties(view)
        ],
    }
    pages = [_board(view, "initiatives/index.html", "Initiatives", items, filters)]
    for status in statuses:
        chosen = [i for i in items if i.status == status]
        title = f"Initiatives: {status}"
        pages.append(_board(view, f"initiatives/status-{status}.html", title, chosen, filters))
    for party in _parties(view):
        chosen = [i for i in items if any(w.party == party for w in i.who)]
        title = f"Initiatives: {view.label(party)}"
        pages.append(_board(view, f"initiatives/who-{party}.html", title, chosen, filters))
    return pages


def _board(
    view: View, path: str, title: str, items: list[Initiative], filters: dict[str, Any]
) -> Page:
    themes = []
    for theme in view.records.themes:
        mine = [i for i in items if i.theme == theme.id]
        if mine:
            columns = [(s, [_card(view, i) for i in mine if i.status == s]) for s in STATUSES]
            themes.append({"title": f"{theme.number}. {theme.title}", "columns": columns})
    return Page(path, "initiatives", {"title": title, "themes": themes, "filters": filters})


def initiative_page(
    view: View, item: Initiative, as_of: date, changes: Changes, found: Lookup
) -> Page:
    """One initiative: who, status, dated updates as a timeline, and its figures."""
    # Newest first by date: a record keeps its updates in its source's order, not always by date.
    dated = sorted(item.updates, key=lambda u: u.date)
    updates = [update_context(u) for u in dated]
    points = [
        (u.date, f"{dates.label(u.date, u.precision)}: {u.status or 'update'}")
        for u in item.updates
    ]
    figures = [(f"{f.name} ({u.date.year})", f.value) for u in item.updates for f in u.figures]
    desc_updates = "; ".join(label for _, label in sorted(points))
    desc_figures = "; ".join(figure_text(f) for u in item.updates for f in u.figures)
    return Page(
        f"initiatives/{item.id}.html",
        "initiative",
        {
            "title": f"{item.number} {item.title}",
            "item": _card(view, item),
            "theme": _theme(view, item),
            "group": named(view, item.group) if item.group else None,
            "updates": list(reversed(updates)),
            "footnotes": footnotes_of(updates),
            "timeline": svg.dots(f"upd-{item.id}", f"{item.number}: updates", points, desc_updates),
            "chart": svg.bars(f"fig-{item.id}", f"{item.number}: figures", figures, desc_figures),
            "actions": [action_row(view, a, as_of) for a in found.on_initiative.get(item.id, [])],
            "history": changes.history(item.path),
        },
    )


def _theme(view: View, item: Initiative) -> str:
    theme = next((t for t in view.records.themes if t.id == item.theme), None)
    return f"{theme.number}. {theme.title}" if theme else ""


def organisation_pages(view: View, as_of: date, changes: Changes, found: Lookup) -> list[Page]:
    """The list of organisations, and each one's roles over time."""
    orgs = view.records.organisations
    index = Page(
        "organisations/index.html",
        "organisations",
        {
            "title": "Organisations",
            "organisations": [
                {**named(view, o.id), "type": o.type.replace("-", " "), "member": o.ahg_member}
                for o in orgs
            ],
        },
    )
    return [index, *(_organisation(view, o, as_of, changes, found) for o in orgs)]


def _organisation(
    view: View, org: Organisation, as_of: date, changes: Changes, found: Lookup
) -> Page:
    nominations = [
        {"group": named(view, g.id), "year": n.year, "withdrawn": n.withdrawn}
        for g in view.records.groups
        for n in g.nominations
        if n.member == org.id
    ]
    initiatives = [_card(view, i) for i in found.led_by.get(org.id, [])]
    meetings = [
        {**named(view, m.id), "when": dates.range_label(m.start, m.end, m.precision)}
        for m in found.with_party.get(org.id, [])
    ]
    return Page(
        f"organisations/{org.id}.html",
        "organisation",
        {
            "title": org.name,
            "org": org,
            "parent": named(view, org.parent) if org.parent else None,
            "terms": _terms_of(view, org),
            "nominations": nominations,
            "initiatives": initiatives,
            "meetings": meetings,
            "actions": [action_row(view, a, as_of) for a in found.owned_by.get(org.id, [])],
            "history": changes.history(org.path),
            "link": link(view, org.id),
        },
    )


def _terms_of(view: View, org: Organisation) -> list[dict[str, Any]]:
    """An organisation's co-chair terms in every group, in date order."""
    return [
        {
            "group": named(view, g.id),
            "seat": t.seat,
            "when": f"{dates.label(t.start)} to {dates.label(t.effective_end)}",
            "extended": t.extension is not None,
        }
        for g in view.records.groups
        for t in sorted(g.terms, key=lambda t: t.start)
        if t.member == org.id
    ]
