"""WG301: a group meets as often as its terms of reference say."""

from __future__ import annotations

from datetime import date

from tests.checks.helpers import found, meeting, problems
from tests.repo import RecordsRepo

GROUP = "records/groups/ewg.yaml"
POLICY = "  membership: ahg-member-states\n"


def _with_policy(repo: RecordsRepo, rule: str = "{min: 1, max: 2}") -> RecordsRepo:
    return repo.edit(GROUP, POLICY, f"{POLICY}  meetings_per_year: {rule}\n")


def test_group_meeting_within_its_range_every_year_is_fine(repo: RecordsRepo) -> None:
    _with_policy(repo)
    repo.write(meeting("ewg-2015", "roundtable", "2015-03-01"))
    repo.write(meeting("ewg-2016", "working-group-meeting", "2016-03-01"))
    repo.write(meeting("ewg-2016-ttx", "table-top-exercise", "2016-09-01"))
    repo.write(meeting("ewg-2017", "debrief", "2017-02-01"))
    # 2014 (the year it was established) and 2018 (not over yet) are not judged.
    assert found(repo, today=date(2018, 6, 1)) == []


def test_years_outside_the_range_warn_at_the_policy(repo: RecordsRepo) -> None:
    _with_policy(repo)
    repo.write(meeting("ewg-2015", "roundtable", "2015-03-01"))
    for i in range(3):
        repo.write(meeting(f"ewg-2016-{i}", "working-group-meeting", f"2016-0{i + 1}-01"))
    # Not counted: a workshop of the group, and a meeting of no group.
    repo.write(meeting("ewg-2017-workshop", "workshop", "2017-05-01"))
    repo.write(meeting("other-2017", "working-group-meeting", "2017-05-01", group=None))
    result = problems(repo, today=date(2018, 6, 1))
    assert [(p.path, p.line, p.column, p.rule) for p in result] == [
        (GROUP, 14, 22, "WG301"),
        (GROUP, 14, 22, "WG301"),
    ]
    assert sorted(p.message for p in result) == [
        "ewg met 0 times a year in 2017; its terms of reference ask for 1-2 a year",
        "ewg met 3 times a year in 2016; its terms of reference ask for 1-2 a year",
    ]
    assert {p.severity for p in result} == {"warning"}


def test_consecutive_years_alike_give_one_warning(repo: RecordsRepo) -> None:
    _with_policy(repo)
    repo.write(meeting("ewg-2018", "roundtable", "2018-03-01"))
    result = problems(repo, {"WG301"}, today=date(2021, 1, 1))
    assert [p.message for p in result] == [
        "ewg met 0 times a year in 2015-2017; its terms of reference ask for 1-2 a year",
        "ewg met 0 times a year in 2019-2020; its terms of reference ask for 1-2 a year",
    ]


def test_group_without_established_date_counts_from_its_endorsement(repo: RecordsRepo) -> None:
    _with_policy(repo)
    repo.edit(GROUP, "established: 2014-08-06\n", "")
    assert found(repo, {"WG301"}, today=date(2016, 1, 1)) == [(GROUP, 13, "WG301")]
    assert found(repo, {"WG301"}, today=date(2015, 12, 31)) == []


def test_planned_group_is_not_judged(repo: RecordsRepo) -> None:
    _with_policy(repo)
    repo.edit(GROUP, "endorsed_at: som-2014\n", "endorsed_at: som-2014\nstatus: planned\n")
    assert found(repo, {"WG301"}, today=date(2018, 1, 1)) == []
