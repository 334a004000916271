"""WG302/WG303: the annual written report and oral update are on record."""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext
from wgctl.errors import Problem
from wgctl.records import Records


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Not implemented yet: yields nothing."""
    yield from ()
