"""WG101: record ids are unique across the repository, whatever their kind."""

from __future__ import annotations

from tests.checks.helpers import found, problems
from tests.repo import RecordsRepo


def _person(person_id: str) -> dict[str, str]:
    return {
        f"records/people/{person_id}.yaml": f"""\
            id: {person_id}
            sensitivity: restricted
            name: An official
            member: aland
            sources: [{{document: tor}}]
        """
    }


def test_distinct_ids_are_fine(repo: RecordsRepo) -> None:
    repo.write(_person("aland-official"))
    assert found(repo) == []


def test_same_id_in_two_kinds_is_reported_on_the_later_path(repo: RecordsRepo) -> None:
    repo.write(_person("aland"))
    assert found(repo, {"WG101"}) == [("records/people/aland.yaml", 1, "WG101")]
    [problem] = problems(repo, {"WG101"})
    assert problem.message == "id 'aland' is already used by records/organisations/aland.yaml"
