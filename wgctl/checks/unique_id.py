"""WG101: every record id is unique across the repository, also when case is ignored."""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, each, place, problem
from wgctl.errors import Problem
from wgctl.models import Record
from wgctl.records import Records

CODE = "WG101"


SUBJECTS = None  # every record


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report each record whose id (folded to lower case) was already used."""
    return each(records, context, check_record, SUBJECTS)


def check_record(record: Record, records: Records, context: CheckContext) -> Iterator[Problem]:
    """The record, if another record (earlier by path) has the same id ignoring case."""
    same = records.sharing_id(record.id)
    if len(same) > 1:
        first = min(same, key=lambda r: r.path)
        if first is not record:
            msg = f"id {record.id!r} is already used by {first.path}"
            yield problem(record, ("id",), CODE, msg, also=(place(first, ("id",)),))
