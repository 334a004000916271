"""WG403: no part of a record is marked wider than the record itself.

Status updates, decisions, statements and nominations may carry their own `sensitivity`; it may
narrow the record's marking but never widen it (a `public` update in a `restricted` initiative
would be published by a public report that never shows the initiative, or leak it).
"""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, each, problem
from wgctl.errors import Problem
from wgctl.models import KINDS, Record
from wgctl.records import Records

CODE = "WG403"

# kind -> the list fields whose items carry their own `sensitivity`, as the models declare them.
PARTS: dict[str, tuple[str, ...]] = {
    kind: model.marked_parts for kind, model in KINDS.items() if model.marked_parts
}


SUBJECTS = None  # every record


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report parts marked for a wider audience than their record."""
    return each(records, context, check_record, SUBJECTS)


def check_record(record: Record, records: Records, context: CheckContext) -> Iterator[Problem]:
    """The parts of one record marked wider than it."""
    for name in PARTS.get(record.kind, ()):
        for i, part in enumerate(getattr(record, name)):
            marking = part.sensitivity
            if marking is not None and marking.rank < record.sensitivity.rank:
                msg = (
                    f"{name}.{i} is marked {marking.value}, wider than its record "
                    f"({record.sensitivity.value})"
                )
                yield problem(record, (name, i, "sensitivity"), CODE, msg)
