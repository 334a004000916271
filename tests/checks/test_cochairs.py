"""WG201-WG207: a failing and a passing fixture per co-chair rule, in a real git repository."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.repo import RecordsRepo
from wgctl.validate import validate_repo

GROUP = "records/groups/ewg.yaml"
FIRST_TERM = 11  # line of terms[0] in the group file written by `_group`

EXTRA = {
    "records/organisations/dalmatia.yaml": """\
        id: dalmatia
        sensitivity: public
        name: Dalmatia
        type: state
        ahg_member: true
        sources: [{document: tor}]
    """,
    "records/organisations/elbonia.yaml": """\
        id: elbonia
        sensitivity: public
        name: Elbonia
        type: state
        ahg_member: false
        sources: [{document: tor}]
    """,
    "records/meetings/wg-2015.yaml": """\
        id: wg-2015
        sensitivity: public
        type: working-group-meeting
        title: First working group meeting
        start: 2015-05-01
        sources: [{document: tor}]
    """,
}
for _year in range(2015, 2021):
    EXTRA[f"records/meetings/som-{_year}.yaml"] = f"""\
        id: som-{_year}
        sensitivity: public
        type: som
        title: AHG Senior Officials Meeting {_year}
        start: {_year}-11-01
        decisions:
          - id: ewg-cochairs-{_year}
            text: The members agree the co-chair exception put to this meeting.
        sources: [{{document: tor}}]
    """
EXTRA["records/meetings/workshop-2016.yaml"] = """\
    id: workshop-2016
    sensitivity: public
    type: workshop
    title: A workshop of another body
    start: 2016-06-01
    decisions: [{id: ewg-cochairs, text: Participants agreed an extension.}]
    sources: [{document: tor}]
"""


def agreed(meeting: str, decision: str | None = None) -> str:
    """A term's `agreement` citing the decision recorded on `meeting`."""
    year = meeting.rsplit("-", 1)[-1]
    return f", agreement: {{meeting: {meeting}, decision: {decision or f'ewg-cochairs-{year}'}}}"


def _group(
    terms: list[str],
    *,
    seats: int = 2,
    max_years: int = 2,
    membership: str = "ahg-member-states",
    extra: str = "",
) -> str:
    lines = "\n".join(f"  - {{{t}}}" for t in terms)
    return (
        "id: ewg\n"
        "sensitivity: public\n"
        "name: Example Working Group\n"
        "parent: ahg\n"
        "policy:\n"
        f"  seats: {seats}\n"
        f"  max_term_years: {max_years}\n"
        "  staggered: true\n"
        f"  membership: {membership}\n{extra}"
        f"terms:\n{lines}\n"
        "sources: [{document: tor}]\n"
    )


def _term(
    seat: int, member: str, start: str, end: str, decided: str = "som-2014", *, more: str = ""
) -> str:
    return (
        f"seat: {seat}, member: {member}, start: {start}, end: {end}, decided_at: {decided}{more}"
    )


BOOTSTRAP = [
    _term(1, "aland", "2015-01-01", "2016-12-31"),
    _term(2, "borduria", "2015-01-01", "2016-12-31"),
]

Found = list[tuple[str, int, str]]


@pytest.fixture
def cochair_problems(repo: RecordsRepo) -> Callable[..., Found]:
    """Write the group with these terms, commit, validate: (path, line, rule) of WG2xx problems."""
    repo.write(EXTRA)

    def run(terms: list[str], *, today: date = date(2015, 6, 1), **policy: object) -> Found:
        repo.write({GROUP: _group(terms, **policy)})  # type: ignore[arg-type]
        repo.commit("group")
        result = validate_repo(repo.root, today=today)
        others = [p for p in result.errors if not p.rule.startswith("WG2")]
        assert not others, others
        return [(p.path, p.line, p.rule) for p in result.problems if p.rule.startswith("WG2")]

    return run


def at(index: int, rule: str) -> tuple[str, int, str]:
    """The problem expected on the line of terms[index]."""
    return (GROUP, FIRST_TERM + index, rule)


def test_minimal_fixture_is_clean(cochair_problems: Callable[..., Found]) -> None:
    assert cochair_problems(BOOTSTRAP) == []


