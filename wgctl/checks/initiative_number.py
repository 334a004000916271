"""WG106: theme and initiative numbers are unique, and an initiative's starts with its theme's.

Item `2.3` belongs to theme `2`; two initiatives numbered `2.3`, or two themes numbered `2`,
make the progress report's tables ambiguous. The second record (by file path) is reported.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from wgctl.checks.base import CheckContext, every, problem
from wgctl.errors import Problem
from wgctl.models import Initiative, Theme
from wgctl.records import Records

CODE = "WG106"


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report duplicate numbers and initiatives filed under the wrong theme."""
    yield from _duplicates("theme", every(records, Theme))
    yield from _duplicates("initiative", every(records, Initiative))
    for initiative in every(records, Initiative):
        theme = records.get(Theme, initiative.theme)
        if theme is not None and not initiative.number.startswith(theme.number + "."):
            if _key(initiative.number)[0] == int(theme.number):
                continue  # "01.2" under theme "1"
            msg = (
                f"number {initiative.number!r} does not start with theme "
                f"{theme.id}'s number {theme.number!r}"
            )
            yield problem(initiative, ("number",), CODE, msg)


def _duplicates(kind: str, items: Sequence[Theme | Initiative]) -> Iterator[Problem]:
    """The second and later records (by path) that reuse a number."""
    by_key: dict[tuple[int, ...], list[Theme | Initiative]] = {}
    for item in items:
        by_key.setdefault(_key(item.number), []).append(item)
    for same in by_key.values():
        if len(same) > 1:
            first, *others = sorted(same, key=lambda r: r.path)
            for item in others:
                msg = f"{kind} number {item.number!r} is already used by {first.id}"
                yield problem(item, ("number",), CODE, msg)


def _key(number: str) -> tuple[int, ...]:
    """`"01.2"` and `"1.2"` are the same item number."""
    return tuple(int(part) for part in number.split("."))
