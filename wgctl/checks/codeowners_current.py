"""WG601: CODEOWNERS matches the current co-chairs."""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext
from wgctl.errors import Problem
from wgctl.records import Records


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Not implemented yet: yields nothing."""
    yield from ()
