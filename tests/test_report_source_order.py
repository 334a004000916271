"""The progress report keeps the source's order and numbering, checked against the source's text.

`tests/sources/ahg-progress-report-2017-10.txt` is the transcription of the October 2017 AHG
progress report as published (columns run together across page breaks). The report rendered
from the bundled records must print the themes and their numbered items in the order the source
does, and within each item its points in the source's order, with the source's own numbers
("1) ... 2) ...") where it numbers them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.test_report_progress_model import cells, normal, parse

SOURCE = Path(__file__).parent / "sources" / "ahg-progress-report-2017-10.txt"
ITEM_NUMBER = re.compile(r"(?<![\d.\w])([1-9]\.[1-9])(?=\s)")
WINDOW = 6  # words: long enough to be one place in the source, short enough to skip edits


def words(text: str) -> str:
    """Lower-case words, the source's own point numbers kept as `point1`, `point2`..."""
    text = normal(text)
    text = re.sub(r"(?<![\w.])(\d)\)", r" point\1 ", text)
    text = text.replace("&", " and ")
    return " " + " ".join(re.findall(r"[a-z0-9]+", text)) + " "


@pytest.fixture(scope="module")
def source() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report() -> str:
    from typer.testing import CliRunner

    from wgctl.cli import app

    done = CliRunner().invoke(
        app, ["report", "progress", "--until", "2017-10-31", "--repo", str(PROJECT)]
    )
    assert done.exit_code == 0, done.output
    return done.stdout


def themes(report: str) -> list[tuple[str, str]]:
    """(number, title) of each theme heading, in the report's order."""
    return re.findall(r"^## (\d+)\. (.+)$", report, flags=re.MULTILINE)


def points(status_cell: str) -> list[tuple[str, str]]:
    """(number printed or '', text) of each point of an item, in the report's order."""
    out = []
    for part in status_cell.split("<br>"):
        number = re.match(r"(\d+)\) ", part.strip())
        text = part.strip()[number.end() :] if number else part.strip()
        text = re.sub(r"^\*Background:\* ", "", text)
        if not text.startswith("No update reported since"):
            out.append((number.group(1) if number else "", re.sub(r"<sup>\d+</sup>", "", text)))
    return out


def where(point: str, source_words: str) -> int:
    """Where a point's text starts in the source: its first run of words the source holds."""
    said = words(point).split()
    for i in range(max(len(said) - WINDOW + 1, 1)):
        found = source_words.find(" " + " ".join(said[i : i + WINDOW]) + " ")
        if found >= 0:
            return found
    return -1


def test_themes_in_the_source_order_with_its_numbers(report: str, source: str) -> None:
    source_words = words(source)
    assert [n for n, _ in themes(report)] == ["1", "2", "3", "4", "5", "6"]
    places = []
    for number, title in themes(report):
        # The heading stands before the theme's first item (its columns may run on before it).
        first_item = source_words.find(f" {number} 1 ")
        places.append(source_words.rfind(words(title), 0, first_item + 1))
        assert places[-1] >= 0, f"theme {number} {title!r} is not before item {number}.1"
    assert places == sorted(places)


def test_items_in_the_source_order_with_its_numbers(report: str, source: str) -> None:
    in_source = ITEM_NUMBER.findall(source)
    rows = parse(report)
    assert list(rows) == in_source
    assert all(theme == number.split(".")[0] for number, (theme, *_) in rows.items())


@pytest.mark.parametrize("number", ITEM_NUMBER.findall(SOURCE.read_text(encoding="utf-8")))
def test_points_of_an_item_in_the_source_order_with_its_numbers(
    report: str, source: str, number: str
) -> None:
    source_words = words(source)
    row = next(line for line in report.splitlines() if line.startswith(f"| **{number}** "))
    printed = points(cells(row)[2])
    places = [where(text, source_words) for _, text in printed]
    assert all(p >= 0 for p in places), [
        t[:60] for (_, t), p in zip(printed, places, strict=True) if p < 0
    ]
    assert places == sorted(places), [t[:40] for _, t in printed]
    for (shown, text), place in zip(printed, places, strict=True):
        own = re.search(r"point(\d) $", source_words[:place])
        if own:
            assert shown == own.group(1), f"{number}: {text[:50]!r} is point {own.group(1)}"
