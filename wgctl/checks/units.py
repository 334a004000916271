"""Incremental checking: re-run a rule only where something it read has changed.

A unit is one rule about one record (rules with `check_record`) or one rule over the whole
repository (the others). Each unit runs over `Records.noted`, so what it read is written down
by the records themselves, not declared by hand; its problems are reused while no key it read
changed since the last run (keys of the files that changed: their kind, their old and new id,
failed stems). Reading the repository beyond the records (`context.repo`) is never reused.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

from wgctl import progress
from wgctl.checks import REGISTRY
from wgctl.checks.base import CheckContext
from wgctl.errors import Problem
from wgctl.files.rulememo import Indexed, RuleMemo, Unit, key_text
from wgctl.models import Record
from wgctl.records import Records
from wgctl.recordviews import Read, Reads


def changed_keys(
    before: dict[str, Indexed],
    now: dict[str, Indexed],
    paths: set[str],
    unloaded: tuple[set[str], set[str]],
) -> set[Read]:
    """What the changed files (and the change in failed stems) may have changed for a reader."""
    keys: set[Read] = {("repo",)}
    for path in paths:
        for entry in (before.get(path), now.get(path)):
            if entry is None:
                continue
            _, kind, rid = entry
            keys.update({("all",), ("kind", kind)})
            if rid:
                keys.update({("id", kind, rid), ("anyid", rid), ("fold", rid.casefold())})
    moved = unloaded[0] ^ unloaded[1]
    keys.update(("unloaded", stem) for stem in moved)
    if moved:
        keys.add(("unloaded",))
    return keys


def run_incremental(
    records: Records,
    context: CheckContext,
    memo: RuleMemo,
    files: dict[str, Indexed],
) -> list[Problem]:
    """Every cross-record problem, equal to `run_checks`, re-running only the stale units."""
    before = memo.files()
    paths = {p for p in before.keys() | files.keys() if before.get(p) != files.get(p)}
    keys = changed_keys(before, files, paths, (memo.unloaded(), set(records.unloaded)))
    stale = memo.stale(key_text(k) for k in keys) | memo.units_of(paths)
    memo.forget(stale)
    plan = list(_plan(records, memo.fresh, stale, paths, keys))
    problems = list(memo.problems(skip={unit for unit, _, _ in plan}))
    sink = Reads()
    view = records.noted(sink)
    noted = CheckContext(context.today, context.root, sink)
    fresh = []
    for done, (unit, module, subject) in enumerate(plan, 1):
        sink.keys = set()
        if subject is None:
            found = list(module.check(view, noted))
        else:
            sink.note(("id", subject.kind, subject.id))  # whether it is still a subject
            found = list(module.check_record(subject, view, noted))
        problems.extend(found)
        fresh.append((unit, found, {key_text(k) for k in sink.keys}))
        progress.step("rules checked", done, len(plan))
    sink.keys = None
    memo.remember(fresh)
    memo.index(files, paths, set(records.unloaded))
    return problems


Planned = tuple[Unit, ModuleType, Record | None]


def _plan(
    records: Records, fresh: bool, stale: set[Unit], paths: set[str], keys: set[Read]
) -> Iterator[Planned]:
    """The units to run: all on a fresh memo; else the stale ones, and those about new or changed
    files or about a record that became the first of its id."""
    for module in REGISTRY:
        rule = module.__name__.rpartition(".")[2]
        if not hasattr(module, "check_record"):
            if fresh or (rule, "") in stale:
                yield (rule, ""), module, None
            continue
        for stub in _stubs(records, module.SUBJECTS):
            unit = (rule, stub.path)
            if fresh or unit in stale or stub.path in paths or ("id", stub.kind, stub.id) in keys:
                yield unit, module, records.resolved(stub)


def _stubs(records: Records, kinds: tuple[type[Record], ...] | None) -> list[Record]:
    """What `base.subjects` gives, without reading the records not read yet (their path,
    kind and id are known): a unit that does not run never unpickles its record."""
    if kinds is None:
        return list(list.__iter__(records.all))
    return [r for model in kinds for r in dict.values(records.by_kind[model.kind])]
