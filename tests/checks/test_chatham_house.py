"""WG402: statements at a Chatham House meeting are not attributed."""

from __future__ import annotations

from tests.checks.helpers import found, meeting, problems
from tests.repo import RecordsRepo

PATH = "records/meetings/ewg-2015.yaml"
STATEMENTS = """\
statements:
- text: Borders are porous.
  by: aland
- text: Networks adapt quickly.
"""


def test_attributed_statement_under_the_rule_is_an_error(repo: RecordsRepo) -> None:
    repo.write(
        meeting(
            "ewg-2015",
            "working-group-meeting",
            "2015-03-01",
            extra="chatham_house: true\n" + STATEMENTS,
        )
    )
    assert found(repo) == [(PATH, 11, "WG402")]
    [problem] = problems(repo)
    assert problem.column == 7
    assert problem.message == "statements.0 is attributed to 'aland' at a Chatham House meeting"


def test_unattributed_statements_under_the_rule_are_fine(repo: RecordsRepo) -> None:
    text = STATEMENTS.replace("  by: aland\n", "")
    repo.write(
        meeting(
            "ewg-2015", "working-group-meeting", "2015-03-01", extra="chatham_house: true\n" + text
        )
    )
    assert found(repo) == []


def test_attribution_outside_the_rule_is_fine(repo: RecordsRepo) -> None:
    repo.write(meeting("ewg-2015", "working-group-meeting", "2015-03-01", extra=STATEMENTS))
    assert found(repo) == []
