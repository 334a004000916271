"""WG103/WG104/WG502: every reference names an existing record of the kind the field expects.

- WG103: the id names no record at all.
- WG104: the id names a record of another kind (a meeting where an organisation is expected).
- WG502: an action's `owner` or an initiative's `who` is not a known organisation or group.
References to a file that failed to load are not reported again: one broken file, one problem.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from wgctl.checks.base import CheckContext, each, field_name, problem, walk
from wgctl.errors import Loc, Problem
from wgctl.models import KINDS, Record
from wgctl.models.kinds import references, singular
from wgctl.records import Records

Spec = tuple[tuple[str, ...], tuple[str, ...], bool]


def specs(kind: str) -> tuple[Spec, ...]:
    """Every reference field of a record kind: (field path, kinds it may name, is it a party).

    Derived from the models' `refers` declarations; a test introspects the models so that every
    `Ref` field of every kind is declared.
    """
    model = KINDS.get(kind)
    if model is None:
        return ()
    return tuple((path, refers.kinds, refers.party) for path, refers in references(model))


SUBJECTS = None  # every record


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report references to missing records, or to records of the wrong kind."""
    return each(records, context, check_record, SUBJECTS)


def check_record(record: Record, records: Records, context: CheckContext) -> Iterator[Problem]:
    """The references of one record that name no record of a kind the field expects."""
    compiled = records.derived("reference fields", _compiled)
    unloaded = records.unloaded

    def resolves(target: str, allowed: frozenset[str]) -> bool:
        found = records.kinds_of(target)
        return not allowed.isdisjoint(found) if found else target in unloaded

    given = record.model_fields_set  # fields left at their default (None, []) hold no reference
    for spec, allowed, kinds, is_party in compiled[record.kind]:
        # Fast path: plain values; field paths are built only when something is wrong.
        if spec[0] not in given or all(
            resolves(target, allowed) for target in _values(record, spec)
        ):
            continue
        for loc, target in walk(record, spec):
            if not resolves(target, allowed):
                found = records.kinds_of(target)
                yield _bad(record, loc, target, kinds, found, is_party=is_party)


def _compiled() -> dict[str, list[tuple[tuple[str, ...], frozenset[str], tuple[str, ...], bool]]]:
    """Each kind's reference fields with the kinds they may name (as a set, for speed)."""
    return {
        kind: [(spec, frozenset(kinds), kinds, is_party) for spec, kinds, is_party in specs(kind)]
        for kind in KINDS
    }


def _values(obj: object, spec: tuple[str, ...]) -> list[Any]:
    """The values at a field path, without their locations."""
    level: list[Any] = [obj]
    for head in spec:
        if head == "*":
            level = [item for items in level for item in items]
        else:
            level = [v for o in level if (v := getattr(o, head, None)) is not None]
        if not level:
            break
    return level


def _bad(
    record: Record,
    loc: Loc,
    target: str,
    kinds: tuple[str, ...],
    found: Sequence[str],
    *,
    is_party: bool,
) -> Problem:
    """The problem for a reference that does not resolve to a record of an expected kind."""
    field = field_name(loc)
    if found:
        wanted = " or ".join(_a(k) for k in kinds)
        return problem(
            record, loc, "WG104", f"{field}: {target!r} is {_a(found[0])}, expected {wanted}"
        )
    if is_party:
        msg = f"{field}: {target!r} is not a known organisation or group"
        return problem(record, loc, "WG502", msg)
    nouns = " or ".join(singular(k) for k in kinds)
    return problem(record, loc, "WG103", f"{field}: no {nouns} has the id {target!r}")


def _a(kind: str) -> str:
    """`an organisation`, `a meeting`."""
    noun = singular(kind)
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"
