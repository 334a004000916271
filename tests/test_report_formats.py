"""HTML is well-formed, script-free and has table headers; DOCX reads back with its tables."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.repo import RecordsRepo

Result = subprocess.CompletedProcess[str]

REPORTS: tuple[tuple[str, ...], ...] = (
    ("progress", "--until", "2017-10-31"),
    ("annual", "dwg", "--year", "2017"),
    ("oral", "dwg", "--until", "2017-10-31"),
    ("actions", "--as-of", "2017-10-31"),
    ("meeting", "jpa-3", "--as-of", "2017-10-31"),
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render(run_cli: Callable[..., Result], report: tuple[str, ...], fmt: str, out: Path) -> Path:
    target = out / f"{report[0]}.{fmt}"
    done = run_cli("report", *report, "--repo", PROJECT, "--format", fmt, "-o", target)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    return target


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r[0])
def test_html_is_well_formed_without_script_and_tables_have_headers(
    run_cli: Callable[..., Result], tmp_path: Path, report: tuple[str, ...]
) -> None:
    html = render(run_cli, report, "html", tmp_path).read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    root = ET.fromstring(html)  # noqa: S314 (our own output) raises unless well-formed
    assert root.tag == "html"
    assert not list(root.iter("script"))
    assert "<script" not in html.lower() and "javascript:" not in html.lower()
    assert not [e for e in root.iter() if any(a.startswith("on") for a in e.attrib)]
    style = root.find("head/style")
    assert style is not None and "@page" in (style.text or "") and "A4" in (style.text or "")
    for table in root.iter("table"):
        header = table.find("thead/tr")
        assert header is not None and header.findall("th"), "table without a header row"
        width = len(header.findall("th"))
        assert all(len(tr.findall("td")) == width for tr in table.findall("tbody/tr"))
    assert root.find("body/main/h1") is not None


def test_progress_html_has_one_table_per_theme(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    html = render(run_cli, REPORTS[0], "html", tmp_path).read_text("utf-8")
    root = ET.fromstring(html)  # noqa: S314 (our own output)
    tables = list(root.iter("table"))
    assert len(tables) == 6 + 1  # and the Joint Periods of Action compared, once
    heads = [[th.text for th in t.iter("th")] for t in tables]
    assert heads[:6] == [["Action/Recommendation", "Who", "Status/Details"]] * 6
    assert heads[6][0] == "Counted" and len(heads[6]) == 4


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r[0])
def test_docx_reads_back_with_headings_tables_and_page_numbers(
    run_cli: Callable[..., Result], tmp_path: Path, report: tuple[str, ...]
) -> None:
    import docx

    target = render(run_cli, report, "docx", tmp_path)
    document = docx.Document(str(target))
    styles = [p.style.name for p in document.paragraphs if p.text]
    assert styles[0] == "Heading 1"
    for table in document.tables:
        first = table.rows[0]
        tr_pr = first._tr.trPr
        assert tr_pr is not None and tr_pr.find(f"{W}tblHeader") is not None
        assert all(run.bold for c in first.cells for p in c.paragraphs for run in p.runs)
    with zipfile.ZipFile(target) as archive:
        footers = [archive.read(n).decode() for n in archive.namelist() if "footer" in n]
    assert any("PAGE" in f and "fldChar" in f for f in footers)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_progress_docx_tables_read_back_item_by_item(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    import docx

    document = docx.Document(str(render(run_cli, REPORTS[0], "docx", tmp_path)))
    assert document.paragraphs[0].text == "Ad Hoc Group Progress Report: October 2017"
    assert len(document.tables) == 6 + 1  # the themes, then the JPAs compared
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header == ["Action/Recommendation", "Who", "Status/Details"]
    rows = [[c.text for c in r.cells] for t in document.tables[:6] for r in t.rows[1:]]
    assert len(rows) == 29
    numbers = [row[0].split()[0] for row in rows]
    assert numbers[:3] == ["1.1", "1.2", "1.3"] and numbers[-1] == "6.5"
    jpa = next(row for row in rows if row[0].startswith("1.3"))
    assert jpa[1] == "AHG members"
    assert "72 persons being convicted" in jpa[2] and "23 new suspects" in jpa[2]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[0] == "1. Law enforcement cooperation and capacity building"


def test_docx_needs_an_output_file(run_cli: Callable[..., Result], repo: RecordsRepo) -> None:
    done = run_cli("report", "progress", "--repo", repo.root, "--format", "docx")
    assert done.returncode == 1
    assert done.stderr == "wgctl: --format docx needs --output FILE\n"


def test_output_into_a_missing_folder_fails_without_writing(
    run_cli: Callable[..., Result], repo: RecordsRepo, tmp_path: Path
) -> None:
    target = tmp_path / "nope" / "report.md"
    done = run_cli("report", "progress", "--until", "2017-10-31", "--repo", repo.root, "-o", target)
    assert done.returncode == 1
    assert done.stderr.startswith("wgctl: ") and "does not exist" in done.stderr
    assert not target.parent.exists()
