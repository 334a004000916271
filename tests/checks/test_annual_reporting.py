"""WG302/WG303: the annual written report and the oral update at the SOM."""

from __future__ import annotations

from datetime import date

from tests.checks.helpers import found, meeting, problems
from tests.repo import RecordsRepo

GROUP = "records/groups/ewg.yaml"
POLICY = "  membership: ahg-member-states\n"
DUTY = "  reporting: {written_report_to: steering-group, oral_update_at: som}\n"
CODES = {"WG302", "WG303"}


def _report(year: int) -> dict[str, str]:
    return {
        f"records/documents/ewg-report-{year}.yaml": f"""\
            id: ewg-report-{year}
            sensitivity: members
            type: written-report
            title: Report of the co-chairs for {year}
            date: {year}-11-15
            author: ewg
            group: ewg
        """
    }


def _som(year: int, updates: str = "[ewg]") -> dict[str, str]:
    return meeting(
        f"som-{year}", "som", f"{year}-10-01", group=None, extra=f"oral_updates: {updates}\n"
    )


def test_group_that_reported_every_year_is_fine(repo: RecordsRepo) -> None:
    repo.edit(GROUP, POLICY, POLICY + DUTY)
    for year in (2015, 2016):
        repo.write(_report(year)).write(_som(year))
    assert found(repo, today=date(2017, 10, 1)) == []


def test_missing_report_and_update_warn_once_per_group_and_year(repo: RecordsRepo) -> None:
    repo.edit(GROUP, POLICY, POLICY + DUTY)
    repo.write(_report(2015)).write(_som(2016))
    repo.write(_som(2015, updates="[]"))  # a SOM that heard no update from the group
    result = problems(repo, CODES, today=date(2017, 10, 1))
    assert [(p.path, p.line, p.column, p.rule) for p in result] == [
        (GROUP, 14, 34, "WG302"),
        (GROUP, 14, 66, "WG303"),
    ]
    assert [p.message for p in result] == [
        "no written report by ewg to steering-group dated 2016",
        "no SOM in 2015 lists ewg under oral_updates",
    ]
    assert {p.severity for p in result} == {"warning"}


def test_only_years_that_have_ended_are_judged(repo: RecordsRepo) -> None:
    repo.edit(GROUP, POLICY, POLICY + DUTY)
    assert found(repo, CODES, today=date(2015, 12, 31)) == []
    assert found(repo, CODES, today=date(2016, 1, 1)) == [
        (GROUP, 14, "WG302"),
        (GROUP, 14, "WG303"),
    ]


def test_years_without_co_chairs_are_not_judged(repo: RecordsRepo) -> None:
    repo.edit(GROUP, POLICY, POLICY + DUTY)
    repo.write(_report(2015)).write(_som(2015)).write(_report(2016)).write(_som(2016))
    # The terms end in 2016: nothing is owed for 2017-2019.
    assert found(repo, CODES, today=date(2020, 6, 1)) == []


def test_only_the_duties_in_the_policy_are_checked(repo: RecordsRepo) -> None:
    repo.edit(GROUP, POLICY, POLICY + "  reporting: {oral_update_at: som}\n")
    assert found(repo, CODES, today=date(2016, 6, 1)) == [(GROUP, 14, "WG303")]
