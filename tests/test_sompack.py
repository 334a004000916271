"""`wgctl som-pack`: the SOM preparation pack, over the scenario repository of the due tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.repo import RecordsRepo
from tests.system import need_weasyprint
from tests.test_due import SRC, Run, scenario  # noqa: F401 - the scenario fixture
from tests.test_report_canary import docx_text, pdf_text

PACK_RECORDS = {
    "records/meetings/ewg-2016.yaml": f"""\
        id: ewg-2016
        sensitivity: public
        type: working-group-meeting
        title: EWG annual meeting 2016
        group: ewg
        start: 2016-03-08
        agenda: [Review of the first period of action, Nominations for the co-chair seats]
        {SRC}
    """,
    "records/actions/circulate-minutes.yaml": f"""\
        id: circulate-minutes
        sensitivity: public
        text: Circulate the minutes of the 2016 meeting.
        raised_at: ewg-2016
        owner: borduria
        due: 2016-04-08
        {SRC}
    """,
}


@pytest.fixture
def pack_repo(scenario: RecordsRepo) -> RecordsRepo:  # noqa: F811
    scenario.write(PACK_RECORDS)
    scenario.edit(
        "records/initiatives/joint-action.yaml", "status: ongoing", "group: ewg\nstatus: ongoing"
    )
    scenario.commit("the 2016 meeting and its minutes; the group leads item 1.1")
    return scenario


def test_pack_holds_every_section_for_the_som(pack_repo: RecordsRepo, run_cli: Run) -> None:
    done = run_cli("som-pack", "som-2016", "--group", "ewg", "--repo", pack_repo.root)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith("# EWG: Preparation Pack for the 10th AHG Senior Officials Meeting\n")
    assert "covers the period since the previous Senior Officials Meeting (October 2015)" in text
    # Oral update: the co-chairs in office and the meeting held since the previous SOM.
    assert "- Co-chairs: Aland and Borduria." in text
    assert "- EWG annual meeting 2016, 8 March 2016" in text
    # The rotation to decide: both first-term seats end at this SOM; one is extended a year.
    rotation = text.split("## 2. Rotation decision to take")[1].split("## 3.")[0]
    assert (
        "- The first term ends: seat 1 (Aland) and seat 2 (Borduria) both end on 2016-12-31."
        in rotation
    )
    assert "- Seat 1 continues: Aland until 2017-12-31." in rotation  # the extension suggested
    # Nobody has nominated itself, and the positions are voluntary.
    assert "- Seat 2: new term 2017-01-01 to 2018-12-31; the rules point to nobody." in rotation
    assert (
        "- **1.1** Conduct joint periods of action (ongoing)\n"
        "  - 28 October 2015: The first period of action ended. (Figures: countries: 8)"
    ) in text
    actions = text.split("## 4. Actions due or overdue")[1].split("## 5.")[0]
    assert (
        "| 2016-04-08 | overdue \\[WG501\\] | Circulate the minutes of the 2016 meeting. | Borduria |"
        in actions
    )
    at_som = text.split("## 5. Obligations that fall at this SOM")[1].split("## 6.")[0]
    assert "| due | Nominations for EWG co-chair seat 2 from 2017" in at_som
    assert "EWG: oral update 2016 to the AHG SOM" in at_som
    agenda = text.split("## 6. Agenda")[1]
    assert (
        "1. Review of the first period of action\n2. Nominations for the co-chair seats" in agenda
    )


def test_pack_as_pdf_like_every_report(
    pack_repo: RecordsRepo, run_cli: Run, tmp_path: Path
) -> None:
    need_weasyprint()
    base = ("som-pack", "som-2016", "--group", "ewg", "--repo", pack_repo.root)
    done = run_cli(*base, "--format", "pdf", "-o", tmp_path / "pack.pdf")
    assert done.returncode == 0, done.stderr
    text = pdf_text(tmp_path / "pack.pdf")
    assert "2. Rotation decision to take" in text
    assert "Circulate the minutes of the 2016 meeting." in text


def test_pack_as_html_and_docx(pack_repo: RecordsRepo, run_cli: Run, tmp_path: Path) -> None:
    base = ("som-pack", "som-2016", "--group", "ewg", "--repo", pack_repo.root)
    html = run_cli(*base, "--format", "html", "-o", tmp_path / "pack.html")
    word = run_cli(*base, "--format", "docx", "-o", tmp_path / "pack.docx")
    assert html.returncode == word.returncode == 0, html.stderr + word.stderr
    page = (tmp_path / "pack.html").read_text(encoding="utf-8")
    assert "<h2>2. Rotation decision to take</h2>" in page
    # The cover speaks as of the SOM, whatever today is.
    assert "<p><strong>Period:</strong> 10 October 2015 to 10 October 2016</p>" in page
    assert "<p><strong>Date:</strong> 10 October 2016</p>" in page
    assert "<li>Review of the first period of action</li>" in page
    document = docx_text(tmp_path / "pack.docx")
    assert "6. Agenda of the group's meetings since" in document
    assert "Circulate the minutes of the 2016 meeting." in document


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("som-2099", "--group", "ewg"),
            "wgctl: unknown SOM 'som-2099' (SOMs: som-2014, som-2015, som-2016)",
        ),
        (
            ("ewg-2015", "--group", "ewg"),
            "wgctl: unknown SOM 'ewg-2015' (SOMs: som-2014, som-2015, som-2016)",
        ),
        (("som-2016", "--group", "nope"), "wgctl: unknown group 'nope'"),
    ],
)
def test_bad_pack_requests_are_one_line_and_exit_2(
    scenario: RecordsRepo,  # noqa: F811
    run_cli: Run,
    args: tuple[str, ...],
    message: str,
) -> None:
    done = run_cli("som-pack", *args, "--repo", scenario.root)
    assert (done.returncode, done.stderr.strip(), done.stdout) == (2, message, "")
