"""A record as an audience sees it, as plain data: what a diff or a record's history compares.

One home for the comparison form of the audience filter: `wgctl diff`, the `--changes` appendix
and the site's record histories all compare two versions of a record through `seen_data`, so a
field, a reference or a name one of them withholds, every one of them withholds.
"""

from __future__ import annotations

from typing import Any

from wgctl.confidentiality.audience import View, names_hidden
from wgctl.confidentiality.freetext import WITHHELD
from wgctl.models import Record
from wgctl.models.kinds import references


def seen_data(view: View, record: Record) -> dict[str, Any]:
    """A record (of the view, `as_seen`, or another version of one) as plain data.

    Fields no audience of this kind may see are left out; a reference to a record the view does
    not show, and a string naming a hidden party, are `WITHHELD` whole; empty values are dropped,
    so a part taken out leaves no trace.
    """
    data: Any = record.model_dump(mode="json", exclude_unset=True)
    for never in record.fields_hidden_from(view.audience):
        data.pop(never, None)
    for field_path, _ in references(type(record)):
        data = _withhold(data, field_path, view)
    out: dict[str, Any] = _scrubbed(data, view)
    return out


def _withhold(value: Any, path: tuple[str, ...], view: View) -> Any:
    """`value` with the reference at `path` ("*": each item of a list) named `WITHHELD` unless
    it names a record the audience may see.

    Why here: reports name a reference through `View.label`; a diff shows the field itself, so
    an action raised at a restricted meeting, or an update citing a members' document, would
    show that record's id to an audience that may not see it.
    """
    if not path:
        return value if value is None or view.visible(value) else WITHHELD
    head, rest = path[0], path[1:]
    if head == "*":
        return [_withhold(v, rest, view) for v in value] if isinstance(value, list) else value
    if isinstance(value, dict) and head in value:
        return {**value, head: _withhold(value[head], rest, view)}
    return value


def _scrubbed(value: Any, view: View) -> Any:
    if isinstance(value, dict):
        out = {k: _scrubbed(v, view) for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_scrubbed(v, view) for v in value]
    if isinstance(value, str) and names_hidden(view, value):
        return WITHHELD
    return value
