"""WG201-WG209: co-chair terms follow the group's terms of reference.

The rules live in `wgctl.governance.chairing`, shared with the roster; this module only
registers them with `validate`.
"""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext
from wgctl.errors import Problem
from wgctl.governance.chairing import chairing_problems
from wgctl.records import Records


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Every co-chair rule, for every group that has terms of reference."""
    yield from chairing_problems(records, context.today)
