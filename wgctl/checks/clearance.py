"""WG401: participants hold a security clearance valid on the meeting date."""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext
from wgctl.errors import Problem
from wgctl.records import Records


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Not implemented yet: yields nothing."""
    yield from ()
