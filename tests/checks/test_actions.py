"""WG501/WG503: overdue open action items and inconsistent closing fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from tests.checks.helpers import found, problems
from tests.repo import RecordsRepo

ACTION = "records/actions/nominate-focal-point.yaml"
CODES = {"WG501", "WG503"}
Run = Callable[..., Any]


def _reopen(repo: RecordsRepo) -> None:
    repo.edit(ACTION, "status: closed\nclosed: 2014-08-19\n", "status: open\n")


def test_closed_action_with_its_date_is_fine(repo: RecordsRepo) -> None:
    assert found(repo, CODES) == []


def test_closed_action_needs_a_closed_date(repo: RecordsRepo) -> None:
    repo.edit(ACTION, "closed: 2014-08-19\n", "")
    assert found(repo, CODES) == [(ACTION, 7, "WG503")]


def test_open_action_must_not_have_a_closed_date(repo: RecordsRepo) -> None:
    repo.edit(ACTION, "status: closed", "status: open")
    assert found(repo, CODES, today=date(2014, 8, 10)) == [(ACTION, 8, "WG503")]


def test_open_action_past_due_is_a_warning_at_the_due_date(repo: RecordsRepo) -> None:
    _reopen(repo)
    [problem] = problems(repo, CODES, today=date(2014, 8, 21))
    assert (problem.path, problem.line, problem.column, problem.rule) == (ACTION, 6, 6, "WG501")
    assert problem.severity == "warning"
    assert problem.message == "still open after its due date (2014-08-20)"


def test_open_action_on_its_due_date_is_not_overdue(repo: RecordsRepo) -> None:
    _reopen(repo)
    assert found(repo, today=date(2014, 8, 20)) == []


def test_recurring_and_cancelled_actions_are_not_overdue(repo: RecordsRepo) -> None:
    _reopen(repo)
    repo.edit(ACTION, "status: open\n", "status: open\nrecurring: annual\n")
    repo.write(
        {
            "records/actions/dropped.yaml": """\
                id: dropped
                sensitivity: public
                text: Something no longer needed.
                owner: ahg
                due: 2014-01-01
                status: cancelled
                closed: 2014-02-01
                sources: [{document: tor}]
            """
        }
    )
    assert found(repo, today=date(2017, 1, 1)) == []


def test_overdue_warning_fails_only_with_strict(repo: RecordsRepo, run_cli: Run) -> None:
    _reopen(repo)
    args = ("validate", "--repo", repo.root, "--today", "2015-01-01", "--format", "github")
    lenient = run_cli(*args)
    assert lenient.returncode == 0
    assert lenient.stdout == (
        f"::warning file={ACTION},line=6,col=6,title=WG501 action-overdue::"
        "still open after its due date (2014-08-20)\n"
    )
    assert run_cli(*args, "--strict").returncode == 1
