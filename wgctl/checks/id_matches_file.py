"""WG102: a record's id equals its file name without `.yaml`, so links and paths agree."""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, each, problem
from wgctl.errors import Problem
from wgctl.models import Record
from wgctl.records import Records

CODE = "WG102"


SUBJECTS = None  # every record


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report records whose id and file stem differ."""
    return each(records, context, check_record, SUBJECTS)


def check_record(record: Record, records: Records, context: CheckContext) -> Iterator[Problem]:
    """One record whose id and file stem differ."""
    stem = record.path.rpartition("/")[2].removesuffix(".yaml")
    if record.id != stem:
        yield problem(
            record, ("id",), CODE, f"id {record.id!r} does not match the file name {stem!r}"
        )
