"""From a repository to report bytes: validate, filter for the audience, build, render."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from wgctl.confidentiality.audience import View, for_audience
from wgctl.errors import UserError
from wgctl.models import Sensitivity
from wgctl.report import (
    actions,
    annual,
    compare,
    meeting,
    nominations,
    oral,
    progress,
    sompack,
)
from wgctl.report.common import audience_context
from wgctl.report.cover import cover, records_version
from wgctl.report.profile import load_profile
from wgctl.usable import valid_records

FORMATS = ("md", "html", "docx", "pdf")
BUILDERS: dict[str, Callable[..., dict[str, Any]]] = {
    "progress": progress.build,
    "annual": annual.build,
    "oral": oral.build,
    "actions": actions.build,
    "meeting": meeting.build,
    "nominations": nominations.build,
    "compare": compare.build,
    "som-pack": sompack.build,
}
# The builders whose standing wording comes from the repository's profile.
WORDED = {"progress", "annual", "oral", "compare"}


def load_view(repo: Path, audience: Sensitivity, *, force: bool = False) -> View:
    """The records of a valid repository as `audience` may see them (R19, R20).

    Over an unchanged tree the filter's output of the last run is used again (it was kept only
    after the same validation passed, wgctl.files.viewcache), its records read as used.
    """
    from wgctl.files import viewcache  # noqa: PLC0415 - git and SQLite only when reporting

    key = viewcache.view_key(repo, audience.value, force, today())
    kept = viewcache.get(repo, key) if key else None
    if kept is not None:
        records, (ids, hidden) = kept
        return View(records, audience, ids, hidden)
    hint = "--force renders the valid records only"
    records = valid_records(repo, "not rendering", force=force, force_hint=hint)
    view = for_audience(records, audience)
    if key:
        viewcache.put(repo, key, view.records, (view.ids, view.hidden))
    return view


def render_report(
    view: View,
    report: str,
    fmt: str,
    params: dict[str, Any],
    *,
    repo: Path | None = None,
    template: Path | None = None,
) -> bytes:
    """Build the report's context from the filtered view and render it to `fmt`."""
    from wgctl.report.render import render, template_file  # noqa: PLC0415 - Jinja for reports only

    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if params.get("changes"):
        params = {**params, "changes": changes_appendix(repo, view, params)}
    profile = load_profile(repo)
    context = BUILDERS[report](view, **params, **({"profile": profile} if report in WORDED else {}))
    context.update(audience_context(view, profile))  # the marking names the profile's body
    context["cover"] = cover(report, context, params, profile, records_version(repo))
    context["profile"] = profile.model_dump()
    if fmt == "docx":
        from wgctl.report.word import html_to_docx  # noqa: PLC0415 - python-docx for Word only

        return html_to_docx(render(report, "html", context, repo=repo, template=template))
    if fmt == "pdf":
        from wgctl.report.pdf import PDF_CSS, html_to_pdf  # noqa: PLC0415 - for PDF only

        html = render(report, "html", context, repo=repo, template=template)
        return html_to_pdf(html, view.audience.value, template_file(PDF_CSS, repo))
    return render(report, fmt, context, repo=repo, template=template).encode("utf-8")


def changes_appendix(repo: Path | None, view: View, params: dict[str, Any]) -> dict[str, Any]:
    """The progress report's appendix: record changes in git since the period began.

    Why here and not in the report builder: it needs git; the builders stay pure.
    """
    from wgctl.history import revisions  # noqa: PLC0415 - git only when asked for
    from wgctl.report import appendix  # noqa: PLC0415 - it reads history too

    if repo is None:
        raise UserError("the changes appendix needs a repository")
    period = progress.resolve_period(view, params["until"], params.get("since"))
    seen = revisions.changes_since(repo, period.start, view.audience)
    return appendix.appendix_context(seen, view, period.bounds, period.no_update_since)


def today() -> date:
    """Today's date (one place, so reports agree)."""
    return date.today()
