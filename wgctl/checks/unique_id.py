"""WG101: every record id is unique across the repository, also when case is ignored."""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, place, problem
from wgctl.errors import Problem
from wgctl.models import Record
from wgctl.records import Records

CODE = "WG101"


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report each record whose id (folded to lower case) was already used."""
    by_key: dict[str, list[Record]] = {}
    for record in records:
        by_key.setdefault(record.id.casefold(), []).append(record)
    for same in by_key.values():
        if len(same) > 1:
            first, *others = sorted(same, key=lambda r: r.path)
            for record in others:
                msg = f"id {record.id!r} is already used by {first.path}"
                yield problem(record, ("id",), CODE, msg, also=(place(first, ("id",)),))