def test_wg201_seat_out_of_range(cochair_problems: Callable[..., Found]) -> None:
    terms = [*BOOTSTRAP, _term(3, "carpania", "2015-01-01", "2016-12-31")]
    assert cochair_problems(terms) == [at(2, "WG201")]
    assert cochair_problems(terms, seats=3) == []


def test_wg201_overlap_in_one_seat(cochair_problems: Callable[..., Found]) -> None:
    terms = [*BOOTSTRAP, _term(1, "carpania", "2016-07-01", "2018-06-30", "som-2015")]
    assert at(2, "WG201") in cochair_problems(terms)
    terms[2] = _term(1, "carpania", "2017-01-01", "2018-12-31", "som-2016")
    assert cochair_problems(terms) == []


def test_wg202_gap_in_a_seat(cochair_problems: Callable[..., Found]) -> None:
    terms = [
        _term(1, "aland", "2015-01-01", "2016-12-31"),
        _term(2, "borduria", "2015-01-01", "2015-06-30"),
        _term(2, "carpania", "2016-01-01", "2016-12-31", "som-2015"),
    ]
    assert cochair_problems(terms) == [at(2, "WG202")]
    terms[1] = _term(2, "borduria", "2015-01-01", "2015-12-31")
    assert cochair_problems(terms) == []


def test_wg202_seat_never_filled(cochair_problems: Callable[..., Found]) -> None:
    assert cochair_problems(BOOTSTRAP[:1]) == [(GROUP, 6, "WG202")]


def test_wg202_trailing_vacancy_only_once_it_has_begun(
    cochair_problems: Callable[..., Found],
) -> None:
    terms = [
        _term(1, "aland", "2015-01-01", "2016-12-31"),
        _term(2, "borduria", "2015-01-01", "2015-12-31"),
        _term(2, "carpania", "2016-01-01", "2017-12-31", "som-2015"),
    ]
    # Seat 1 ends first: undecided in 2016, vacant once 2017 has begun.
    assert cochair_problems(terms, today=date(2016, 6, 1)) == []
    assert cochair_problems(terms, today=date(2017, 6, 1)) == [at(0, "WG202")]


def test_wg203_term_longer_than_maximum(cochair_problems: Callable[..., Found]) -> None:
    terms = [_term(1, "aland", "2015-01-01", "2017-12-31"), BOOTSTRAP[1]]
    assert cochair_problems(terms) == [at(0, "WG203")]
    assert cochair_problems(terms, max_years=3) == []


def test_wg203_an_extension_counts_and_needs_the_recorded_agreement(
    cochair_problems: Callable[..., Found],
) -> None:
    ext = "extension: {until: 2017-12-31, decided_at: som-2016"
    unagreed = _term(1, "aland", "2015-01-01", "2016-12-31", more=f", {ext}}}")
    later = _term(2, "carpania", "2017-01-01", "2018-12-31", "som-2016")
    # The maximum is measured to the real end of service: three years without an agreement.
    assert cochair_problems([unagreed, BOOTSTRAP[1], later]) == [at(0, "WG203")]
    with_agreement = _term(
        1, "aland", "2015-01-01", "2016-12-31", more=f", {ext}{agreed('som-2016')}}}"
    )
    assert cochair_problems([with_agreement, BOOTSTRAP[1], later]) == []


def test_wg203_six_years_by_extension_is_refused(cochair_problems: Callable[..., Found]) -> None:
    long = ", extension: {until: 2020-12-31, decided_at: som-2016}"
    terms = [_term(1, "aland", "2015-01-01", "2016-12-31", more=long), BOOTSTRAP[1]]
    assert at(0, "WG203") in cochair_problems(terms)


def test_wg208_an_agreement_must_be_recorded_by_the_members_or_the_som_in_time(
    cochair_problems: Callable[..., Found],
) -> None:
    def extended(agreement: str) -> list[str]:
        ext = f", extension: {{until: 2017-12-31, decided_at: som-2016{agreement}}}"
        first = _term(1, "aland", "2015-01-01", "2016-12-31", more=ext)
        return [first, BOOTSTRAP[1], _term(2, "carpania", "2017-01-01", "2018-12-31", "som-2016")]

    no_such = cochair_problems(extended(agreed("som-2016", "nothing-like-it")))
    assert at(0, "WG208") in no_such and at(0, "WG203") in no_such
    wrong_body = cochair_problems(extended(agreed("workshop-2016", "ewg-cochairs")))
    assert at(0, "WG208") in wrong_body
    too_late = cochair_problems(extended(agreed("som-2017")))
    assert at(0, "WG208") in too_late


