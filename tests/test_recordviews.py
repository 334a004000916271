"""What a rule reads is what the records note: the proof incremental validation rests on.

Each way of looking at `Records` (one id, one kind, everything, the failed stems, a value
derived from many records) leaves its key in the sink, also when the records load lazily.
"""

from __future__ import annotations

from pathlib import Path

from tests.repo import RecordsRepo
from wgctl.files.load import load_repo
from wgctl.models import Group, Organisation
from wgctl.records import Records
from wgctl.recordviews import Read, Reads


def _noted(root: Path) -> tuple[Records, Reads]:
    load_repo(root)  # fill the store: the second load is lazy
    sink = Reads()
    view = load_repo(root).records.noted(sink)
    sink.keys = set()
    return view, sink


def _after(sink: Reads) -> set[Read]:
    found = set(sink.keys or ())
    sink.keys = set()
    return found


def test_every_look_at_the_records_is_noted(repo: RecordsRepo) -> None:
    view, sink = _noted(repo.root)
    group = view.get(Group, "ewg")
    assert group is not None
    assert group.id == "ewg"
    assert _after(sink) == {("id", "groups", "ewg")}
    assert view.get(Organisation, "nowhere") is None  # an absent id is read too
    assert _after(sink) == {("id", "organisations", "nowhere")}
    orgs = view.by_kind["organisations"]
    assert "aland" in orgs
    assert orgs["aland"].id == "aland"
    assert _after(sink) == {("id", "organisations", "aland")}
    assert len(orgs) == 6
    assert sorted(orgs) == sorted(orgs.keys())
    assert {o.id for o in orgs.values()} == {k for k, _ in orgs.items()}
    assert _after(sink) == {("kind", "organisations")}
    assert len(view) == 12
    assert view.all[0].path.startswith("records/")
    assert len([r.id for r in view]) == 12
    assert _after(sink) == {("all",)}
    assert view.kinds_of("tor") == ["documents"]
    assert _after(sink) == {("anyid", "tor")}
    assert [r.id for r in view.sharing_id("ALAND")] == ["aland"]
    assert _after(sink) == {("fold", "aland")}


def test_failed_stems_are_noted_one_by_one_or_all(repo: RecordsRepo) -> None:
    repo.edit("records/organisations/aland.yaml", "ahg_member: true", "ahg_member: 3")
    view, sink = _noted(repo.root)
    assert "aland" in view.unloaded
    assert _after(sink) == {("unloaded", "aland")}
    assert list(view.unloaded) == ["aland"]
    assert len(view.unloaded) == 1
    assert _after(sink) == {("unloaded",)}


def test_a_derived_value_charges_every_asker_with_what_it_read(repo: RecordsRepo) -> None:
    view, sink = _noted(repo.root)

    def names() -> list[str]:
        return sorted(o.name for o in view.organisations)

    first = view.derived("names", names)
    assert _after(sink) == {("kind", "organisations")}
    assert view.derived("names", names) is first  # computed once
    assert _after(sink) == {("kind", "organisations")}  # yet the second asker read it too


def test_nothing_is_noted_while_nobody_listens(repo: RecordsRepo) -> None:
    view, sink = _noted(repo.root)
    sink.keys = None
    assert view.get(Group, "ewg") is not None
    assert sink.keys is None
