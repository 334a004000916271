"""Which validation problems a change is answerable for (`wgctl validate --changed-since`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from wgctl.errors import Problem
from wgctl.records import Records


@dataclass(frozen=True)
class ChangeSet:
    """What changed under records/ since a commit: files to report on and ids touched."""

    ref: str
    changed: frozenset[str]
    touched_ids: frozenset[str]


def concerning(problems: list[Problem], records: Records, changes: ChangeSet) -> list[Problem]:
    """Problems in changed files, and those elsewhere that name an id the change touched.

    Why: deleting or renaming `x.yaml` breaks references to `x` in files the change never
    touched; those findings are the change's doing and must show up in review.
    """
    kept = []
    for p in problems:
        if p.path in changes.changed:
            kept.append(p)
            continue
        named = _strings(_value_at(records.at_path(p.path), p.loc)) if p.loc else set()
        if named & changes.touched_ids or any(repr(i) in p.message for i in changes.touched_ids):
            kept.append(p)
    return kept


def _value_at(obj: Any, loc: tuple[str | int, ...]) -> Any:
    for part in loc:
        if obj is None:
            return None
        if isinstance(part, int):
            obj = obj[part] if isinstance(obj, list) and part < len(obj) else None
        else:
            obj = getattr(obj, part, None)
    return obj


def _strings(value: Any) -> set[str]:
    """Every string inside a value (models, lists, dicts), iteratively."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, BaseModel):
            stack.extend(getattr(item, name) for name in type(item).model_fields)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return found
