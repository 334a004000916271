"""Every report as Word: page furniture, document properties and table geometry (issue 13.6).

Opens each DOCX with python-docx, as a reviewer would open it in Word, and checks what an official
sees: the marking on every page header, "Page N of M", a shaded header row repeated on every
page, column widths that fill the page and fit the content, and properties set by wgctl.
"""

from __future__ import annotations

import subprocess
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROJECT

Result = subprocess.CompletedProcess[str]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

REPORTS: dict[str, tuple[Path, tuple[str, ...], str]] = {
    "progress": (PROJECT, ("progress", "--until", "2017-10-31"), "2017-10-31"),
    "annual": (PROJECT, ("annual", "dwg", "--year", "2017"), "2017-12-31"),
    "oral": (PROJECT, ("oral", "dwg", "--until", "2017-10-31"), "2017-10-31"),
    "actions": (PROJECT, ("actions", "--as-of", "2017-10-31"), "2017-10-31"),
    "meeting": (
        PROJECT,
        ("meeting", "ahg-som-2011-10-sydney", "--as-of", "2017-10-31"),
        "2017-10-31",
    ),
    "examples progress": (
        PROJECT / "examples",
        ("progress", "--until", "2026-10-31"),
        "2026-10-31",
    ),
    "examples actions": (PROJECT / "examples", ("actions", "--as-of", "2026-10-31"), "2026-10-31"),
}


def render(run_cli: Callable[..., Result], name: str, audience: str, out: Path) -> Any:
    import docx

    root, args, _ = REPORTS[name]
    target = out / f"{name.replace(' ', '-')}-{audience}.docx"
    done = run_cli(
        "report", *args, "--repo", root, "--audience", audience, "--format", "docx", "-o", target
    )
    assert done.returncode == 0, done.stderr
    return docx.Document(str(target)), target


@pytest.mark.parametrize("audience", ["public", "members"])
@pytest.mark.parametrize("name", REPORTS)
def test_word_page_furniture_and_properties(
    run_cli: Callable[..., Result], tmp_path: Path, name: str, audience: str
) -> None:
    document, path = render(run_cli, name, audience, tmp_path)
    marking = {"public": "PUBLIC", "members": "MEMBERS ONLY"}[audience]
    header = document.sections[0].header.paragraphs[0].text
    assert header.endswith("\t" + marking)
    footer = document.sections[0].footer._element.xml
    assert "Page " in footer and " PAGE " in footer and " NUMPAGES " in footer
    props = document.core_properties
    issued = REPORTS[name][2]
    assert (props.author, props.last_modified_by) == ("wgctl", "wgctl")
    assert props.title == document.paragraphs[0].text
    assert props.created == props.modified == datetime.fromisoformat(issued).replace(tzinfo=UTC)
    assert props.keywords == marking and props.identifier.endswith(issued)
    assert props.version.startswith("records at commit ") and props.comments == ""
    with zipfile.ZipFile(path) as archive:
        app = archive.read("docProps/app.xml").decode()
        assert "<Application>wgctl " in app and "Microsoft" not in app
        assert not [n for n in archive.namelist() if "thumbnail" in n]
    cover = [p.text for p in document.paragraphs[1:8]]
    assert f"Audience: {marking}" in cover
    assert any(line.startswith("Document: ") for line in cover)


@pytest.mark.parametrize("name", REPORTS)
def test_word_tables_fill_the_page_with_a_shaded_repeated_header(
    run_cli: Callable[..., Result], tmp_path: Path, name: str
) -> None:
    document, _ = render(run_cli, name, "public", tmp_path)
    for table in document.tables:
        widths = [round(column.width.mm, 1) for column in table.columns]
        assert abs(sum(widths) - 170) < 1, widths
        assert min(widths) >= 10, widths
        first = table.rows[0]._tr
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
        fills = [tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") for tc in first.findall(f"{W}tc")]
        assert set(fills) == {"1F3864"}
        assert table._tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"


def test_the_action_column_is_the_widest(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    document, _ = render(run_cli, "actions", "public", tmp_path)
    table = document.tables[0]
    header = [c.text for c in table.rows[0].cells]
    widths = [c.width for c in table.columns]
    assert header[widths.index(max(widths))] == "Action"
    # The short columns still fit their longest word ("December", "cancelled").
    assert all(w.mm >= 18 for w in widths)


def test_progress_status_column_is_widest_and_who_is_not_starved(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    document, _ = render(run_cli, "progress", "public", tmp_path)
    widths = [c.width.mm for c in document.tables[0].columns]
    assert widths[2] == max(widths) and widths[1] >= 20
