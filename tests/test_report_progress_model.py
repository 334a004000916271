"""The October 2017 progress report rendered from the bundled records, item by item, against the model.

Every expectation below is written from the source document (the AHG Progress Report, October
2017), not from the records: theme, number, title, who, and the facts and figures of each item.
Where the transcription lost the RSO's name ("supported by the.") the expected subject is the RSO.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PROJECT

Result = subprocess.CompletedProcess[str]

TITLE = "# Ad Hoc Group Progress Report: October 2017"
OPENING = (
    "Report summarises activities undertaken since the previous Ad Hoc Group Senior Officials "
    "Meeting (November 2016). It indicates the status of recommendations from the Bali Process "
    "Ministerial Conferences and follow-up Ad Hoc Group Senior Officials meetings to implement the "
    "Bali Process Strategy."
)
THEMES = {
    "1": "Law enforcement cooperation and capacity building",
    "2": "Information and intelligence sharing",
    "3": "Border Management",
    "4": "Cooperation on returns and reintegration",
    "5": "Protection and asylum management",
    "6": "Member Engagement and Outreach",
}

# number -> (start of the title, who, facts and figures), from the source document.
MODEL: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "1.1": (
        "Develop a capacity building program with the Jakarta Centre",
        "RSO",
        ("6-8 October 2015", "regional catalogue of training programs", "18-20 July 2017",
         "more than 20 Bali Process states", "July 2018", "due for completion in late 2017"),
    ),
    "1.2": (
        "Promote and expand the use of the Bali Process policy guides",
        "TIPs Working Group",
        ("Since November 2016", "translated into 14 languages", "translated into 4 languages",
         "2017-18"),
    ),
    "1.3": (
        "Conduct Periods of Action under a Working Group on Disruption",
        "AHG members",
        ("28 October 2015", "eight countries", "May to November 2016", "10 countries",
         "over 30 arrests", "Malaysia, the Maldives, Philippines, Thailand, and the USA",
         "March to August 2017", "nine joint operations", "72 persons being convicted",
         "23 new suspects", "10 arrests", "nine new investigations",
         "online commercial sexual exploitation of children"),
    ),
    "1.4": (
        "Hold annual meetings of the Trafficking in Persons Working Group",
        "TIPs Working Group",
        ("25 May 2017", "2017-19 Forward Work Plan", "early 2018"),
    ),
    "1.5": (
        "Develop a policy guide and related training on Following the Money",
        "TIPs WG",
        ("met four times", "September 2016", "91 participants", "37 Bali Process member countries",
         "27 May 2017", "Indonesia, Australia, Bangladesh, Thailand, the Philippines and the UNODC"),
    ),
    "1.6": (
        "Develop a Regional Strategic Roadmap",
        "RSO",
        ("January 2018", "www.baliprocess-rso-roadmap.net", "self-assessment toolkit"),
    ),
    "2.1": (
        "Encourage members to sign up to and use the voluntary reporting system",
        "UNODC & members as coordination point",
        ("July 2013", "23 states and territories", "redesigned"),
    ),
    "2.2": (
        "Reinvigoration of the Regional Immigration Liaison Officer Networks",
        "RSO",
        ("May 2016 in Kuala Lumpur", "Information and Intelligence Sharing Framework"),
    ),
    "2.3": (
        "Conduct pilot, joint information campaign",
        "Bangladesh, Australia, IOM",
        ("7,121 students", "135 schools", "1,744 community and religious leaders",
         "64 Union level meetings", "149 community and religious leaders",
         "four District level meetings", "224 street theatre performances",
         "more than 100,000 people", "Narayanganj, Norsingdi and Sirajganj", "Bidesh Jai",
         "three-month period"),
    ),
    "2.4": (
        "Promote effective engagement with the private sector and civil society",
        "TIP WG",
        ("18 May 2016", "May 2017", "supply chains", "2017-18", "money trails"),
    ),
    "2.5": (
        "Develop training materials and pilot workshop",
        "RSO (NZ funded)",
        ("IOM and Indonesia", "second quarter 2018"),
    ),
    "2.6": (
        "Develop a framework and associated guidelines and toolkit",
        "RSO (Canada funded)",
        ("31 March 2018",),
    ),
    "3.1": (
        "Immigration Liaison Officer (IMMLO) training",
        "RSO",
        ("5 day training program", "November 2016", "7 member States", "UK Border Agency"),
    ),
    "3.2": (
        "Technical Experts Working Group on Irregular Movements",
        "TEWG",
        ("not convened since October 2014", "dormant"),
    ),
    "3.3": (
        "Explore opportunities to expand existing bilateral and multi-country biometric",
        "RSO, IOM",
        ("23-24 February 2017", "Bangkok, Thailand", "endorsed in March 2016",
         "interim Oversight Committee", "last convened in 2012", "Australia leading"),
    ),
    "3.4": (
        "Quick Reference Guide for Frontline Officers",
        "RSO",
        ("26-28 May 2014", "Khmer, Tetum and Vietnamese"),
    ),
    "3.5": (
        "Curriculum on Standardized Induction Training",
        "RSO",
        ("12-13 November 2014", "May 2015", "Pacific Immigration Development Community"),
    ),
    "3.6": (
        "Develop a training curriculum and deliver workshop(s)",
        "RSO / CIFAL / KOICA /IOM",
        ("July 2017", "September 2017", "12-27 October", "Korea International Cooperation Agency"),
    ),
    "4.1": (
        "Encourage countries of origin to undertake voluntary repatriation",
        "Australia & AHG members /IOM",
        ("1 July 2012", "over 900 migrants", "127 migrants", "July 2016 and June 2017"),
    ),
    "4.2": (
        "Technical Experts Group on Returns and Reintegration",
        "RSO",
        ("RRG", "inaugural meeting"),
    ),
    "5.1": (
        "Address humanitarian and protection needs",
        "RSO",
        ("births, deaths and marriages", "stateless persons", "self-assessment methodology"),
    ),
    "5.2": (
        "Develop best practice models on refugee protection",
        "RSO",
        ("UNHCR", "Access to Asylum Procedures", "not yet been completed"),
    ),
    "5.3": (
        "Provide a series of training workshops on Enhancing a Victim Centred Approach",
        "RSO & CIFAL-Jeju (South Korea)",
        ("4-7 April 2017", "21-24 November 2017"),
    ),
    "5.4": (
        "Quick reference guides (QRG) on interviewing techniques",
        "RSO",
        ("Cambodian National Police", "Indonesian, Khmer, Sinhala, Tetum, Thai and Vietnamese",
         "all 25 provinces", "Phnom Penh"),
    ),
    "6.1": (
        "Conduct outreach with other Regional Consultative Processes",
        "RSO",
        ("Sixth Global Meeting of RCPs", "13 October 2016", "ASEAN Regional Forum"),
    ),
    "6.2": (
        "Encourage States to second officials",
        "Bali Process members",
        ("Jordan", "Regional Mapping Project", "Civil Registration Assessment Toolkit",
         "Afghanistan", "document examination manual", "Cambodia", "Timor-Leste", "New Zealand",
         "visa integrity", "USA funding"),
    ),
    "6.3": (
        "Establish Consultation Mechanism on urgent irregular migration events",
        "Affected/interested Bali Process members, led by Co-Chairs",
        ("Sixth Ministerial Conference", "11th AHG SOM", "13 October 2017 in Jakarta",
         "Myanmar and Bangladesh"),
    ),
    "6.4": (
        "Taskforce on Planning and Preparedness (TFPP)",
        "Affected/interested Bali Process members, RSO, IOM, UNHCR",
        ("Andaman Sea Review", "Colombo", "27 January 2017", "18-19 May 2017",
         "Table Top Exercise", "meet again in 2018"),
    ),
    "6.5": (
        "RSO support to member States on request",
        "RSO",
        ("Attorney-General", "translating and printing"),
    ),
}  # fmt: skip


def normal(text: str) -> str:
    """Compare like a reader: no Markdown escapes or emphasis, one space, '11th' not '11 th'."""
    text = re.sub(r"\\(.)", r"\1", text).replace("**", "")
    text = text.replace("\N{RIGHT SINGLE QUOTATION MARK}", "'").replace("\N{EN DASH}", "-")
    text = re.sub(r"(\d) (st|nd|rd|th)\b", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def cells(row: str) -> list[str]:
    """The cells of a Markdown table row, split on unescaped pipes."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def parse(markdown: str) -> dict[str, tuple[str, str, str, str]]:
    """number -> (theme number, title cell, who cell, status cell)."""
    theme, rows = "", {}
    for line in markdown.splitlines():
        heading = re.match(r"## (\d+)\. ", line)
        if heading:
            theme = heading.group(1)
        item = re.match(r"\| \*\*(\d+\.\d+)\*\* ", line)
        if item:
            title, who, status = cells(line)
            rows[item.group(1)] = (theme, title, who, status)
    return rows


