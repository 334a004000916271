"""WG103/WG104/WG502: references resolve, to the right kind; owners and "who" are known parties."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator

from pydantic import BaseModel

from tests.checks.helpers import found, problems
from tests.repo import RecordsRepo
from wgctl.checks.references import specs
from wgctl.models import KINDS
from wgctl.models.base import Ref

ACTION = "records/actions/nominate-focal-point.yaml"
INITIATIVE = "records/initiatives/joint-action.yaml"
GROUP = "records/groups/ewg.yaml"
CODES = {"WG103", "WG104", "WG502"}


def test_minimal_repository_resolves(repo: RecordsRepo) -> None:
    assert found(repo, CODES) == []


def test_missing_record(repo: RecordsRepo) -> None:
    repo.edit(GROUP, "member: borduria", "member: ruritania")
    assert found(repo, CODES) == [(GROUP, 21, "WG103")]
    [problem] = problems(repo, CODES)
    assert problem.message == "terms.1.member: no organisation has the id 'ruritania'"


def test_missing_source_document(repo: RecordsRepo) -> None:
    repo.edit("records/themes/cooperation.yaml", "{document: tor}", "{document: minutes}")
    assert found(repo, CODES) == [("records/themes/cooperation.yaml", 5, "WG103")]


def test_record_of_the_wrong_kind(repo: RecordsRepo) -> None:
    repo.edit(ACTION, "raised_at: som-2014", "raised_at: aland")
    assert found(repo, CODES) == [(ACTION, 4, "WG104")]
    [problem] = problems(repo, CODES)
    assert problem.message == "raised_at: 'aland' is an organisation, expected a meeting"


def test_unknown_owner_and_who_are_unknown_parties(repo: RecordsRepo) -> None:
    repo.edit(ACTION, "owner: ahg", "owner: interpol")
    repo.edit(INITIATIVE, "who: [{party: ewg}]", "who: [{party: ewg}, {party: europol}]")
    assert found(repo, CODES) == [(ACTION, 5, "WG502"), (INITIATIVE, 6, "WG502")]
    messages = [p.message for p in problems(repo, CODES)]
    assert messages[1] == "who.1.party: 'europol' is not a known organisation or group"


def test_owner_may_be_a_group(repo: RecordsRepo) -> None:
    repo.edit(ACTION, "owner: ahg", "owner: ewg")
    assert found(repo, CODES) == []


def test_reference_to_a_broken_file_is_not_reported_again(repo: RecordsRepo) -> None:
    repo.edit("records/organisations/aland.yaml", "ahg_member: true", "ahg_member: [")
    assert [rule for _, _, rule in found(repo)] == ["WG001"]


def _ref_paths(hint: object, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every field path under `hint` whose type is `Ref` ("*" for list items)."""
    if hint == Ref:
        yield prefix
        return
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        yield from _ref_paths(typing.get_args(hint)[0], prefix)
    elif origin is list:
        yield from _ref_paths(typing.get_args(hint)[0], (*prefix, "*"))
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            yield from _ref_paths(arg, prefix)
    elif isinstance(hint, type) and issubclass(hint, BaseModel):
        hints = typing.get_type_hints(hint, include_extras=True)
        for name in hint.model_fields:
            yield from _ref_paths(hints[name], (*prefix, name))


def test_the_introspection_sees_nested_references() -> None:
    paths = set(_ref_paths(KINDS["groups"]))
    assert ("terms", "*", "extension", "decided_at") in paths
    assert ("sources", "*", "document") in paths


def test_every_reference_field_of_every_kind_is_checked() -> None:
    for kind, model in KINDS.items():
        declared = [spec for spec, _, _ in specs(kind)]
        assert len(declared) == len(set(declared)), f"{kind}: a field is declared twice"
        assert set(declared) == set(_ref_paths(model)), kind


def test_every_kind_names_one_of_its_records_in_words() -> None:
    # Messages ("no action item has the id ...") use it; a folder name would read "no people".
    for kind, model in KINDS.items():
        assert model.kind == kind
        assert model.singular, kind
        assert model.singular != kind, kind
