"""WG105: dates in order, on a real repository broken on purpose."""

from __future__ import annotations

from tests.checks.helpers import found, problems
from tests.repo import RecordsRepo

GROUP = "records/groups/ewg.yaml"
SOM = "records/meetings/som-2014.yaml"
ACTION = "records/actions/nominate-focal-point.yaml"


def test_minimal_repository_has_no_dates_out_of_order(repo: RecordsRepo) -> None:
    assert found(repo) == []


def test_meeting_ending_before_it_starts(repo: RecordsRepo) -> None:
    repo.edit(SOM, "start: 2014-08-06\n", "start: 2014-08-06\nend: 2014-08-05\n")
    assert found(repo, {"WG105"}) == [(SOM, 7, "WG105")]
    [problem] = problems(repo, {"WG105"})
    assert problem.message == "end 2014-08-05 is before its start (2014-08-06)"


def test_meeting_with_month_precision_is_compared_by_month(repo: RecordsRepo) -> None:
    repo.edit(SOM, "start: 2014-08-06\n", "start: 2014-08-06\nend: 2014-08-01\nprecision: month\n")
    assert found(repo) == []


def test_one_day_meeting_may_end_on_its_start(repo: RecordsRepo) -> None:
    repo.edit(SOM, "start: 2014-08-06\n", "start: 2014-08-06\nend: 2014-08-06\n")
    assert found(repo) == []


def test_term_ending_before_it_starts(repo: RecordsRepo) -> None:
    repo.edit(GROUP, "end: 2016-12-31", "end: 2014-12-31")
    assert found(repo, {"WG105"}) == [(GROUP, 18, "WG105")]


def test_extension_that_does_not_extend(repo: RecordsRepo) -> None:
    repo.edit(
        GROUP,
        "    decided_at: som-2014\n  - seat: 2",
        "    decided_at: som-2014\n    extension: {until: 2016-06-30, decided_at: som-2014}\n"
        "  - seat: 2",
    )
    assert found(repo, {"WG105"}) == [(GROUP, 20, "WG105")]
    [problem] = problems(repo, {"WG105"})
    assert "terms.0.extension.until 2016-06-30" in problem.message


def test_extension_past_the_term_end_is_fine(repo: RecordsRepo) -> None:
    repo.edit(
        GROUP,
        "    decided_at: som-2014\n  - seat: 2",
        "    decided_at: som-2014\n    extension: {until: 2017-06-30, decided_at: som-2014}\n"
        "  - seat: 2",
    )
    assert found(repo, {"WG105"}) == []


def test_group_established_before_its_endorsing_meeting(repo: RecordsRepo) -> None:
    repo.edit(GROUP, "established: 2014-08-06", "established: 2014-08-01")
    assert found(repo, {"WG105"}) == [(GROUP, 7, "WG105")]


def test_action_due_and_closed_before_the_meeting_that_raised_it(repo: RecordsRepo) -> None:
    repo.edit(ACTION, "due: 2014-08-20", "due: 2014-08-01")
    repo.edit(ACTION, "closed: 2014-08-19", "closed: 2014-08-05")
    assert found(repo, {"WG105"}) == [(ACTION, 6, "WG105"), (ACTION, 8, "WG105")]
    messages = [p.message for p in problems(repo, {"WG105"})]
    assert (
        messages[0] == "due 2014-08-01 is before the meeting that raised it, som-2014 (2014-08-06)"
    )


def test_action_closed_on_the_meeting_day_is_fine(repo: RecordsRepo) -> None:
    repo.edit(ACTION, "closed: 2014-08-19", "closed: 2014-08-06")
    assert found(repo) == []
