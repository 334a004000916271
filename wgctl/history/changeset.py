"""Which validation problems a change is answerable for (`wgctl validate --changed-since`).

Light on purpose: a warm `validate --changed-since` answered from the memo needs neither the
models nor the records unless a problem outside the changed files must be looked into.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from wgctl.errors import Problem
from wgctl.history.gitio import DELETED, diff_names, open_git

if TYPE_CHECKING:
    from wgctl.records import Records


@dataclass(frozen=True)
class ChangeSet:
    """What changed under records/ since a commit: files to report on and ids touched."""

    ref: str
    changed: frozenset[str]
    touched_ids: frozenset[str]


def changed_since(repo: Path, ref: str) -> ChangeSet:
    """Files under records/ changed since `ref`: committed, staged, unstaged and untracked."""
    with open_git(repo) as g:
        changes = diff_names(g, g.commit(ref))
    changed = {c.path for c in changes if c.status != DELETED}
    paths = {c.path for c in changes} | {c.old_path for c in changes if c.old_path}
    return ChangeSet(ref, frozenset(changed), frozenset(PurePosixPath(p).stem for p in paths))


def concerning(
    problems: list[Problem], records: Callable[[], Records], changes: ChangeSet
) -> list[Problem]:
    """Problems in changed files, and those elsewhere that name an id the change touched.

    Why: deleting or renaming `x.yaml` breaks references to `x` in files the change never
    touched; those findings are the change's doing and must show up in review. The records
    are asked for (`records()`) only for such a problem.
    """
    kept = []
    for p in problems:
        if p.path in changes.changed:
            kept.append(p)
            continue
        named = _strings(_value_at(records().at_path(p.path), p.loc)) if p.loc else set()
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
    from pydantic import BaseModel  # noqa: PLC0415 - only when a problem is looked into

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
