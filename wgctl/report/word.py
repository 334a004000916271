"""DOCX from the report's own HTML: headings, paragraphs, lists and tables, laid out on A4.

Why from HTML: the template decides the content once, so a Word file carries exactly what the
HTML report carries (already filtered for its audience), and a template override changes both.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from typing import Any

from docx import Document

from wgctl.errors import UserError
from wgctl.report import word_layout as layout

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
LISTS = {"ul": "List Bullet", "ol": "List Number"}
_SPACE = re.compile(r"\s+")


def html_to_docx(html: str) -> bytes:
    """A Word document with the content of a well-formed XHTML report."""
    if "<!ENTITY" in html:
        raise UserError("the HTML template declares XML entities: not converted to DOCX")
    try:
        root = ET.fromstring(html)  # noqa: S314 (our own rendered, escaped output)
    except ET.ParseError as exc:
        raise UserError(f"the HTML template does not produce well-formed XHTML: {exc}") from None
    doc = Document()
    running = root.find("body/header")
    layout.page(doc, [_text(span) for span in running] if running is not None else [])
    layout.properties(doc, _meta(root))
    body = root.find("body")
    for element in body if body is not None else []:
        _block(doc, element)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _meta(root: ET.Element) -> dict[str, str]:
    """The report's title and its `wgctl:` meta fields (the cover block's values)."""
    meta = {"title": _text(root.find("head/title"))}
    for node in root.iter("meta"):
        name = node.get("name", "")
        if name.startswith("wgctl:"):
            meta[name.removeprefix("wgctl:")] = node.get("content", "")
    meta["subject"] = " · ".join(filter(None, (meta.get("group"), meta.get("period"))))
    meta["date"] = meta.pop("iso_date", "")
    return meta


def _block(doc: Any, element: ET.Element) -> None:
    tag = element.tag
    if tag in ("main", "div", "section", "footer"):
        for child in element:
            _block(doc, child)
    elif tag in HEADINGS:
        doc.add_heading(_text(element), level=HEADINGS[tag])
    elif tag == "p":
        _inline(doc.add_paragraph(), element, italic="lead" in element.get("class", ""))
    elif tag in LISTS:
        for item in element.iter("li"):
            _inline(doc.add_paragraph(style=LISTS[tag]), item)
    elif tag == "table":
        _table(doc, element)


def _table(doc: Any, element: ET.Element) -> None:
    """A table at widths fitted to its content, with a shaded header row repeated per page."""
    header = list(element.iter("th"))
    rows = [tr.findall("td") for tr in element.findall("tbody/tr")]
    count = max(len(header), 1)
    table = doc.add_table(rows=0, cols=count, style="Table Grid")
    head = table.add_row()
    for cell, th in zip(head.cells, header, strict=False):
        cell.paragraphs[0].add_run(_text(th)).bold = True
    layout.header_row(head)
    for tds in rows:
        row = table.add_row()
        for cell, td in zip(row.cells, tds, strict=False):
            _cell(cell, td)
    columns = [[_text(th) for th in header[i : i + 1]] for i in range(count)]
    for tds in rows:
        for i, td in enumerate(tds[:count]):
            columns[i].append(_text(td))
    layout.table_geometry(table, layout.column_widths(columns))


def _cell(cell: Any, td: ET.Element) -> None:
    blocks = [child for child in td if child.tag in ("p", "ul", "ol")]
    if not blocks:
        _inline(cell.paragraphs[0], td)
        return
    first = True
    for block in blocks:
        items = list(block.iter("li")) if block.tag in LISTS else [block]
        for item in items:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            _inline(paragraph, item, italic="note" in block.get("class", ""))


def _inline(
    paragraph: Any,
    element: ET.Element,
    *,
    bold: bool = False,
    italic: bool = False,
    sup: bool = False,
) -> None:
    """Text with <strong>/<em>/<sup> as bold/italic/superscript runs (a footnote's number);
    whitespace collapsed as a browser would."""
    if element.text:
        _run(paragraph, element.text, bold, italic, sup)
    for child in element:
        _inline(
            paragraph,
            child,
            bold=bold or child.tag in ("strong", "b", "th"),
            italic=italic or child.tag in ("em", "i"),
            sup=sup or child.tag == "sup",
        )
        if child.tail:
            _run(paragraph, child.tail, bold, italic, sup)


def _run(paragraph: Any, text: str, bold: bool, italic: bool, sup: bool = False) -> None:
    text = _SPACE.sub(" ", text)
    if not paragraph.runs:
        text = text.lstrip()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if sup:
            run.font.superscript = True


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""
