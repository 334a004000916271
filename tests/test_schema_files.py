"""The committed JSON Schemas in schemas/ match the models (refresh with `make schema`)."""

from __future__ import annotations

import json
from pathlib import Path

from wgctl.models.schema import stale_schemas

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def test_schemas_are_current() -> None:
    assert stale_schemas(SCHEMAS) == [], "schemas/ is stale: run `make schema` and commit it"


def test_every_schema_forbids_unknown_fields() -> None:
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        assert json.loads(path.read_text())["additionalProperties"] is False, path.name
