"""Compute what a change does to the records: pure functions over record data, no rendering.

Reviewing co-chairs read this instead of YAML diffs, so each change names the record and says
what happened to it: added, removed, renamed, a field from old to new, a new status update,
a new or changed co-chair term, an action closed. Rendering lives in wgctl.diff_render.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

Data = dict[str, Any]
MISSING: Any = object()
_TITLE_FIELDS = ("title", "name", "text")


@dataclass(frozen=True)
class RecordChange:
    """One record's change: what happened, to which record, and the details in prose."""

    change: str  # added | removed | renamed | changed
    path: str
    old_path: str | None = None
    title: str = ""
    details: tuple[str, ...] = field(default=())

    @property
    def kind(self) -> str:
        """The record kind in the singular, from the folder: 'meeting', 'action item'."""
        from wgctl.models.kinds import singular  # noqa: PLC0415 - `log` never needs the models

        return singular(PurePosixPath(self.path).parent.name)

    @property
    def id(self) -> str:
        """The record id (the file stem)."""
        return PurePosixPath(self.path).stem


def diff_records(
    before: Mapping[str, Data | None],
    after: Mapping[str, Data | None],
    renames: Mapping[str, str] | None = None,
) -> list[RecordChange]:
    """Compare record data by path (None: unreadable); `renames` maps old path to new path."""
    renames = dict(renames or {})
    moved_from = {new: old for old, new in renames.items()}
    changes = []
    for path in sorted(set(before) | set(after)):
        if path in renames or path in moved_from:
            continue
        old, new = before.get(path, MISSING), after.get(path, MISSING)
        if old is MISSING:
            changes.append(RecordChange("added", path, None, _title(new), tuple(_summary(new))))
        elif new is MISSING:
            changes.append(RecordChange("removed", path, None, _title(old)))
        elif old != new:
            changes.append(
                RecordChange("changed", path, None, _title(new), describe_change(old, new))
            )
    for old_path, new_path in sorted(renames.items()):
        old, new = before.get(old_path), after.get(new_path)
        details = describe_change(old, new) if old != new else ()
        changes.append(RecordChange("renamed", new_path, old_path, _title(new), details))
    return sorted(changes, key=lambda c: (CHANGE_ORDER[c.change], c.path))


CHANGE_ORDER = {"added": 0, "renamed": 1, "changed": 2, "removed": 3}


def _title(data: Data | None) -> str:
    if not isinstance(data, dict):
        return "(not a readable record)"
    for name in _TITLE_FIELDS:
        if isinstance(data.get(name), str):
            return _short(data[name], 100)
    return ""


def _summary(data: Data | None) -> Iterator[str]:
    """The few facts a reviewer wants about a new record."""
    if not isinstance(data, dict):
        return
    if "start" in data:
        end = f" to {data['end']}" if data.get("end") else ""
        where = f", {data['location']}" if data.get("location") else ""
        yield f"{data.get('type', 'meeting')}: {data['start']}{end}{where}"
    if "owner" in data:
        due = f", due {data['due']}" if data.get("due") else ""
        yield f"owner {data['owner']}{due}"
    if "status" in data and "owner" not in data:
        yield f"status {data['status']}"
    yield f"sensitivity {data.get('sensitivity', '(not set)')}"


