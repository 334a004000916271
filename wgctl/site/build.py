"""Build the site: every page rendered in memory first, then only changed files written.

All or nothing for errors: invalid records or a template error stop the build before any file
is written. Deterministic: no build time anywhere (the date is `as_of`), sorted everything, so
two builds of one commit for one audience are byte-identical. Files a previous build wrote
and this one does not are removed; nothing else in the folder is touched.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

import jinja2
from jinja2 import TemplateSyntaxError

from wgctl import dates
from wgctl.confidentiality.audience import View
from wgctl.due.items import last_som
from wgctl.errors import UserError
from wgctl.export import calendar
from wgctl.export.stamps import Stamps, record_stamps
from wgctl.files.atomic import write_atomic
from wgctl.models import Sensitivity
from wgctl.report.common import audience_context
from wgctl.report.produce import load_view
from wgctl.report.render import BUNDLED, environment
from wgctl.site import catalogue, pages
from wgctl.site.changes import Changes, recent_changes
from wgctl.site.dashboard import dashboard
from wgctl.site.links import Page
from wgctl.site.lookup import lookup
from wgctl.site.month_grid import calendar_page

MANIFEST = ".wgctl-site"
SEARCH_DIR = "pagefind"
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


@dataclass
class Built:
    """What a build did: files written, files left as they were, stale files removed."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


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


def render_site(repo: Path, view: View, as_of: date, changes: Changes) -> dict[str, bytes]:
    """Every file of the site except the search index, by path: pages, style, calendar feed."""
    env = environment("html", repo)
    common = {
        **audience_context(view),
        "as_of": dates.label(as_of),
        "nav": NAV,
        "feed": "meetings/meetings.ics",
        "since": changes.since,
    }
    files: dict[str, bytes] = {}
    for page in all_pages(view, as_of, changes):
        template = env.get_template(f"site/{page.template}.html.j2")
        context = {**common, **page.context, "root": page.root, "path": page.path}
        files[page.path] = template.render(**context).encode("utf-8")
    for name in STATIC:
        files[name] = _static(repo, name).read_bytes()
    meetings, name = calendar.select(view, None)
    files["meetings/meetings.ics"] = calendar.render(meetings, view, changes.stamps, name)
    return files


def _static(repo: Path, name: str) -> Path:
    """A static file of the site: the records repository's own under templates/site/, else ours."""
    own = repo / "templates" / "site" / name
    return own if own.is_file() else BUNDLED / "site" / name


def build_site(
    repo: Path, audience: Sensitivity, out: Path, as_of: date, *, force: bool = False
) -> Built:
    """Build the site for `audience` into `out`; only changed files are written."""
    _check_out(out)
    view = load_view(repo, audience, force=force)
    changes = changes_for(repo, view, as_of, record_stamps(repo))
    try:
        files = render_site(repo, view, as_of, changes)
    except jinja2.TemplateError as exc:  # one line, nothing written
        where = f"{exc.filename}:{exc.lineno}: " if isinstance(exc, TemplateSyntaxError) else ""
        raise UserError(f"site template error: {where}{exc.message}") from None
    try:
        out.mkdir(exist_ok=True)
        done = _write(out, files)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    if (
        any(rel.endswith(".html") for rel in done.written + done.removed)
        or not (out / SEARCH_DIR).is_dir()
    ):
        _index(out)
    return done


def _check_out(out: Path) -> None:
    """Refuse a folder that is not ours to fill: a file, a missing parent, a folder in use."""
    if out.exists() and not out.is_dir():
        raise UserError(f"--out {out}: is not a folder")
    if not out.exists() and not out.parent.is_dir():
        raise UserError(f"--out {out}: folder {out.parent} does not exist")
    if out.is_dir() and not (out / MANIFEST).is_file() and any(out.iterdir()):
        raise UserError(
            f"--out {out}: the folder has files and no earlier site in it; "
            "choose a new or empty folder"
        )


def changes_for(repo: Path, view: View, as_of: date, stamps: Stamps) -> Changes:
    """Record changes since the last SOM before `as_of` (since the start when there is none)."""
    som = last_som(view, as_of)
    if som is None:
        return recent_changes(repo, view.audience, date(1900, 1, 1), "the records began", stamps)
    since = f"the {som.title} ({dates.label(som.start, som.precision)})"
    return recent_changes(repo, view.audience, som.start, since, stamps)


def _write(out: Path, files: dict[str, bytes]) -> Built:
    done = Built()
    manifest = out / MANIFEST
    before = manifest.read_text("utf-8").split() if manifest.is_file() else []
    for rel, data in sorted(files.items()):
        path = out / rel
        if path.is_file() and path.read_bytes() == data:
            done.unchanged.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, durable=False)
        done.written.append(rel)
    for rel in sorted(set(before) - set(files)):
        if _inside(rel):  # the manifest is a file in the output: never trust it with a path out
            (out / rel).unlink(missing_ok=True)
            done.removed.append(rel)
    write_atomic(manifest, "".join(f"{r}\n" for r in sorted(files)).encode(), durable=False)
    return done


def _inside(rel: str) -> bool:
    path = PurePosixPath(rel)
    return not path.is_absolute() and ".." not in path.parts and bool(path.parts)


def _index(out: Path) -> None:
    """The client-side search index, by pagefind (a well-kept tool), into `out/pagefind/`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(out), "--silent"]
    command += ["--output-subdir", SEARCH_DIR, "--force-language", "en"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        first = (result.stderr or result.stdout).strip().splitlines()
        raise UserError(f"search index: pagefind failed: {first[0] if first else 'no output'}")