@pytest.fixture(scope="module")
def report() -> str:
    from typer.testing import CliRunner

    from wgctl.cli import app

    done = CliRunner().invoke(
        app, ["report", "progress", "--until", "2017-10-31", "--repo", str(PROJECT)]
    )
    assert done.exit_code == 0, done.output
    return done.stdout


def test_title_and_opening_follow_the_model(report: str) -> None:
    lines = report.splitlines()
    assert lines[0] == TITLE
    assert lines[2] == OPENING


def test_themes_in_number_order(report: str) -> None:
    headings = re.findall(r"^## (\d+)\. (.+)$", report, flags=re.MULTILINE)
    assert [(n, t.lower()) for n, t in headings] == [(n, t.lower()) for n, t in THEMES.items()]


def test_all_29_items_in_their_themes_and_order(report: str) -> None:
    rows = parse(report)
    assert list(rows) == list(MODEL)
    assert {n: r[0] for n, r in rows.items()} == {n: n.split(".")[0] for n in MODEL}


@pytest.mark.parametrize("number", list(MODEL))
def test_item_matches_the_model(report: str, number: str) -> None:
    title, who, facts = MODEL[number]
    row = parse(report).get(number)
    assert row is not None, f"item {number} is missing"
    _, title_cell, who_cell, status = row
    assert normal(title_cell).startswith(normal(f"{number} {title}")), title_cell
    assert normal(who_cell) == normal(who)
    missing = [fact for fact in facts if normal(fact) not in normal(status)]
    assert not missing, f"{number}: facts missing from Status/Details: {missing}"


def test_make_demo_command_line_renders_html(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    target = tmp_path / "progress-report-2017-10.html"
    args = ["report", "progress", "--until", "2017-10-31", "--format", "html", "-o", target]
    done = run_cli(*args, "--repo", PROJECT)
    assert done.returncode == 0, done.stderr
    html = target.read_text(encoding="utf-8")
    assert "<h1>Ad Hoc Group Progress Report: October 2017</h1>" in html
    # One header row per theme table, and the JPAs compared (a header and six things counted).
    assert html.count("<tr>") == 29 + 6 + 7
