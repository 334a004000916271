"""The Word layout an official expects: page furniture, document properties, table geometry.

Kept apart from the HTML-to-DOCX walk (`word.py`): that decides what the document says, this
decides how it sits on A4 paper and what its properties say (wgctl's, never the template's).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

import wgctl

TEXT_WIDTH_MM = 170.0  # A4 less 20 mm margins
CHAR_MM = 2.4  # one character of 10.5 pt text as Word and LibreOffice set it, with room to spare
PADDING_MM = 5.0  # a cell's left and right margins
HEADER_FILL = "1F3864"
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>wgctl {version}</Application><Company>{company}</Company>"
    "<DocSecurity>0</DocSecurity></Properties>"
)
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def page(doc: Any, header: list[str]) -> None:
    """A4 with margins; the running header (organisation, marking) and "Page N of M" on every page."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(24), Mm(22)
    doc.styles["Normal"].font.size = Pt(10.5)
    running = section.header.paragraphs[0]
    running.text = "\t\t".join(header)
    for run in running.runs:
        run.font.size = Pt(8.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    field(footer, "PAGE")
    footer.add_run(" of ")
    field(footer, "NUMPAGES")


def field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) Word computes when it lays the document out."""
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


def properties(doc: Any, meta: dict[str, str]) -> None:
    """Core and application properties set by wgctl: none left from python-docx's template."""
    props = doc.core_properties
    props.title = meta.get("title", "")
    props.subject = meta.get("subject", "")
    props.author = props.last_modified_by = "wgctl"
    props.keywords = meta.get("marking", "")
    props.category = meta.get("category", "")
    props.comments = ""
    props.version = meta.get("version", "")
    props.identifier = meta.get("number", "")
    props.language = "en"
    props.revision = 1
    issued = meta.get("date")
    when = datetime.fromisoformat(issued).replace(tzinfo=UTC) if issued else datetime.now(UTC)
    props.created = props.modified = when
    package = doc.part.package
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            text = _APP_XML.format(
                version=escape(wgctl.__version__), company=escape(meta.get("organisation", ""))
            )
            part._blob = text.encode("utf-8")
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:  # a picture of python-docx's blank template page
            package.rels.pop(rel_id)


def column_widths(columns: list[list[str]], total: float = TEXT_WIDTH_MM) -> list[float]:
    """Millimetres per column: shared by the square root of each column's average text, so a
    long-text column is the widest without starving short ones; never narrower than the column's
    longest word (up to 22 characters), so no word is split.
    """
    if not columns:
        return []
    floors = [_longest_word(col) * CHAR_MM + PADDING_MM for col in columns]
    weights = [math.sqrt(max(sum(len(t) for t in col) / max(len(col), 1), 1)) for col in columns]
    fixed: set[int] = set()
    widths = [0.0] * len(columns)
    for _ in columns:  # give floors to the columns that need them, share the rest, repeat
        room = total - sum(floors[i] for i in fixed)
        share = sum(w for i, w in enumerate(weights) if i not in fixed) or 1.0
        widths = [
            floors[i] if i in fixed else room * weights[i] / share for i in range(len(columns))
        ]
        short = {i for i, w in enumerate(widths) if w < floors[i]} - fixed
        if not short or sum(floors[i] for i in fixed | short) >= total:
            break
        fixed |= short
    return [round(w, 1) for w in widths]


def _longest_word(column: list[str]) -> int:
    """The characters of a column's longest word, up to 22 (longer ones may break)."""
    return min(max((len(w) for t in column for w in t.split()), default=3), 22)


def table_geometry(table: Any, widths: list[float]) -> None:
    """Fixed layout at the given widths: Word and LibreOffice then keep them."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for col, width in zip(table.columns, widths, strict=False):
        col.width = Mm(width)
        for cell in col.cells:
            cell.width = Mm(width)


def header_row(row: Any) -> None:
    """A shaded header row Word repeats at the top of every page (`w:tblHeader`)."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)
    for cell in row.cells:
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:color"), "auto")
        shade.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shade)
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
