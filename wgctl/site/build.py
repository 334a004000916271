"""Build the site into a folder: render it, then write only the files that changed.

All or nothing for errors: invalid records or a template error stop the build before any file
is written. Files a previous build wrote and this one does not are removed; nothing else in the
folder is touched. A rebuild from the very same inputs (records, git history, audience, date,
templates, wgctl's code: the build's key) over an intact earlier build is done before it
starts, so this module imports only what that check needs; rendering is loaded after it.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from wgctl.errors import UserError
from wgctl.files.cache import GitState
from wgctl.gitcmd import run_git
from wgctl.models import Sensitivity
from wgctl.report.render import BUNDLED
from wgctl.site import manifest
from wgctl.site.manifest import MANIFEST, SEARCH_DIR, Built
from wgctl.site.memo import Rendered, template_stamps

__all__ = ["MANIFEST", "Built", "build_site"]


def build_site(
    repo: Path, audience: Sensitivity, out: Path, as_of: date, *, force: bool = False
) -> Built:
    """Build the site for `audience` into `out`; only changed files are written."""
    _check_out(out)
    before = manifest.read(out)
    key = build_key(repo, audience, as_of, force=force)
    if key is not None and key == before.key and _complete(out, before):
        return Built(unchanged=sorted(before.files))
    files = _render(repo, (audience, as_of), (out, before), force=force)
    from wgctl.site.render import index  # noqa: PLC0415 - loaded with the rendering

    try:
        out.mkdir(exist_ok=True)
        done = manifest.write_changed(out, files, before)
        if (
            any(rel.endswith(".html") for rel in done.written + done.removed)
            or not (out / SEARCH_DIR).is_dir()
        ):
            index(out)
        if key is not None:
            manifest.seal(out, done, key)
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    return done


def _render(
    repo: Path,
    what: tuple[Sensitivity, date],
    earlier: tuple[Path, manifest.Manifest],
    *,
    force: bool,
) -> Rendered:
    """Every file of the site but the search index (those with unchanged inputs kept as they
    are in the folder); a template error in one line."""
    import jinja2  # noqa: PLC0415 - rendering is loaded only when there is work to do

    from wgctl.export.stamps import record_stamps  # noqa: PLC0415
    from wgctl.report.produce import load_view  # noqa: PLC0415
    from wgctl.site.render import changes_for, render_site  # noqa: PLC0415

    audience, as_of = what
    view = load_view(repo, audience, force=force)
    changes = changes_for(repo, view, as_of, record_stamps(repo))
    try:
        return render_site(repo, view, as_of, changes, earlier)
    except jinja2.TemplateError as exc:  # one line, nothing written
        where = ""
        if isinstance(exc, jinja2.TemplateSyntaxError):
            where = f"{exc.filename}:{exc.lineno}: "
        raise UserError(f"site template error: {where}{exc.message}") from None


def build_key(repo: Path, audience: Sensitivity, as_of: date, *, force: bool) -> str | None:
    """What the site is a function of, as one digest; None when git cannot vouch for it.

    The working tree's content and wgctl's code (the validation cache's key), HEAD (the
    history shown), the audience, the date, --force, and the site's templates and styles
    (bundled, and the repository's own, which git may be told to ignore).
    """
    state = GitState.read(repo)
    if state is None:
        return None
    try:
        head = run_git(repo, "rev-parse", "--verify", "--quiet", "HEAD").decode().strip()
    except (OSError, subprocess.SubprocessError):
        head = ""
    templates = template_stamps(template_folders(repo))
    return state.key("site", audience.value, as_of.isoformat(), force, head, templates)


def template_folders(repo: Path) -> list[Path]:
    """Where the site's templates and styles come from: ours, and the repository's own."""
    return [BUNDLED / "site", repo / "templates" / "site"]


def _complete(out: Path, before: manifest.Manifest) -> bool:
    """True when the earlier build in `out` is whole: its files as it left them, its index."""
    return (out / SEARCH_DIR).is_dir() and manifest.intact(out, before)


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
