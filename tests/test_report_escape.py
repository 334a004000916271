"""Hostile record text renders as text: Markdown escaped, HTML autoescaped, never a template."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.repo import RecordsRepo
from wgctl.report.render import md_escape

Result = subprocess.CompletedProcess[str]

HOSTILE = "a | b # not a heading <script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }}"
HOSTILE_TITLE = "# Heading injected {% raw %}"


@pytest.fixture
def hostile(repo: RecordsRepo) -> RecordsRepo:
    repo.edit(
        "records/initiatives/joint-action.yaml",
        "title: Conduct joint periods of action",
        f"title: '{HOSTILE_TITLE}'",
    )
    repo.edit(
        "records/initiatives/joint-action.yaml",
        "text: The first period of action ended.",
        f"text: '{HOSTILE}'",
    )
    repo.commit("hostile text")
    return repo


def progress(run_cli: Callable[..., Result], repo: RecordsRepo, fmt: str, out: Path) -> str:
    target = out / f"report.{fmt}"
    args = ["report", "progress", "--since", "2014-01-01", "--until", "2015-12-31"]
    done = run_cli(*args, "--repo", repo.root, "--format", fmt, "-o", target)
    assert done.returncode == 0, done.stderr
    return target.read_text(encoding="utf-8")


def test_markdown_escapes_hostile_text(
    run_cli: Callable[..., Result], hostile: RecordsRepo, tmp_path: Path
) -> None:
    text = progress(run_cli, hostile, "md", tmp_path)
    row = next(line for line in text.splitlines() if line.startswith("| **1.1**"))
    assert len(re.split(r"(?<!\\)\|", row)) == 5  # still exactly three cells
    assert "a \\| b" in row
    assert "\\<script\\>alert(1)\\</script\\>" in row and "<script>" not in text
    assert "](javascript:" not in text and "\\[x\\](javascript\\:alert(1))" in row
    assert "{{ 7\\*7 }}" in row and "49" not in text
    assert "\\# Heading injected {% raw %}" in row
    assert not [line for line in text.splitlines() if line.startswith("# Heading")]


def test_html_escapes_hostile_text(
    run_cli: Callable[..., Result], hostile: RecordsRepo, tmp_path: Path
) -> None:
    text = progress(run_cli, hostile, "html", tmp_path)
    root = ET.fromstring(text)  # noqa: S314 (our own output)
    assert not list(root.iter("script")) and not list(root.iter("a"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    cell = "".join(next(iter(root.iter("tbody"))).itertext())
    assert HOSTILE in " ".join(cell.split())
    assert "{% raw %}" in text and "49" not in text


def test_a_record_text_is_never_a_template(
    run_cli: Callable[..., Result], hostile: RecordsRepo, tmp_path: Path
) -> None:
    import docx

    target = tmp_path / "report.docx"
    args = ["report", "progress", "--since", "2014-01-01", "--until", "2015-12-31"]
    done = run_cli(*args, "--repo", hostile.root, "--format", "docx", "-o", target)
    assert done.returncode == 0, done.stderr
    table = docx.Document(str(target)).tables[0]
    assert HOSTILE in table.rows[1].cells[2].text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a|b", "a\\|b"),
        ("# title", "\\# title"),
        ("  ## two", "\\#\\# two"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("3. third", "3\\. third"),
        ("1.3", "1.3"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("<b>x</b>", "\\<b\\>x\\</b\\>"),
        ("[a](JavaScript:x)", "\\[a\\](JavaScript\\:x)"),
        ("line\nbreak\n| x", "line break \\| x"),
        ("*bold* _em_ `code`", "\\*bold\\* \\_em\\_ \\`code\\`"),
        ("&amp; & more", "&amp;amp; & more"),
        ("UNODC & members", "UNODC & members"),
        (None, ""),
        (7, "7"),
    ],
)
def test_md_escape(raw: object, escaped: str) -> None:
    assert md_escape(raw) == escaped
