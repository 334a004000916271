"""Render the site: every page and file in memory, from the audience's view; the search index.

Deterministic: no build time anywhere (the date is `as_of`), sorted everything, so two renders
of one commit for one audience give the same bytes.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.due.items import last_som
from wgctl.errors import UserError
from wgctl.export import calendar
from wgctl.export.stamps import Stamps
from wgctl.models import Meeting
from wgctl.report.common import audience_context
from wgctl.report.render import BUNDLED, environment
from wgctl.site import catalogue, pages
from wgctl.site.build import template_folders
from wgctl.site.changes import Changes, recent_changes
from wgctl.site.dashboard import dashboard
from wgctl.site.links import Page
from wgctl.site.lookup import lookup
from wgctl.site.manifest import SEARCH_DIR, Manifest
from wgctl.site.memo import Memo, Rendered, render_key
from wgctl.site.month_grid import calendar_page
from wgctl.site.record_history import record_histories

NAV = (
    ("index.html", "Dashboard"),
    ("initiatives/index.html", "Initiatives"),
    ("meetings/index.html", "Meetings"),
    ("meetings/calendar.html", "Calendar"),
    ("actions/index.html", "Actions"),
    ("organisations/index.html", "Organisations"),
    ("history/index.html", "History"),
    ("search/index.html", "Search"),
)
STATIC = ("style.css", "favicon.svg")
FEED = "meetings/meetings.ics"
# The pages search finds: one per record. Lists, boards and calendars only repeat them, and
# leaving them out of the index makes it smaller and quicker to build.
SEARCHED = frozenset({"group", "meeting", "initiative", "organisation"})


def all_pages(view: View, as_of: date, changes: Changes) -> list[Page]:
    """Every HTML page of the site for this view."""
    found = lookup(view)
    out = [
        dashboard(view, as_of, changes),
        pages.meetings_index(view, found),
        calendar_page(view, found, as_of),
        pages.actions_page(view, as_of, found),
        Page(
            "history/index.html",
            "history",
            {"title": "History", "changes": changes.recent, "hidden": changes.hidden},
        ),
        Page("search/index.html", "search", {"title": "Search"}),
    ]
    out += [pages.group_page(view, g, as_of, changes) for g in view.records.groups]
    out += [pages.meeting_page(view, m, as_of, changes, found) for m in found.meetings]
    out += catalogue.initiative_pages(view)
    out += [catalogue.initiative_page(view, i, as_of, changes, found) for i in found.initiatives]
    out += catalogue.organisation_pages(view, as_of, changes, found)
    return out


def render_site(
    repo: Path,
    view: View,
    as_of: date,
    changes: Changes,
    earlier: tuple[Path, Manifest] | None = None,
) -> Rendered:
    """Every file of the site except the search index, by path: pages, style, calendar feed.

    With an earlier build (its folder and manifest), a page or feed whose inputs are those of
    its file there is not rendered again (`memo`).
    """
    env = environment("html", repo)
    common = {
        **audience_context(view),
        "as_of": dates.label(as_of),
        "nav": NAV,
        "feed": FEED,
        "since": changes.since,
    }
    out, before = earlier or (None, Manifest())
    memo = Memo(out, before, render_key(common, template_folders(repo)))
    done = Rendered()
    for page in all_pages(view, as_of, changes):
        template = env.get_template(f"site/{page.template}.html.j2")
        context = {**common, **page.context, "root": page.root, "path": page.path}
        context["searchable"] = page.template in SEARCHED
        make = functools.partial(_page, template, context)
        memo.produce(done, page.path, (page.template, page.context), make)
    for name in STATIC:
        done.files[name] = _static(repo, name).read_bytes()
    meetings, name = calendar.select(view, None)
    feed = functools.partial(calendar.render, meetings, view, changes.stamps, name)
    memo.produce(done, FEED, _feed_inputs(meetings, view, changes.stamps, name), feed)
    return done


def _page(template: jinja2.Template, context: dict[str, Any]) -> bytes:
    return template.render(**context).encode("utf-8")


def _feed_inputs(meetings: list[Meeting], view: View, stamps: Stamps, name: str) -> Any:
    """Everything the calendar feed is made of (see export.calendar.event)."""
    rows = [
        (m, calendar.description(m, view), stamps.modified(m.path), stamps.sequence(m.path))
        for m in meetings
    ]
    return (rows, stamps.head, name)


def _static(repo: Path, name: str) -> Path:
    """A static file of the site: the records repository's own under templates/site/, else ours."""
    own = repo / "templates" / "site" / name
    return own if own.is_file() else BUNDLED / "site" / name


def changes_for(repo: Path, view: View, as_of: date, stamps: Stamps) -> Changes:
    """Record changes since the last SOM before `as_of` (since the start when there is none),
    and each record page's history."""
    som = last_som(view, as_of)
    if som is None:
        found = recent_changes(repo, view.audience, date(1900, 1, 1), "the records began", stamps)
    else:
        since = f"the {som.title} ({dates.label(som.start, som.precision)})"
        found = recent_changes(repo, view.audience, som.start, since, stamps)
    found.histories = record_histories(repo, view)
    return found


def index(out: Path) -> None:
    """The client-side search index, by pagefind (a well-kept tool), into `out/pagefind/`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(out), "--silent"]
    command += ["--output-subdir", SEARCH_DIR, "--force-language", "en"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        first = (result.stderr or result.stdout).strip().splitlines()
        raise UserError(f"search index: pagefind failed: {first[0] if first else 'no output'}")
