"""WG106: theme and initiative numbers are unique; an item starts with its theme's number."""

from __future__ import annotations

from tests.checks.helpers import found, problems
from tests.repo import RecordsRepo

INITIATIVE = "records/initiatives/joint-action.yaml"


def _initiative(record_id: str, number: str, theme: str = "cooperation") -> dict[str, str]:
    return {
        f"records/initiatives/{record_id}.yaml": f"""\
            id: {record_id}
            sensitivity: public
            number: "{number}"
            theme: {theme}
            title: Another item
            status: planned
            sources: [{{document: tor}}]
        """
    }


def test_numbered_items_under_their_theme_are_fine(repo: RecordsRepo) -> None:
    repo.write(_initiative("second-action", "1.2"))
    assert found(repo) == []


def test_duplicate_initiative_number_is_reported_on_the_second_file(repo: RecordsRepo) -> None:
    repo.write(_initiative("second-action", "1.1"))
    assert found(repo, {"WG106"}) == [("records/initiatives/second-action.yaml", 3, "WG106")]
    [problem] = problems(repo, {"WG106"})
    assert problem.message == "initiative number '1.1' is already used by joint-action"


def test_leading_zeros_do_not_make_a_number_new(repo: RecordsRepo) -> None:
    repo.write(_initiative("second-action", "01.1"))
    assert found(repo, {"WG106"}) == [("records/initiatives/second-action.yaml", 3, "WG106")]


def test_initiative_under_the_wrong_theme(repo: RecordsRepo) -> None:
    repo.edit(INITIATIVE, 'number: "1.1"', 'number: "2.1"')
    assert found(repo, {"WG106"}) == [(INITIATIVE, 3, "WG106")]
    [problem] = problems(repo, {"WG106"})
    assert "does not start with theme cooperation's number '1'" in problem.message


def test_duplicate_theme_number(repo: RecordsRepo) -> None:
    repo.write(
        {
            "records/themes/sharing.yaml": """\
                id: sharing
                sensitivity: public
                number: "1"
                title: Information sharing
                sources: [{document: tor}]
            """
        }
    )
    assert found(repo, {"WG106"}) == [("records/themes/sharing.yaml", 3, "WG106")]
