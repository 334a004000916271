"""The bundled records hold what the source documents say: counts, numbers, figures, co-chairs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from wgctl.errors import Severity
from wgctl.files.load import load_repo
from wgctl.models import ActionItem, Figure, Group, Initiative, Meeting, Organisation, Theme
from wgctl.records import Records

REPO = Path(__file__).resolve().parents[1]

AHG_STATES = {
    "Afghanistan",
    "Australia",
    "Bangladesh",
    "India",
    "Indonesia",
    "Malaysia",
    "Maldives",
    "New Zealand",
    "Myanmar",
    "Pakistan",
    "Philippines",
    "Sri Lanka",
    "Thailand",
    "United Arab Emirates",
    "United States of America",
    "Viet Nam",
}
THEMES = {
    "1": "Law enforcement cooperation and capacity building",
    "2": "Information and intelligence sharing",
    "3": "Border Management",
    "4": "Cooperation on returns and reintegration",
    "5": "Protection and asylum management",
    "6": "Member Engagement and Outreach",
}
ITEMS = {"1": 6, "2": 6, "3": 6, "4": 2, "5": 4, "6": 5}


@pytest.fixture(scope="module")
def records() -> Records:
    loaded = load_repo(REPO)
    errors = [str(p) for p in loaded.problems if p.severity is Severity.ERROR]
    assert errors == []
    return loaded.records


def _figures(figures: list[Figure]) -> dict[str, tuple[int, str]]:
    return {f.name: (f.value, f.qualifier) for f in figures}


def test_ahg_members(records: Records) -> None:
    states = [o for o in records.of(Organisation) if o.type == "state" and o.ahg_member]
    assert {o.name for o in states} == AHG_STATES
    assert len(states) == 16
    ios = [o for o in records.of(Organisation) if o.type == "international-organisation"]
    assert {o.id for o in ios} == {"iom", "unhcr", "unodc"}
    assert all(o.ahg_member for o in ios)


def test_other_states_are_not_claimed_as_ahg_members(records: Records) -> None:
    for oid in ("cambodia", "timor-leste", "jordan", "canada", "south-korea"):
        org = records.get(Organisation, oid)
        assert org is not None
        assert org.type == "state"
        assert not org.ahg_member


def test_themes(records: Records) -> None:
    assert {t.number: t.title for t in records.of(Theme)} == THEMES


def test_initiatives_numbered_under_their_themes(records: Records) -> None:
    initiatives = records.of(Initiative)
    assert len(initiatives) == 29
    expected = {f"{t}.{i}" for t, n in ITEMS.items() for i in range(1, n + 1)}
    assert {i.number for i in initiatives} == expected
    for item in initiatives:
        theme = records.get(Theme, item.theme)
        assert theme is not None
        assert item.number.split(".")[0] == theme.number, item.id
        assert item.updates, item.id
        for who in item.who:
            assert who.party is None or records.party(who.party) is not None, item.id


@pytest.mark.parametrize(
    ("number", "who_text"),
    [
        ("1.2", "TIPs Working Group"),
        ("1.3", "AHG members"),
        ("2.1", "UNODC & members as coordination point"),
        ("2.3", "Bangladesh, Australia, IOM"),
        ("3.2", "TEWG"),
        ("6.2", "Bali Process members"),
        ("6.3", "Affected/interested Bali Process members, led by Co-Chairs"),
        ("6.4", "Affected/interested Bali Process members, RSO, IOM, UNHCR"),
    ],
)
def test_who_as_the_report_prints_it(records: Records, number: str, who_text: str) -> None:
    (item,) = [i for i in records.of(Initiative) if i.number == number]
    assert item.who_text == who_text


def test_the_lost_rso_name_is_restored(records: Records) -> None:
    lost = re.compile(r"\bthe\s*[.,]|\bThe (is|developed|will|has|continues|attended|tasked)\b")
    for item in records.of(Initiative):
        for text in [item.title, item.who_text or "", *(u.text for u in item.updates)]:
            assert not lost.search(text), (item.id, text)


def test_joint_periods_of_action(records: Records) -> None:
    jpas = {m.id: m for m in records.of(Meeting) if m.type == "joint-period-of-action"}
    assert set(jpas) == {"jpa-1", "jpa-2", "jpa-3"}
    assert all(m.group == "dwg" for m in jpas.values())
    assert (jpas["jpa-1"].start, jpas["jpa-1"].end) == (date(2015, 9, 28), date(2015, 10, 28))
    assert _figures(jpas["jpa-1"].figures) == {"countries": (8, "exact")}
    assert _figures(jpas["jpa-2"].figures) == {"countries": (10, "exact"), "arrests": (30, "over")}
    assert _figures(jpas["jpa-3"].figures) == {
        "countries": (10, "exact"),
        "joint operations": (9, "exact"),
        "persons convicted": (72, "exact"),
        "new suspects": (23, "exact"),
        "arrests": (10, "exact"),
        "new investigations": (9, "exact"),
    }
    assert len(jpas["jpa-3"].participants) == 10
    assert {"new-zealand", "sri-lanka", "usa"} <= set(jpas["jpa-3"].participants)


def test_dwg_first_cochairs_and_deciding_meeting(records: Records) -> None:
    dwg = records.get(Group, "dwg")
    assert dwg is not None
    first = sorted((t for t in dwg.terms if t.start.year == 2015), key=lambda t: t.seat)
    assert [(t.seat, t.member) for t in first] == [(1, "new-zealand"), (2, "sri-lanka")]
    for term in first:
        assert (term.start, term.end) == (date(2015, 1, 1), date(2016, 12, 31))
        som = records.get(Meeting, term.decided_at)
        assert som is not None
        assert som.type == "som"
        assert som.start == date(2014, 8, 6)
        assert som.number == 8
        assert "Canberra" in (som.location or "")


def test_dwg_terms_of_reference(records: Records) -> None:
    dwg = records.get(Group, "dwg")
    assert dwg is not None and dwg.policy is not None
    policy = dwg.policy
    assert (policy.seats, policy.max_term_years, policy.staggered) == (2, 2, True)
    assert policy.meetings_per_year is not None
    assert (policy.meetings_per_year.min, policy.meetings_per_year.max) == (1, 2)
    assert policy.reporting.written_report_to == "steering-group"
    assert policy.reporting.oral_update_at == "som"
    assert policy.clearance_required == "national"
    assert policy.chatham_house
    assert {"max-term", "stagger", "nominations", "decided-at", "roster"} <= set(policy.clauses)


def test_no_meeting_claims_chatham_house(records: Records) -> None:
    assert [m.id for m in records.of(Meeting) if m.chatham_house] == []


def test_report_figures(records: Records) -> None:
    by_number = {i.number: i for i in records.of(Initiative)}
    figures = {
        number: [(f.name, f.value, f.qualifier) for u in item.updates for f in u.figures]
        for number, item in by_number.items()
    }
    assert ("languages", 14, "exact") in figures["1.2"]
    assert ("languages", 4, "exact") in figures["1.2"]
    assert ("participants", 91, "exact") in figures["1.5"]
    assert ("states and territories", 23, "exact") in figures["2.1"]
    assert ("students", 7121, "exact") in figures["2.3"]
    assert ("street theatre performances", 224, "exact") in figures["2.3"]
    assert ("audience", 100000, "more-than") in figures["2.3"]
    assert ("member States", 7, "exact") in figures["3.1"]
    assert ("migrants returned since 1 July 2012", 900, "over") in figures["4.1"]
    assert ("migrants returned", 127, "exact") in figures["4.1"]
    assert ("provinces", 25, "exact") in figures["5.4"]
    assert by_number["3.2"].status == "dormant"


def test_unodc_requests_are_open_actions(records: Records) -> None:
    sydney = records.get(Meeting, "ahg-som-2011-10-sydney")
    assert sydney is not None and sydney.start == date(2011, 10, 12)
    raised = {a.id: a for a in records.of(ActionItem) if a.raised_at == sydney.id}
    dues = {a.due for a in raised.values()}
    assert {date(2011, 10, 26), date(2011, 12, 12)} <= dues
    assert any(a.recurring == "annual" for a in raised.values())
    assert all(a.status == "open" for a in raised.values())


def test_examples_repository_is_valid() -> None:
    loaded = load_repo(REPO / "examples")
    assert [str(p) for p in loaded.problems if p.severity is Severity.ERROR] == []
    assert len(loaded.records) >= 25


@pytest.mark.parametrize("folder", [".", "examples"])
def test_bundled_repositories_pass_every_rule(folder: str) -> None:
    """Not only loadable: every cross-record rule passes (warnings the history earns are kept)."""
    from wgctl.validate import validate_repo

    result = validate_repo(REPO / folder, today=date(2026, 11, 23))
    assert [str(p) for p in result.errors] == []


def test_the_colombo_som_has_its_day_from_its_co_chairs_statement(records: Records) -> None:
    from wgctl.models import Document

    som = records.get(Meeting, "ahg-som-11")
    statement = records.get(Document, "ahg-som-11-co-chairs-statement")
    assert som is not None and statement is not None
    assert (som.start, som.precision) == (date(2016, 11, 16), "day")
    assert (statement.type, statement.date, statement.meeting) == ("statement", som.start, som.id)
    assert "16 November 2016" in statement.title
    assert "ahg-som-11-co-chairs-statement" in [s.document for s in som.sources]
