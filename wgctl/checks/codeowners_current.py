"""WG601: `.github/CODEOWNERS`, when the repository has one, matches the current co-chairs.

A co-chair's term ends or a new one starts, and the review rules go stale silently: this
warns until `wgctl codeowners` is run again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from wgctl.checks.base import CheckContext
from wgctl.errors import Problem
from wgctl.governance.codeowners import CODEOWNERS, first_difference, generate
from wgctl.records import Records
from wgctl.rules import severity_of

CODE = "WG601"


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Warn when CODEOWNERS differs from what `wgctl codeowners` would write today."""
    if context.repo is None:
        return
    path = Path(context.repo) / CODEOWNERS
    if not path.is_file():
        return
    try:
        current = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        current = f"unreadable: {exc}"
    expected = generate(records, context.today)
    if current != expected:
        line = first_difference(current, expected)
        message = f"{CODEOWNERS} is out of date with the co-chairs in office on {context.today}"
        yield Problem(CODEOWNERS, line, 1, CODE, message, severity_of(CODE))
