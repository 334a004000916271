"""WG101: every record id is unique across the repository, also when case is ignored."""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, problem
from wgctl.errors import Problem
from wgctl.records import Records

CODE = "WG101"


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report each record whose id (folded to lower case) was already used."""
    first: dict[str, str] = {}
    for record in sorted(records, key=lambda r: r.path):
        key = record.id.casefold()
        if key in first:
            yield problem(
                record, ("id",), CODE, f"id {record.id!r} is already used by {first[key]}"
            )
        else:
            first[key] = record.path
