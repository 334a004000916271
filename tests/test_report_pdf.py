"""`wgctl report ... --format pdf`: every report kind as a PDF with its markings on every page."""

from __future__ import annotations

import html as html_lib
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.system import missing, need_weasyprint
from tests.tracing import untraced_function

Run = Callable[..., subprocess.CompletedProcess[str]]
REPORTS = {
    "progress": ("progress", "--until", "2017-10-31"),
    "annual": ("annual", "dwg", "--year", "2016"),
    "oral": ("oral", "dwg", "--until", "2017-10-31"),
    "actions": ("actions", "--as-of", "2017-10-31"),
    "meeting": ("meeting", "ahg-som-2017-10", "--as-of", "2017-11-30"),
}


@pytest.fixture(autouse=True)
def _engine() -> None:
    need_weasyprint()


@untraced_function  # reading the PDF back is pypdf's work, not wgctl's: not traced
def pages(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed."""
    from pypdf import PdfReader

    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


def render(run_cli: Run, tmp_path: Path, kind: str, audience: str = "members") -> Path:
    target = tmp_path / f"{kind}-{audience}.pdf"
    args = ("report", *REPORTS[kind], "--audience", audience, "--format", "pdf", "-o", target)
    done = run_cli(*args, "--repo", PROJECT)
    assert done.returncode == 0, done.stderr
    return target


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_every_page_has_title_marking_and_page_number(
    run_cli: Run, tmp_path: Path, kind: str
) -> None:
    texts = pages(render(run_cli, tmp_path, kind))
    html = run_cli(
        "report", *REPORTS[kind], "--audience", "members", "--format", "html", "--repo", PROJECT
    )
    title = re.search(r"<h1>(.*?)</h1>", html.stdout, re.DOTALL)
    assert title is not None
    heading = html_lib.unescape(" ".join(title.group(1).split()))
    # pypdf reads the page's margin boxes (running header, footer) after its body.
    for number, text in enumerate(texts, 1):
        assert text.endswith(f"{heading} MEMBERS ONLY Page {number} of {len(texts)}"), text[-200:]


def test_long_tables_repeat_their_header_and_keep_rows_whole(run_cli: Run, tmp_path: Path) -> None:
    texts = pages(render(run_cli, tmp_path, "progress", "public"))
    assert len(texts) > 3
    header = "Action/Recommendation Who Status/Details"
    assert sum(header in t for t in texts) > 3
    # A page continuing a table starts with its header row, never with a bare item row.
    assert not [t[:80] for t in texts[1:] if re.match(r"\d+\.\d+ ", t)]
    assert sum(t.startswith(header) for t in texts[1:]) > 3
    assert all(re.search(r" PUBLIC Page \d+ of \d+$", t) for t in texts)
    tracker = pages(render(run_cli, tmp_path, "actions"))
    assert len(tracker) > 1
    assert all(t.count("Action Owner Raised at Due Status") == 1 for t in tracker)
    from wgctl.files.load import load_repo

    for action in load_repo(PROJECT).records.actions:
        words = action.text.split()
        head, tail = " ".join(words[:4]), " ".join(words[-3:])
        holders = [t for t in tracker if head in t]
        assert len(holders) == 1, head
        assert tail in holders[0], f"row split across pages: {action.id}"


def test_same_commit_same_bytes_and_pdf_needs_a_file(run_cli: Run, tmp_path: Path) -> None:
    first = render(run_cli, tmp_path, "oral").read_bytes()
    again = tmp_path / "again"
    again.mkdir()
    assert render(run_cli, again, "oral").read_bytes() == first
    done = run_cli("report", *REPORTS["oral"], "--format", "pdf", "--repo", PROJECT)
    assert done.returncode == 1
    assert done.stderr == "wgctl: --format pdf needs --output FILE\n"


def test_pages_render_as_images(run_cli: Run, tmp_path: Path) -> None:
    """pdftoppm (poppler) rasterises every page: the PDF is one a viewer can draw."""
    if shutil.which("pdftoppm") is None:
        missing("pdftoppm (poppler-utils)")
    pdf = render(run_cli, tmp_path, "actions")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == len(pages(pdf))
    assert all(i.read_bytes().startswith(b"\x89PNG") and i.stat().st_size > 1000 for i in images)
