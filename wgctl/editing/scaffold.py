"""New records and common edits without hand-writing YAML: ids, text, checks, then one write.

New records are built in code (field order as the models and the bundled records use it),
given the next free id, and checked with the schema and every cross-record rule before
`wgctl.files.edit.create_record` writes them. Edits go through `wgctl.files.edit.edit_record`, which keeps
comments, order and quoting; a file with changes git has not recorded is refused unless forced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from wgctl.checks import run_checks
from wgctl.errors import Problem, Severity, UserError
from wgctl.files.discover import RECORDS_DIR
from wgctl.files.yamlio import YamlError, load_record_text
from wgctl.models import KINDS, ActionItem, Initiative, Meeting, Record, Theme
from wgctl.models.kinds import singular
from wgctl.records import Records

_WORD = re.compile(r"[a-z0-9]+")
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def slug(text: str, words: int = 6) -> str:
    """An id-shaped slug of the first words of `text` ("1.3 Joint Period" -> "1-3-joint-period")."""
    parts = _WORD.findall(text.lower().replace("'", ""))[:words]
    return "-".join(parts) or "record"


def next_free_id(records: Records, base: str) -> str:
    """`base`, or `base-2`, `base-3`... whichever no record uses (ids are unique across kinds)."""
    taken = {r.id.casefold() for r in records} | records.unloaded
    candidate, n = base[:70].strip("-"), 1
    while candidate in taken:
        n += 1
        candidate = f"{base[:70].strip('-')}-{n}"
    return candidate


def next_initiative_number(records: Records, theme: Theme) -> str:
    """The next item number in a theme: after 1.6 comes 1.7."""
    used = [int(i.number.split(".")[1]) for i in records.of(Initiative) if i.theme == theme.id]
    return f"{theme.number}.{max(used, default=0) + 1}"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if _reads_back(text):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _reads_back(text: str) -> bool:
    """True when `text` written plain reads back as the same string (not a bool, number...)."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9 .-]*", text) or text != text.strip():
        return False
    if text.lower() in _YAML11_WORDS:  # YAML 1.1 tools would read these as booleans
        return False
    try:
        return load_record_text(f"k: {text}\n") == {"k": text}
    except YamlError:
        return False


def record_text(kind: str, fields: dict[str, Any]) -> str:
    """YAML for a new record: top-level scalars, lists of scalars, and `sources` entries."""
    lines = [f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"]
    for key, value in fields.items():
        if value is None or value == []:
            continue
        if isinstance(value, list):
            lines.append(f"{key}:")
            for item in value:
                if isinstance(item, dict):
                    pairs = [f"{k}: {_scalar(v)}" for k, v in item.items() if v is not None]
                    lines.append("- " + "\n  ".join(pairs))
                else:
                    lines.append(f"- {_scalar(item)}")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def check_new(records: Records, repo: Path, rel: str, text: str) -> list[Problem]:
    """Errors the new record would have, with every cross-record rule, before it is written.

    `records` gains the new record: pass a freshly loaded set that is used for nothing else.
    """
    try:
        record = KINDS[rel.split("/")[1]].model_validate(load_record_text(text))
    except (ValidationError, YamlError) as exc:
        raise UserError(
            f"{rel}: the new record would not be valid: {str(exc).splitlines()[0]}"
        ) from None
    record._path = rel
    records.add(record)
    problems = run_checks(records, repo=repo)
    return [p for p in problems if p.path == rel and p.severity is Severity.ERROR]


@dataclass(frozen=True)
class Edit:
    """A change to one existing record: its path and what to do to its round-trip data."""

    rel: str
    mutate: Callable[[Any], None]


def record_path(records: Records, kind: str, record_id: str) -> str:
    """The path of an existing record of `kind`, or a UserError naming what is missing."""
    record = records.by_kind[kind].get(record_id)
    if record is None and record_id in records.unloaded:
        raise UserError(
            f"records/{kind}/{record_id}.yaml: cannot be read, so it cannot be edited; "
            "fix it first (`wgctl validate` shows why)"
        )
    if record is None:
        raise UserError(f"no {singular(kind)} with the id {record_id!r}")
    return record.path


def _insert_after(data: Any, after: str, key: str, value: Any) -> None:
    """Set `key`, placing a new key just after `after` so the file reads in order."""
    if key in data:
        data[key] = value
        return
    keys = list(data)
    position = keys.index(after) + 1 if after in keys else len(keys)
    data.insert(position, key, value)


def close_action(records: Records, action_id: str, note: str, day: date) -> Edit:
    """Mark an action closed on `day` with a closing note."""
    rel = record_path(records, ActionItem.kind, action_id)

    def mutate(data: Any) -> None:
        if data.get("status") in {"closed", "cancelled"}:
            raise UserError(f"{rel}: action {action_id!r} is already {data['status']}")
        _insert_after(data, "due", "status", "closed")
        _insert_after(data, "status", "closed", day.isoformat())
        _insert_after(data, "closed", "closing_note", note)

    return Edit(rel, mutate)


def add_update(records: Records, initiative_id: str, status: str, text: str, day: date) -> Edit:
    """Append a dated status update to an initiative and set its status."""
    rel = record_path(records, Initiative.kind, initiative_id)

    def mutate(data: Any) -> None:
        data["status"] = status
        update = CommentedMap([("date", day.isoformat()), ("status", status), ("text", text)])
        if not isinstance(data.get("updates"), list):
            _insert_after(data, "status", "updates", CommentedSeq())
        data["updates"].append(update)

    return Edit(rel, mutate)


def _new_file(model: type[Record], data: dict[str, Any]) -> tuple[str, str]:
    """Path and text of a new record of `model`'s kind, in the kind's folder."""
    return f"{RECORDS_DIR}/{model.kind}/{data['id']}.yaml", record_text(model.kind, data)


def _source(document: str | None) -> list[dict[str, str]]:
    if not document:
        raise UserError("--source DOCUMENT is required: every record names where it comes from")
    return [{"document": document}]


def new_meeting(records: Records, fields: dict[str, Any], source: str | None) -> tuple[str, str]:
    """Path and text of a new meeting; id from the group (or title) and the start year."""
    base = f"{fields.get('group') or slug(fields['title'], 4)}-{fields['start'].year}"
    record_id = fields.pop("id", None) or next_free_id(records, base)
    data = {"id": record_id, "sensitivity": fields.pop("sensitivity"), **fields}
    data["sources"] = _source(source)
    return _new_file(Meeting, data)


def new_action(records: Records, fields: dict[str, Any], source: str | None) -> tuple[str, str]:
    """Path and text of a new open action item; id from the first words of its text."""
    record_id = fields.pop("id", None) or next_free_id(records, slug(fields["text"], 5))
    data = {"id": record_id, "sensitivity": fields.pop("sensitivity"), **fields, "status": "open"}
    data["sources"] = _source(source)
    return _new_file(ActionItem, data)


def new_initiative(records: Records, fields: dict[str, Any], source: str | None) -> tuple[str, str]:
    """Path and text of a new initiative with the next item number in its theme."""
    theme = records.get(Theme, fields["theme"])
    if theme is None:
        raise UserError(f"no theme with the id {fields['theme']!r}")
    number = next_initiative_number(records, theme)
    base = slug(f"{number} {fields['title']}", 6)
    record_id = fields.pop("id", None) or next_free_id(records, base)
    data = {"id": record_id, "sensitivity": fields.pop("sensitivity"), "number": number, **fields}
    data["sources"] = _source(source)
    return _new_file(Initiative, data)
