"""WG403: no part of a record is marked for a wider audience than the record."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from tests.checks.helpers import found, meeting, problems
from tests.repo import RecordsRepo
from wgctl.checks.sensitivity import PARTS
from wgctl.models import KINDS

INITIATIVE = "records/initiatives/joint-action.yaml"
UPDATE = "    text: The first period of action ended.\n"


def test_update_wider_than_its_initiative_warns(repo: RecordsRepo) -> None:
    repo.edit(INITIATIVE, "sensitivity: public", "sensitivity: members")
    repo.edit(INITIATIVE, UPDATE, UPDATE + "    sensitivity: public\n")
    assert found(repo) == [(INITIATIVE, 11, "WG403")]
    [problem] = problems(repo)
    assert problem.severity == "warning"
    assert problem.message == "updates.0 is marked public, wider than its record (members)"


def test_meeting_parts_wider_than_the_meeting_warn(repo: RecordsRepo) -> None:
    extra = (
        "decisions:\n- {text: Endorsed the plan., sensitivity: members}\n"
        "- {text: Agreed the dates., sensitivity: restricted}\n"
        "statements:\n- {text: Progress is slow., sensitivity: public}\n"
    )
    repo.write(meeting("ewg-2015", "working-group-meeting", "2015-03-01", extra=extra))
    path = "records/meetings/ewg-2015.yaml"
    repo.edit(path, "sensitivity: public", "sensitivity: restricted")
    assert found(repo) == [(path, 9, "WG403"), (path, 12, "WG403")]


def test_nomination_wider_than_its_group_warns(repo: RecordsRepo) -> None:
    group = "records/groups/ewg.yaml"
    repo.edit(group, "sensitivity: public", "sensitivity: members")
    repo.edit(
        group,
        "sources: [{document: tor, section",
        "nominations:\n- {member: carpania, year: 2016, sensitivity: public}\nsources: [{document: tor, section",
    )
    assert found(repo, {"WG403"}) == [(group, 26, "WG403")]


def test_parts_as_narrow_or_narrower_are_fine(repo: RecordsRepo) -> None:
    repo.edit(INITIATIVE, "sensitivity: public", "sensitivity: members")
    repo.edit(INITIATIVE, UPDATE, UPDATE + "    sensitivity: members\n")
    repo.write(
        meeting(
            "ewg-2015",
            "working-group-meeting",
            "2015-03-01",
            extra="decisions:\n- {text: Endorsed., sensitivity: restricted}\n- {text: Agreed.}\n",
        )
    )
    assert found(repo) == []


def _marked_parts(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Field paths (lists only, as PARTS holds them) of sub-models with their own sensitivity."""
    paths = set()
    for name, info in model.model_fields.items():
        for arg in typing.get_args(info.annotation) or (info.annotation,):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                if "sensitivity" in arg.model_fields:
                    paths.add(prefix + name)
                paths |= _marked_parts(arg, f"{prefix}{name}.")
    return paths


def test_every_marked_part_of_every_kind_is_checked() -> None:
    for kind, model in KINDS.items():
        assert _marked_parts(model) == set(PARTS.get(kind, ())), kind
