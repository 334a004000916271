"""PDF reports: the report's HTML and print CSS laid out by WeasyPrint, plus `templates/pdf.css`.

Every page carries the report title and the audience marking at the top and its page number at
the bottom; tables repeat their header row and never split a row. WeasyPrint needs the Pango
system libraries; when they cannot load, the command says so in one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wgctl.errors import UserError
from wgctl.report.common import MARKINGS

PDF_CSS = "pdf.css"


def _engine() -> Any:
    """The weasyprint module, or a one-line error when it or its system libraries are missing."""
    try:
        import weasyprint  # noqa: PLC0415 - heavy, and only PDF output needs it
    except (ImportError, OSError) as exc:
        raise UserError(
            f"PDF output needs WeasyPrint and its system libraries (Pango): {exc}".splitlines()[0]
        ) from None
    return weasyprint


def marking_css(audience: str) -> str:
    """The page rule that prints the audience marking on every page (wgctl's words, not data)."""
    return f'@page {{ @top-right {{ content: "{MARKINGS[audience]}" !important; }} }}\n'


def html_to_pdf(html: str, audience: str, css: Path, base_url: Path | None = None) -> bytes:
    """The PDF bytes of a rendered report for `audience`, laid out with the stylesheet `css`."""
    weasyprint = _engine()
    document = weasyprint.HTML(string=html, base_url=str(base_url) if base_url else None)
    sheets = [weasyprint.CSS(filename=str(css)), weasyprint.CSS(string=marking_css(audience))]
    data: bytes = document.write_pdf(stylesheets=sheets)
    return data
