"""Footnotes of the source travel with the text they annotate, numbered as in the source.

The canary records give each of an item's three updates (public, members-only, restricted) a
footnote numbered 1, 2 and 3. Every report that prints those updates, in every format, marks the
text with the note's number and lists the note under "Notes"; an audience that may not see an
update sees neither its mark nor its note. The bundled records keep footnote 1 of the October
2017 progress report on the figure it annotates.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.repo import GIT_ENV, RecordsRepo
from tests.system import need_weasyprint
from tests.test_report_canary import CANARY_RECORDS, build_repo, docx_text, pdf_text

Result = subprocess.CompletedProcess[str]

REPORTS = (
    ("report", "progress", "--until", "2017-10-31"),
    ("report", "annual", "ewg", "--year", "2017"),
    ("report", "oral", "ewg", "--until", "2017-10-31"),
    ("som-pack", "som-2017", "--group", "ewg"),
)
NOTES = {"public": ["ALLOWED-PUBLIC-FOOTNOTE"], "members": ["CANARY-MEMBERS-FOOTNOTE"]}
AVRR_SHEET = (
    "https://thailand.iom.int/sites/default/files/infosheets/"
    "iom%20infosheet%20-%20avrr%20%28for%20donors%29.pdf"
)


@pytest.fixture(scope="module")
def notes_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsRepo]:
    with pytest.MonkeyPatch.context() as patch:
        for key, value in GIT_ENV.items():
            patch.setenv(key, value)
        yield build_repo(tmp_path_factory.mktemp("notes") / "repo", CANARY_RECORDS)


def rendered(
    run_cli: Callable[..., Result], repo: RecordsRepo, report: tuple[str, ...], fmt: str, out: Path
) -> str:
    """The public report's text as a reader gets it from the file."""
    target = out / f"report.{fmt}"
    done = run_cli(*report, "--repo", repo.root, "--format", fmt, "-o", target)
    assert done.returncode == 0, done.stderr
    readers = {"docx": docx_text, "pdf": pdf_text}
    return readers.get(fmt, lambda p: p.read_text(encoding="utf-8"))(target)


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r[1] if r[0] == "report" else r[0])
def test_every_report_marks_the_text_and_lists_its_note(
    notes_repo: RecordsRepo,
    run_cli: Callable[..., Result],
    tmp_path: Path,
    report: tuple[str, ...],
    fmt: str,
) -> None:
    if fmt == "pdf":
        need_weasyprint()
    text = rendered(run_cli, notes_repo, report, fmt, tmp_path)
    # The mark follows the update's text; the note, under "Notes", starts with its number.
    assert re.search(r"ALLOWED-PUBLIC-UPDATE(</a>)?(<sup>)?(<a [^>]*>)?1\b", text), text
    assert "Notes" in text
    assert re.search(r"1(</a>)?(</sup>)?\s*ALLOWED-PUBLIC-FOOTNOTE", text)
    # Public: the members' and the restricted update, their marks and notes, are all gone.
    assert "CANARY-MEMBERS-FOOTNOTE" not in text
    assert "CANARY-RESTRICTED-FOOTNOTE" not in text


def test_a_note_keeps_the_source_number_when_earlier_ones_are_withheld(
    notes_repo: RecordsRepo, run_cli: Callable[..., Result]
) -> None:
    args = ("report", "progress", "--until", "2017-10-31", "--repo", notes_repo.root)
    members = run_cli(*args, "--audience", "members").stdout
    assert "CANARY-MEMBERS-UPDATE<sup>2</sup>" in members
    assert "<sup>2</sup> CANARY-MEMBERS-FOOTNOTE" in members
    assert "<sup>3</sup>" not in members


def test_the_progress_report_keeps_footnote_1_of_the_source() -> None:
    from typer.testing import CliRunner

    from wgctl.cli import app

    args = ["report", "progress", "--until", "2017-10-31", "--repo", str(PROJECT)]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    row = next(line for line in done.stdout.splitlines() if line.startswith("| **4.1** "))
    assert re.search(r"127 migrants .*between July 2016 and June 2017\.<sup>1</sup> \|$", row)
    notes = done.stdout.split("## Notes", 1)[1]
    assert f"<sup>1</sup> {AVRR_SHEET}" in notes.replace("\\", "")
