"""WG102: a record's id equals its file name."""

from __future__ import annotations

from tests.checks.helpers import found, problems
from tests.repo import RecordsRepo


def test_ids_matching_their_files_are_fine(repo: RecordsRepo) -> None:
    assert found(repo, {"WG102"}) == []


def test_id_differing_from_the_file_name(repo: RecordsRepo) -> None:
    repo.edit("records/organisations/carpania.yaml", "id: carpania", "id: karpania")
    assert found(repo) == [("records/organisations/carpania.yaml", 1, "WG102")]
    [problem] = problems(repo)
    assert problem.column == 5
    assert problem.message == "id 'karpania' does not match the file name 'carpania'"
