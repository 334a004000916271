"""The records of one audience as an Excel workbook: one sheet per kind, the action tracker first.

Cells are typed (real dates, numbers, booleans), the header row is frozen with filters on and
widths set; the action tracker also colours open items past due and offers a status list.
Same commit, same bytes: document dates are the export's commit and zip entries carry one date.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from wgctl.confidentiality.audience import View
from wgctl.export import tables
from wgctl.export.stamps import Stamps

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
OVERDUE_FILL = PatternFill("solid", fgColor="F8D7DA")
DATE_FORMAT = "yyyy-mm-dd"
_MARKINGS = {"public": "Public", "members": "MEMBERS ONLY", "restricted": "RESTRICTED"}


def _sheet(ws: Worksheet, table: tables.Table) -> None:
    """Header, typed rows, frozen header, filters, widths and wrapping."""
    ws.append([c.header for c in table.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in table.rows:
        ws.append(list(row))
    for index, column in enumerate(table.columns, 1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.alignment = Alignment(vertical="top", wrap_text=column.type == "long")
            if column.type == "date":
                cell.number_format = DATE_FORMAT
    _heights(ws, table)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(table.columns))
    ws.auto_filter.ref = f"A1:{last}{max(len(table.rows) + 1, 2)}"
    _print_setup(ws)


LINE_HEIGHT = 15  # points per line of 11pt text


def _heights(ws: Worksheet, table: tables.Table) -> None:
    """Row heights that show every line of wrapped text.

    Why set them: LibreOffice does not grow a row to fit wrapped text on opening a file, so
    long actions would overlap the rows below.
    """
    for number, row in enumerate(table.rows, 2):
        lines = 1
        for column, cell in zip(table.columns, row, strict=True):
            if column.type == "long" and isinstance(cell, str):
                lines = max(lines, math.ceil(len(cell) * 1.1 / max(column.width, 1)))
        ws.row_dimensions[number].height = LINE_HEIGHT * min(lines, 30)


def _print_setup(ws: Worksheet) -> None:
    """Printed: landscape, as wide as one page, header row repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _tracker(ws: Worksheet, table: tables.Table) -> None:
    """The action tracker's extras: open items past due in red, a status list to pick from."""
    headers = [c.header for c in table.columns]
    status = get_column_letter(headers.index("Status") + 1)
    due = get_column_letter(headers.index("Due") + 1)
    end = max(len(table.rows) + 1, 2)
    span = f"A2:{get_column_letter(len(headers))}{end}"
    overdue = f'AND(${status}2="open",${due}2<>"",${due}2<TODAY())'
    ws.conditional_formatting.add(span, FormulaRule(formula=[overdue], fill=OVERDUE_FILL))
    choices = DataValidation(type="list", formula1='"open,closed,cancelled"', allow_blank=False)
    choices.add(f"{status}2:{status}{end}")
    ws.add_data_validation(choices)


def workbook(view: View, stamps: Stamps) -> bytes:
    """The workbook's bytes: sheets actions, initiatives, meetings, terms, organisations."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, build in tables.KINDS.items():
        table = build(view)
        ws = wb.create_sheet(table.title[:31])
        _sheet(ws, table)
        if name == "actions":
            _tracker(ws, table)
        ws.oddHeader.center.text = f"{table.title}: {_MARKINGS[view.audience.value]}"
    when = stamps.head.replace(tzinfo=None)
    wb.properties.title = f"Working group records ({_MARKINGS[view.audience.value]})"
    wb.properties.creator = "wgctl"
    wb.properties.created = when
    buffer = io.BytesIO()
    wb.save(buffer)
    return fixed_zip(buffer.getvalue(), when)


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same zip with every entry dated `when` and the document's modified date set to it.

    Why: openpyxl stamps the save time into both, so two exports of one commit would differ.
    """
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, content)
    return out.getvalue()