def test_wg203_consecutive_terms_of_one_member(cochair_problems: Callable[..., Found]) -> None:
    terms = [*BOOTSTRAP, _term(1, "aland", "2017-01-01", "2017-12-31", "som-2016")]
    assert cochair_problems(terms) == [at(2, "WG203")]
    terms[2] = _term(1, "aland", "2018-01-01", "2018-12-31", "som-2017")  # a year's break
    assert at(2, "WG203") not in cochair_problems(terms)


def test_wg204_both_seats_change_even_right_after_the_first_term(
    cochair_problems: Callable[..., Found],
) -> None:
    terms = [
        *BOOTSTRAP,
        _term(1, "carpania", "2017-01-01", "2018-12-31", "som-2016"),
        _term(2, "dalmatia", "2017-01-01", "2018-12-31", "som-2016"),
        _term(1, "aland", "2019-01-01", "2020-12-31", "som-2018"),
        _term(2, "borduria", "2019-01-01", "2020-12-31", "som-2018"),
    ]
    # The inaugural co-chairs start together; every later double change needs an agreement.
    assert cochair_problems(terms) == [at(3, "WG204"), at(5, "WG204")]
    terms[3] = _term(2, "dalmatia", "2017-01-01", "2017-12-31", "som-2016", more=agreed("som-2016"))
    assert cochair_problems(terms[:4]) == []


def test_wg204_an_extension_that_makes_two_seats_end_together(
    cochair_problems: Callable[..., Found],
) -> None:
    ext = ", extension: {until: 2017-12-31, decided_at: som-2016}"
    terms = [
        _term(1, "aland", "2015-01-01", "2016-12-31"),
        _term(2, "borduria", "2015-01-01", "2015-12-31"),
        _term(2, "carpania", "2016-01-01", "2016-12-31", "som-2015", more=ext),
        _term(1, "dalmatia", "2017-01-01", "2017-12-31", "som-2016"),
    ]
    assert cochair_problems(terms) == [at(2, "WG204")]


def test_wg204_message_quotes_the_clause(repo: RecordsRepo) -> None:
    repo.write(EXTRA)
    clause = "  clauses:\n    stagger: One of the co-chairs will rotate annually.\n"
    terms = [
        *BOOTSTRAP,
        _term(1, "carpania", "2017-01-01", "2018-12-31", "som-2016"),
        _term(2, "dalmatia", "2017-01-01", "2018-12-31", "som-2016"),
    ]
    repo.write({GROUP: _group(terms, extra=clause)})
    repo.commit("group")
    found = [
        p for p in validate_repo(repo.root, today=date(2017, 6, 1)).errors if p.rule == "WG204"
    ]
    assert found and "One of the co-chairs will rotate annually." in found[0].message


def test_wg205_not_a_member_state(cochair_problems: Callable[..., Found]) -> None:
    terms = [BOOTSTRAP[0], _term(2, "iom", "2015-01-01", "2016-12-31")]
    assert cochair_problems(terms) == [at(1, "WG205")]
    assert cochair_problems(terms, membership="ahg-members") == []
    terms[1] = _term(2, "elbonia", "2015-01-01", "2016-12-31")
    assert cochair_problems(terms, membership="ahg-members") == [at(1, "WG205")]


def test_wg205_nominations_by_parties_that_cannot_hold_a_seat(repo: RecordsRepo) -> None:
    repo.write(EXTRA)
    nominations = (
        "nominations:\n  - {member: iom, year: 2017}\n  - {member: elbonia, year: 2017}\n"
        "  - {member: carpania, year: 2017}\n"
    )
    repo.write({GROUP: _group(BOOTSTRAP).replace("sources:", nominations + "sources:")})
    repo.commit("group")
    found = [(p.line, p.rule) for p in validate_repo(repo.root, today=date(2016, 6, 1)).errors]
    assert found == [(14, "WG205"), (15, "WG205")]


