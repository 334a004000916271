"""DOCX from the report's own HTML: headings, tables with repeated header rows, page numbers.

Why from HTML: the template decides the content once, so a Word file carries exactly what the
HTML report carries (already filtered for its audience), and a template override changes both.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from wgctl.errors import UserError

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
    _page(doc, root)
    body = root.find("body")
    for element in body if body is not None else []:
        _block(doc, element)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page(doc: Any, root: ET.Element) -> None:
    """A4, margins, title, the running header and a PAGE field in the footer."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(24), Mm(22)
    doc.styles["Normal"].font.size = Pt(10.5)
    props = doc.core_properties  # python-docx's template names itself author and commenter
    props.title = _text(root.find("head/title"))
    props.author = props.last_modified_by = "wgctl"
    props.comments = ""
    running = root.find("body/header")
    if running is not None:
        header = section.header.paragraphs[0]
        header.text = "\t\t".join(_text(span) for span in running)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")


def _field(paragraph: Any, instruction: str) -> None:
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        run = paragraph.add_run()
        if kind is None:
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = f" {text} "
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        run._r.append(node)
        if kind == "separate":
            paragraph.add_run("1")


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
    header = list(element.iter("th"))
    rows = element.findall("tbody/tr")
    table = doc.add_table(rows=0, cols=max(len(header), 1), style="Table Grid")
    head = table.add_row()
    for cell, th in zip(head.cells, header, strict=False):
        cell.paragraphs[0].add_run(_text(th)).bold = True
    _repeat_header(head)
    for tr in rows:
        row = table.add_row()
        for cell, td in zip(row.cells, tr.findall("td"), strict=False):
            _cell(cell, td)


def _repeat_header(row: Any) -> None:
    """Mark the row as a header row Word repeats at the top of every page (`w:tblHeader`)."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


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
    paragraph: Any, element: ET.Element, *, bold: bool = False, italic: bool = False
) -> None:
    """Text with <strong>/<em> as bold/italic runs; whitespace collapsed as a browser would."""
    if element.text:
        _run(paragraph, element.text, bold, italic)
    for child in element:
        _inline(
            paragraph,
            child,
            bold=bold or child.tag in ("strong", "b", "th"),
            italic=italic or child.tag in ("em", "i"),
        )
        if child.tail:
            _run(paragraph, child.tail, bold, italic)


def _run(paragraph: Any, text: str, bold: bool, italic: bool) -> None:
    text = _SPACE.sub(" ", text)
    if not paragraph.runs:
        text = text.lstrip()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""
