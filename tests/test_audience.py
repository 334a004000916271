"""The audience filter over real loaded records: what each audience receives, before any template."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.repo import RecordsRepo
from wgctl.confidentiality.audience import WITHHELD, View, for_audience
from wgctl.files.load import load_repo
from wgctl.models import KINDS, Group, Initiative, Meeting, Person, Sensitivity
from wgctl.records import Records

EXTRA = {
    "records/organisations/hidden-state.yaml": """\
        id: hidden-state
        sensitivity: restricted
        name: Hidden State
        short_name: HS
        type: state
        ahg_member: true
        sources: [{document: tor}]
    """,
    "records/people/ana.yaml": """\
        id: ana
        sensitivity: public
        name: Ana Example
        member: aland
        review_handle: '@ana'
        clearance: {level: national, expires: 2030-01-01}
        sources: [{document: tor}]
    """,
    "records/meetings/closed-door.yaml": """\
        id: closed-door
        sensitivity: members
        type: working-group-meeting
        title: Closed-door meeting
        group: ewg
        start: 2016-05-10
        location: Port Example
        host: borduria
        chairs: [aland]
        participants: [aland, borduria, hidden-state]
        attendees: [ana]
        chatham_house: true
        decisions:
          - text: Open decision.
          - text: Restricted decision.
            sensitivity: restricted
        statements:
          - text: A participant spoke.
        sources: [{document: tor}]
    """,
    "records/meetings/open-door.yaml": """\
        id: open-door
        sensitivity: public
        type: workshop
        title: Open workshop
        start: 2016-06-10
        host: hidden-state
        participants: [aland, hidden-state]
        attendees: [ana]
        statements:
          - text: Hidden State spoke.
            by: hidden-state
        sources: [{document: tor}]
    """,
}


@pytest.fixture
def records(repo: RecordsRepo) -> Records:
    repo.write(EXTRA)
    repo.edit(
        "records/initiatives/joint-action.yaml",
        "figures: [{name: countries, value: 8}]",
        "figures: [{name: countries, value: 8}]\n"
        "  - date: 2015-11-01\n    text: Members-only update.\n    sensitivity: members\n"
        "  - date: 2015-12-01\n    text: Restricted update.\n    sensitivity: restricted",
    )
    repo.commit("audience records")
    loaded = load_repo(repo.root)
    assert not loaded.problems, loaded.problems
    return loaded.records


def view(records: Records, audience: str) -> View:
    return for_audience(records, Sensitivity(audience))


def test_parts_follow_the_narrower_marking(records: Records) -> None:
    texts = {}
    for audience in ("public", "members", "restricted"):
        item = view(records, audience).records.get(Initiative, "joint-action")
        assert item is not None
        texts[audience] = [u.text for u in item.updates]
    assert texts["public"] == ["The first period of action ended."]
    assert texts["members"] == ["The first period of action ended.", "Members-only update."]
    assert texts["restricted"][-1] == "Restricted update."


def test_a_record_marked_narrower_is_gone_and_named_generically(records: Records) -> None:
    public = view(records, "public")
    assert public.records.get(Meeting, "closed-door") is None
    assert not public.visible("hidden-state")
    assert public.label("hidden-state") == WITHHELD
    assert public.label("no-such-record") == WITHHELD
    assert view(records, "restricted").label("hidden-state") == "HS"
    assert "Hidden State" in public.hidden_names


def test_people_never_reach_a_public_audience(records: Records) -> None:
    assert view(records, "public").records.people == []
    open_door = view(records, "public").records.get(Meeting, "open-door")
    assert open_door is not None and open_door.attendees == []
    person = view(records, "members").records.get(Person, "ana")
    assert person is not None and person.name == "Ana Example"
    assert person.clearance is None and person.review_handle == "@ana"


@pytest.mark.parametrize("audience", ["public", "members", "restricted"])
def test_a_review_handle_reaches_members_and_a_clearance_nobody(
    records: Records, audience: str
) -> None:
    """The model's metadata decides, whatever the record's own marking (here public)."""
    assert Person.fields_hidden_from(Sensitivity(audience)) == (
        ("review_handle", "clearance") if audience == "public" else ("clearance",)
    )
    ana = records.get(Person, "ana")
    assert ana is not None and ana.review_handle == "@ana" and ana.clearance is not None
    seen = [p.model_dump() for p in view(records, audience).records.people]
    assert all(p["clearance"] is None for p in seen)
    assert [p["review_handle"] for p in seen] == ([] if audience == "public" else ["@ana"])


@pytest.mark.parametrize("audience", ["members", "restricted"])
def test_chatham_house_strips_every_identity(records: Records, audience: str) -> None:
    meeting = view(records, audience).records.get(Meeting, "closed-door")
    assert meeting is not None
    assert (meeting.participants, meeting.attendees, meeting.chairs, meeting.host) == (
        [],
        [],
        [],
        None,
    )
    assert [s.by for s in meeting.statements] == [None]
    assert meeting.location == "Port Example"
    decisions = [d.text for d in meeting.decisions]
    assert decisions == (
        ["Open decision."] if audience == "members" else ["Open decision.", "Restricted decision."]
    )
    original = records.get(Meeting, "closed-door")
    assert original is not None
    assert original.participants == ["aland", "borduria", "hidden-state"]  # originals untouched


def test_references_to_hidden_records_are_dropped(records: Records) -> None:
    meeting = view(records, "public").records.get(Meeting, "open-door")
    assert meeting is not None
    assert meeting.participants == ["aland"] and meeting.host is None
    # The speaker is dropped, and free text naming the hidden state is redacted (issue 13.1).
    assert [(s.text, s.by) for s in meeting.statements] == [(f"{WITHHELD} spoke.", None)]
    full = view(records, "restricted").records.get(Meeting, "open-door")
    assert full is not None and full.statements[0].by == "hidden-state"


def test_filtered_records_keep_their_path(records: Records) -> None:
    group = view(records, "public").records.get(Group, "ewg")
    assert group is not None and group.path == "records/groups/ewg.yaml"


def test_every_kinds_marked_parts_are_filtered_in_the_bundled_examples() -> None:
    # Generic over the kinds: a kind that declares parts with their own marking is filtered
    # without the audience module naming it. The examples hold such parts for every such kind.
    records = load_repo(Path(__file__).parent.parent / "examples").records
    for audience in Sensitivity:
        shown = for_audience(records, audience).records
        for model in KINDS.values():
            for name in model.marked_parts:
                original = [p for r in records.of(model) for p in getattr(r, name)]
                kept = [p for r in shown.of(model) for p in getattr(r, name)]
                assert all(
                    p.sensitivity is None or p.sensitivity.visible_to(audience) for p in kept
                )
                if audience is Sensitivity.PUBLIC:
                    assert len(kept) < len(original), f"{model.kind}.{name}: nothing to hide"


def test_an_older_revision_is_judged_like_the_view_it_is_shown_in(records: Records) -> None:
    from wgctl.confidentiality.audience import as_seen
    from wgctl.confidentiality.seen import seen_data

    members, public = view(records, "members"), view(records, "public")
    ana = records.get(Person, "ana")
    assert ana is not None
    assert as_seen(public, ana) is None  # personal data never reaches the public
    older = ana.model_copy(update={"name": "Ana of HS", "member": "hidden-state"})
    seen = as_seen(members, older)
    assert seen is not None
    data = seen_data(members, seen)
    assert "clearance" not in data and data["review_handle"] == "@ana"
    assert data["name"] == f"Ana of {WITHHELD}" and data["member"] == WITHHELD
