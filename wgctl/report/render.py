"""Jinja rendering: sandboxed, StrictUndefined, record text always escaped (R17, R18).

HTML: autoescape is on for every template, whatever its file name. Markdown: every string of the
context is Markdown-escaped before rendering, so a template cannot forget to escape record text.

Record text only ever arrives as data in a context, never as template source (R18). Templates are
files: `--template FILE`, else `templates/` beside the records' `records/`, else the bundled ones.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from wgctl.errors import UserError
from wgctl.markdown import md_escape

# An installed wheel carries the templates inside the package; a source checkout has them at
# the top of the project.
_PACKAGED = Path(__file__).resolve().parent.parent / "templates"
BUNDLED = _PACKAGED if _PACKAGED.is_dir() else _PACKAGED.parent.parent / "templates"


def md_context(value: Any) -> Any:
    """A copy of a context with every string Markdown-escaped (record text is data, never markup)."""
    if isinstance(value, str):
        return md_escape(value)
    if isinstance(value, dict):
        return {k: md_context(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [md_context(v) for v in value]
    return value


def _loader(repo: Path | None, template: Path | None) -> jinja2.BaseLoader:
    paths = [str(p) for p in (repo / "templates" if repo else None, BUNDLED) if p is not None]
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(paths)]
    if template is not None:
        loaders.insert(0, jinja2.FileSystemLoader(str(template.parent)))
    return jinja2.ChoiceLoader(loaders)


def template_file(name: str, repo: Path | None = None) -> Path:
    """A template-folder file (a stylesheet): the repository's own, else the bundled one."""
    own = repo / "templates" / name if repo else None
    return own if own is not None and own.is_file() else BUNDLED / name


def environment(
    fmt: str, repo: Path | None = None, template: Path | None = None
) -> jinja2.Environment:
    """The sandboxed environment for `md` or `html` output.

    Kept per process while the repository's own templates are the same files: a template is
    compiled once, not at every render (a site or a report pack renders hundreds). Jinja checks
    each template's time, so an edit is seen; a new override changes the key.
    """
    present: list[str] = []
    if repo is not None:  # os.walk: never into a symlinked folder (a loop is no hang)
        for folder, _, files in os.walk(repo / "templates"):
            present += (str(Path(folder, name)) for name in files)
    return _environment(fmt, repo, template, tuple(sorted(present)))


@functools.lru_cache(maxsize=16)
def _environment(
    fmt: str, repo: Path | None, template: Path | None, _present: tuple[str, ...]
) -> jinja2.Environment:
    return SandboxedEnvironment(
        loader=_loader(repo, template),
        undefined=jinja2.StrictUndefined,
        # HTML: autoescape for every template, whatever its name (R17). Markdown: the context
        # arrives escaped (`md_context`), so the template's own markup is left as written.
        autoescape=fmt != "md",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(
    name: str,
    fmt: str,
    context: dict[str, Any],
    *,
    repo: Path | None = None,
    template: Path | None = None,
) -> str:
    """Render report `name` (e.g. "progress") to `fmt` ("md" or "html")."""
    env = environment(fmt, repo, template)
    if fmt == "md":
        context = md_context(context)
    chosen = template.name if template is not None else f"{name}.{fmt}.j2"
    try:
        return env.get_template(chosen).render(**context)
    except jinja2.TemplateNotFound as exc:
        raise UserError(f"template {exc.name!r} not found") from None
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(
            f"{exc.filename or chosen}:{exc.lineno}: template error: {exc.message}"
        ) from None
    except jinja2.UndefinedError as exc:
        raise UserError(f"{chosen}: template uses an undefined value: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise UserError(f"{chosen}: template error: {exc.message}") from None
