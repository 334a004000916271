"""`wgctl due`'s text output: the obligations as a rich table (terminal output stays in commands)."""

from __future__ import annotations

import io
import shutil
from datetime import date

from rich.console import Console
from rich.table import Table
from rich.text import Text

from wgctl.due.formats import COLUMNS, row, summary
from wgctl.due.model import Obligation
from wgctl.models import Sensitivity


def to_text(found: list[Obligation], as_of: date, audience: Sensitivity) -> str:
    """A rich table as wide as the terminal (or COLUMNS; 160 into a file or pipe).

    Record text is passed as plain Text, never parsed as markup.
    """
    width = shutil.get_terminal_size((160, 24)).columns
    table = Table(title=f"Obligations as of {as_of} ({audience.value} audience)", expand=True)
    for name, ratio in zip(COLUMNS, (0, 0, 4, 2, 2, 0), strict=True):
        table.add_column(name, overflow="fold", ratio=ratio or None, no_wrap=name in {"Date", "Id"})
    for o in found:
        table.add_row(*(Text(cell) for cell in row(o)))
    stream = io.StringIO()
    console = Console(file=stream, width=width, highlight=False, emoji=False, color_system=None)
    console.print(table)
    console.print(Text(summary(found)))
    return stream.getvalue()