def describe_change(old: Data | None, new: Data | None) -> tuple[str, ...]:
    """What changed inside one record, one sentence per change."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return ("the file could not be read on one side",)
    lines: list[str] = list(_action_closed(old, new))
    skip = {"status", "closed", "closing_note"} if lines else set()
    for key in _keys(old, new):
        if key in skip:
            continue
        a, b = old.get(key, MISSING), new.get(key, MISSING)
        if a == b:
            continue
        if key == "updates":
            lines += _updates(a, b)
        elif key == "terms":
            lines += _terms(a, b)
        else:
            lines += _fields((key,), a, b)
    return tuple(lines)


def _keys(old: Data, new: Data) -> list[str]:
    return list(old) + [k for k in new if k not in old]


def _action_closed(old: Data, new: Data) -> Iterator[str]:
    if new.get("status") in {"closed", "cancelled"} and old.get("status") != new.get("status"):
        on = f" on {new['closed']}" if new.get("closed") else ""
        note = f": {_show(new['closing_note'])}" if new.get("closing_note") else ""
        verb = "closed" if new["status"] == "closed" else "cancelled"
        yield f"action {verb}{on}{note}"


def _updates(old: Any, new: Any) -> Iterator[str]:
    olds = old if isinstance(old, list) else []
    news = new if isinstance(new, list) else []
    for item in news:
        if item not in olds and isinstance(item, dict):
            status = f", status {item['status']}" if item.get("status") else ""
            yield f"new status update ({item.get('date')}{status}): {_show(item.get('text'))}"
    for item in olds:
        if item not in news and isinstance(item, dict):
            yield f"status update of {item.get('date')} removed or edited: was {_show(item.get('text'))}"


def _term(item: Any) -> str:
    if not isinstance(item, dict):
        return _show(item)
    decided = f", decided at {item['decided_at']}" if item.get("decided_at") else ""
    ext = (
        f", extended until {item['extension'].get('until')}"
        if isinstance(item.get("extension"), dict)
        else ""
    )
    return f"seat {item.get('seat')}: {item.get('member')}, {item.get('start')} to {item.get('end')}{decided}{ext}"


def _terms(old: Any, new: Any) -> Iterator[str]:
    olds = old if isinstance(old, list) else []
    news = new if isinstance(new, list) else []
    gone = [t for t in olds if t not in news]
    for item in news:
        if item in olds:
            continue
        match = next((t for t in gone if _same_term(t, item)), None)
        if match is not None:
            gone.remove(match)
            yield f"co-chair term changed: {_term(match)} -> {_term(item)}"
        else:
            yield f"new co-chair term: {_term(item)}"
    for item in gone:
        yield f"co-chair term removed: {_term(item)}"


def _same_term(a: Any, b: Any) -> bool:
    keys = ("seat", "member", "start")
    return (
        isinstance(a, dict)
        and isinstance(b, dict)
        and [a.get(k) for k in keys] == [b.get(k) for k in keys]
    )


def _fields(loc: tuple[str | int, ...], old: Any, new: Any) -> Iterator[str]:
    """Field-level differences, recursing into mappings and lists of mappings."""
    if old == new:
        return
    name = _loc(loc)
    if isinstance(old, dict) and isinstance(new, dict):
        for key in _keys(old, new):
            yield from _fields((*loc, key), old.get(key, MISSING), new.get(key, MISSING))
    elif isinstance(old, list) and isinstance(new, list):
        if all(isinstance(x, dict) for x in old + new) and len(old) == len(new):
            for i, (a, b) in enumerate(zip(old, new, strict=True)):
                yield from _fields((*loc, i), a, b)
        else:
            added = [_show(x) for x in new if x not in old]
            removed = [_show(x) for x in old if x not in new]
            parts = ([f"added {', '.join(added)}"] if added else []) + (
                [f"removed {', '.join(removed)}"] if removed else []
            )
            yield f"{name}: {'; '.join(parts) or 'reordered'}"
    elif old is MISSING:
        yield f"{name}: set to {_show(new)}"
    elif new is MISSING:
        yield f"{name}: removed (was {_show(old)})"
    else:
        yield f"{name}: {_show(old)} -> {_show(new)}"


def _loc(loc: tuple[str | int, ...]) -> str:
    return "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any) -> str:
    """A value for a sentence: quoted text, plain numbers and dates, compact structures."""
    if value is None:
        return "(empty)"
    if isinstance(value, str):
        return f'"{_short(value)}"'
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return _short(json.dumps(value, ensure_ascii=False, default=str, sort_keys=True))
