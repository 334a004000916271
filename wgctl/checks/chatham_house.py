"""WG402: no statement at a Chatham House meeting is attributed.

Under the Chatham House Rule neither the identity nor the affiliation of a speaker may be
revealed, so a statement in a meeting marked `chatham_house: true` must not have `by`.
"""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, each, problem
from wgctl.errors import Problem
from wgctl.models import Meeting
from wgctl.records import Records

CODE = "WG402"


SUBJECTS = (Meeting,)


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report every attributed statement of a Chatham House meeting."""
    return each(records, context, check_record, SUBJECTS)


def check_record(meeting: Meeting, records: Records, context: CheckContext) -> Iterator[Problem]:
    """The attributed statements of one meeting, if it is held under the rule."""
    if not meeting.chatham_house:
        return
    for i, statement in enumerate(meeting.statements):
        if statement.by is not None:
            msg = f"statements.{i} is attributed to {statement.by!r} at a Chatham House meeting"
            yield problem(meeting, ("statements", i, "by"), CODE, msg)
