"""Static SVG charts with text alternatives: no script, deterministic, escaped record text.

Why hand-written SVG: three simple charts (bars on a time axis, bars by value, dots on a time
axis) need a few dozen lines; a plotting library would add a heavy dependency and timestamps.
Each chart carries a <title> and <desc>; the page beside it also shows the same data as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

WIDTH = 720
ROW = 34
LEFT = 150
PALETTE = ("#1f5f8b", "#8b4a1f", "#2e7d32", "#6a1b9a", "#9e2a2b", "#00695c")


@dataclass(frozen=True)
class Bar:
    """One bar on a time axis: a term in a seat (`extended_from`: where an extension begins)."""

    row: str
    label: str
    start: date
    end: date
    extended_from: date | None = None


def _frame(ident: str, title: str, desc: str, height: int, body: list[str]) -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{ident}-t {ident}-d" class="chart">'
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>'
    )
    return "\n".join([head, *body, "</svg>"]) + "\n"


def _x(day: date, first: date, last: date) -> float:
    span = max((last - first).days, 1)
    return round(LEFT + (WIDTH - LEFT - 30) * (day - first).days / span, 1)


def _years(first: date, last: date, height: int) -> list[str]:
    out = []
    for year in range(first.year, last.year + 1):
        x = _x(date(year, 1, 1), first, last)
        anchor = "start" if year == first.year else "middle"
        out.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height - 18}" class="grid"/>')
        out.append(f'<text x="{x}" y="{height - 4}" text-anchor="{anchor}">{year}</text>')
    return out


def timeline(ident: str, title: str, bars: list[Bar], desc: str) -> str:
    """Bars per row on a shared time axis; an extension is drawn hatched after its start."""
    if not bars:
        return ""
    rows = sorted({b.row for b in bars})
    first = date(min(b.start for b in bars).year, 1, 1)
    last = date(max(b.end for b in bars).year + 1, 1, 1)
    height = ROW * len(rows) + 26
    body = [
        f'<defs><pattern id="{ident}-ext" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="3" height="6" fill="#999"/></pattern></defs>',
        *_years(first, last, height),
    ]
    for index, row in enumerate(rows):
        y = index * ROW + 4
        body.append(f'<text x="4" y="{y + 19}">{escape(row)}</text>')
    for number, bar in enumerate(sorted(bars, key=lambda b: (b.row, b.start))):
        y = rows.index(bar.row) * ROW + 4
        x1, x2 = _x(bar.start, first, last), _x(bar.end, first, last)
        colour = PALETTE[number % len(PALETTE)]
        body.append(
            f'<rect x="{x1}" y="{y}" width="{max(x2 - x1, 2)}" height="{ROW - 8}" '
            f'fill="{colour}"><title>{escape(bar.label)}</title></rect>'
        )
        if bar.extended_from is not None:
            xe = _x(bar.extended_from, first, last)
            body.append(
                f'<rect x="{xe}" y="{y}" width="{max(x2 - xe, 2)}" height="{ROW - 8}" '
                f'fill="url(#{ident}-ext)"/>'
            )
        body.append(f'<text x="{x1 + 4}" y="{y + 17}" class="on-bar">{escape(bar.label)}</text>')
    return _frame(ident, title, desc, height, body)


def bars(ident: str, title: str, values: list[tuple[str, int]], desc: str) -> str:
    """Horizontal bars, one per named value, scaled to the largest."""
    if not values:
        return ""
    top = max(v for _, v in values) or 1
    height = ROW * len(values) + 8
    body = []
    for index, (name, value) in enumerate(values):
        y = index * ROW + 4
        width = round((WIDTH - LEFT - 90) * value / top, 1)
        body.append(f'<text x="4" y="{y + 19}">{escape(name[:22])}</text>')
        body.append(
            f'<rect x="{LEFT}" y="{y}" width="{max(width, 1)}" height="{ROW - 8}" '
            f'fill="{PALETTE[0]}"/>'
        )
        body.append(f'<text x="{LEFT + width + 6}" y="{y + 19}">{value:,}</text>')
    return _frame(ident, title, desc, height, body)


def dots(ident: str, title: str, points: list[tuple[date, str]], desc: str) -> str:
    """Dated points on one time axis (an initiative's updates)."""
    if not points:
        return ""
    first = date(min(d for d, _ in points).year, 1, 1)
    last = date(max(d for d, _ in points).year + 1, 1, 1)
    height = 64
    body = [*_years(first, last, height), '<text x="4" y="24">Updates</text>']
    for day, label in sorted(points):
        x = _x(day, first, last)
        body.append(
            f'<circle cx="{x}" cy="20" r="7" fill="{PALETTE[0]}"><title>{escape(label)}</title>'
            "</circle>"
        )
    return _frame(ident, title, desc, height, body)