def test_wg205_a_withdrawn_nomination_cannot_be_appointed(repo: RecordsRepo) -> None:
    repo.write(EXTRA)
    terms = [*BOOTSTRAP, _term(1, "carpania", "2017-01-01", "2018-12-31", "som-2016")]
    nominations = "nominations:\n  - {member: carpania, year: 2017, withdrawn: true}\n"
    repo.write({GROUP: _group(terms).replace("sources:", nominations + "sources:")})
    repo.commit("group")
    found = validate_repo(repo.root, today=date(2016, 6, 1)).errors
    assert [(p.line, p.rule) for p in found] == [(FIRST_TERM + 2, "WG205")]
    assert "withdrew its nomination for 2017" in found[0].message


def test_wg209_a_nomination_no_som_can_consider(repo: RecordsRepo) -> None:
    repo.write(EXTRA)
    nominations = (
        "nominations:\n  - {member: carpania, year: 2017, date: 2018-02-01}\n"
        "  - {member: dalmatia, year: 2017, date: 2016-02-01}\n"
    )
    repo.write({GROUP: _group(BOOTSTRAP).replace("sources:", nominations + "sources:")})
    repo.commit("group")
    found = [
        p for p in validate_repo(repo.root, today=date(2018, 6, 1)).problems if p.rule == "WG209"
    ]
    assert [(p.line, p.severity.value) for p in found] == [(14, "warning")]
    assert "after the year 2017 it is for" in found[0].message


def test_wg205_listed_membership(cochair_problems: Callable[..., Found], repo: RecordsRepo) -> None:
    extra = "  members: [aland, carpania]\n"
    found = cochair_problems(BOOTSTRAP, membership="listed", extra=extra)
    assert found == [(GROUP, FIRST_TERM + 1 + 1, "WG205")]  # one more policy line before terms
    extra = "  members: [aland, borduria]\n"
    assert cochair_problems(BOOTSTRAP, membership="listed", extra=extra) == []


def test_wg206_decided_at_a_meeting_that_is_not_a_som(
    cochair_problems: Callable[..., Found],
) -> None:
    terms = [*BOOTSTRAP, _term(1, "carpania", "2017-01-01", "2018-12-31", "wg-2015")]
    assert cochair_problems(terms) == [at(2, "WG206")]


def test_wg206_a_term_without_its_decision_is_checked(
    cochair_problems: Callable[..., Found],
) -> None:
    terms = [*BOOTSTRAP, "seat: 1, member: carpania, start: 2017-01-01, end: 2018-12-31"]
    assert cochair_problems(terms) == [at(2, "WG206")]


def test_wg206_decided_after_the_term_starts(cochair_problems: Callable[..., Found]) -> None:
    terms = [*BOOTSTRAP, _term(1, "carpania", "2017-01-01", "2018-12-31", "som-2017")]
    assert cochair_problems(terms) == [at(2, "WG206")]
    terms[2] = _term(1, "carpania", "2017-01-01", "2018-12-31", "som-2016")
    assert cochair_problems(terms) == []


def test_wg206_extension_decided_after_the_extended_period_began(
    cochair_problems: Callable[..., Found],
) -> None:
    late = f", extension: {{until: 2017-12-31, decided_at: som-2017{agreed('som-2016')}}}"
    terms = [
        _term(1, "aland", "2015-01-01", "2016-12-31", more=late),
        BOOTSTRAP[1],
        _term(2, "carpania", "2017-01-01", "2018-12-31", "som-2016"),
    ]
    assert cochair_problems(terms) == [at(0, "WG206")]


def test_wg207_one_member_in_two_seats(cochair_problems: Callable[..., Found]) -> None:
    terms = [
        _term(1, "aland", "2015-01-01", "2016-12-31"),
        _term(2, "borduria", "2015-01-01", "2015-12-31"),
        _term(2, "aland", "2016-01-01", "2016-12-31", "som-2015"),
    ]
    assert cochair_problems(terms) == [at(2, "WG207")]
    terms[2] = _term(2, "carpania", "2016-01-01", "2016-12-31", "som-2015")
    assert cochair_problems(terms) == []


def test_validate_cli_points_at_the_line(
    cochair_problems: Callable[..., Found], repo: RecordsRepo, run_cli: Callable[..., object]
) -> None:
    cochair_problems([BOOTSTRAP[0], _term(2, "iom", "2015-01-01", "2016-12-31")])
    result = run_cli("validate", "--repo", repo.root, "--format", "json")
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert f'"line": {FIRST_TERM + 1}' in result.stdout  # type: ignore[attr-defined]
    assert "WG205" in result.stdout  # type: ignore[attr-defined]
