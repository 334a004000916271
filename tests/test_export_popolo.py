"""`wgctl export popolo`: valid against Popolo's published draft-03 JSON Schemas (vendored here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from tests.conftest import PROJECT

SCHEMAS = Path(__file__).parent / "popolo_schemas"
KINDS = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
}


def _registry() -> Registry:
    """Every schema under its `id` URL, so references resolve to the files here, never the web."""
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["id"], Resource.from_contents(contents, DRAFT3)))
    return Registry().with_resources(resources)


def validator(kind: str) -> Draft3Validator:
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    return Draft3Validator(schema, registry=_registry())


def export(tmp: Path, audience: str) -> dict[str, Any]:
    from typer.testing import CliRunner

    from wgctl.cli import app

    target = tmp / f"popolo-{audience}.json"
    args = ["export", "popolo", str(target), "--audience", audience, "--repo", str(PROJECT)]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("audience", ["public", "members"])
def test_every_item_validates_against_its_popolo_schema(tmp_path: Path, audience: str) -> None:
    data = export(tmp_path, audience)
    assert set(data) == set(KINDS)
    for key, kind in KINDS.items():
        check = validator(kind)
        for item in data[key]:
            errors = [e.message for e in check.iter_errors(item)]
            assert not errors, f"{key} {item.get('id')}: {errors}"
    # The validator is real: a wrong type is caught.
    assert list(validator("event").iter_errors({"start_date": "1 March 2017"}))


def test_seats_terms_and_meetings_link_up(tmp_path: Path) -> None:
    data = export(tmp_path, "members")
    organizations = {o["id"] for o in data["organizations"]}
    posts = {p["id"]: p for p in data["posts"]}
    assert posts["dwg-co-chair-1"]["organization_id"] == "dwg"
    assert posts["dwg-co-chair-1"]["role"] == "Co-chair"
    terms = [m for m in data["memberships"] if m.get("post_id")]
    assert terms
    for m in data["memberships"]:
        assert m["organization_id"] in organizations
        member = m.get("member") or {}
        assert member.get("id", m.get("person_id")) is not None
        if m.get("post_id"):
            assert m["post_id"] in posts
            assert member["id"] in organizations
    in_2016 = {
        m["member"]["id"]
        for m in terms
        if m["organization_id"] == "dwg" and m["start_date"] <= "2016-12-31" <= m["end_date"]
    }
    assert in_2016 == {"new-zealand", "sri-lanka"}
    events = {e["id"]: e for e in data["events"]}
    som = events["ahg-som-2017-10"]
    assert som["classification"] == "som"
    assert som["status"] == "confirmed"
    assert all(e.get("organization_id", "dwg") in organizations for e in events.values())


def test_public_export_names_no_person(tmp_path: Path) -> None:
    public = export(tmp_path, "public")
    assert public["persons"] == []
    assert not [m for m in public["memberships"] if m.get("person_id")]
    members = export(tmp_path, "members")
    assert members["persons"]
    assert all(set(p) == {"id", "name"} for p in members["persons"])
