"""The loaded repository as plain data: records by kind and by id, with typed lookups."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from wgctl.models import (
    KINDS,
    ActionItem,
    Document,
    Group,
    Initiative,
    Meeting,
    Organisation,
    Person,
    Record,
    Theme,
)
from wgctl.recordviews import Every, Kind, NotedSet, Pending, Read, Reads, Resolver

R = TypeVar("R", bound=Record)


@dataclass
class Records:
    """All valid records of a repository; `by_kind[kind][id]` keeps the first of duplicates."""

    by_kind: dict[str, dict[str, Record]] = field(
        default_factory=lambda: {kind: {} for kind in KINDS}
    )
    all: list[Record] = field(default_factory=list)
    # Ids (file stems) of records that failed to load: references to them are not reported
    # again as missing, so one broken file gives one problem, not a cascade.
    unloaded: set[str] = field(default_factory=set)
    # Values computed once from the records (see `derived`), with what computing them read.
    _derived: dict[str, tuple[Any, frozenset[Read]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _sink: Reads | None = field(default=None, repr=False, compare=False)
    _folded: dict[str, list[Record]] | None = field(default=None, repr=False, compare=False)
    _resolver: Resolver | None = field(default=None, repr=False, compare=False)
    _paths: dict[str, Record] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def lazy(cls, resolver: Resolver) -> Records:
        """Records that may be added as `Pending` and are read from a store on first use."""
        kinds: dict[str, dict[str, Record]] = {k: Kind({}, k, None, resolver) for k in KINDS}
        return cls(kinds, Every([], None, resolver), _resolver=resolver)

    def add(self, record: Record) -> None:
        """Add a record; a duplicate id is kept in `all` (for the unique-id rule) only."""
        self.all.append(record)
        self._folded = self._paths = None
        self._derived.clear()
        self.by_kind[record.kind].setdefault(record.id, record)

    def add_pending(self, pending: Pending) -> None:
        """Add a record not read yet (lazy records only): it is read when first used."""
        record = cast("Record", pending)
        list.append(self.all, record)
        self._folded = self._paths = None
        self._derived.clear()
        dict.setdefault(self.by_kind[pending.kind], pending.id, record)

    def get(self, model: type[R], record_id: str | None) -> R | None:
        """The record of kind `model` with this id, or None."""
        if record_id is None:
            return None
        record = self.by_kind[model.kind].get(record_id)
        return record if isinstance(record, model) else None

    def of(self, model: type[R]) -> list[R]:
        """All records of one kind, sorted by id."""
        items = sorted(self.by_kind[model.kind].items())  # one walk: lazy records load at once
        return [record for _, record in items if isinstance(record, model)]

    def party(self, record_id: str) -> Organisation | Group | None:
        """An organisation or group: anything that can own an action or be "who"."""
        return self.get(Organisation, record_id) or self.get(Group, record_id)

    def label(self, record_id: str) -> str:
        """How a report names a party or record: its short name, name or title."""
        party = self.party(record_id)
        if party is not None:
            return party.label
        person = self.get(Person, record_id)
        return person.name if person else record_id

    def at_path(self, path: str) -> Record | None:
        """The record read from this file (a duplicate too), reading no other (see `lazy`)."""
        if self._paths is None:
            self._paths = {record.path: record for record in list.__iter__(self.all)}
        found = self._paths.get(path)
        return None if found is None else self.resolved(found)

    def ids_by_path(self) -> dict[str, str]:
        """{file: id} of every record, without reading a record not read yet (see `lazy`)."""
        return {record.path: record.id for record in list.__iter__(self.all)}

    def kinds_of(self, record_id: str) -> list[str]:
        """The kinds that have a record with this id (in the models' order)."""
        if self._sink is not None:
            self._sink.note(("anyid", record_id))
        return [kind for kind, items in self.by_kind.items() if dict.__contains__(items, record_id)]

    def sharing_id(self, record_id: str) -> list[Record]:
        """Every record (duplicates too) whose id is this one when case is ignored."""
        key = record_id.casefold()
        if self._sink is not None:
            self._sink.note(("fold", key))
        if self._folded is None:
            self._folded = {}
            for record in list.__iter__(self.all):  # the index itself reads no one record
                self._folded.setdefault(record.id.casefold(), []).append(record)
        same = self._folded.get(key, [])
        return self._resolver.many(same) if self._resolver else same

    def derived(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value computed from the records once per run (by a rule's helper), however many
        records ask for it; under `noted`, each asker is charged with what computing it read."""
        if key not in self._derived:
            sink = self._sink
            outer = sink.keys if sink else None
            if sink:
                sink.keys = set()
            value = compute()
            reads = frozenset(sink.keys or ()) if sink else frozenset()
            if sink:
                sink.keys = outer
            self._derived[key] = (value, reads)
        value, reads = self._derived[key]
        if self._sink and self._sink.keys is not None:
            self._sink.keys |= reads
        return value

    def noted(self, sink: Reads) -> Records:
        """The same records, where every lookup and iteration is written down in `sink`.

        Why: incremental validation reuses a rule's earlier findings only while nothing it read
        changed; the rule does not declare its inputs, the records note them (wgctl.checks.units).
        """
        resolver = self._resolver
        kinds: dict[str, dict[str, Record]] = {
            kind: Kind(items, kind, sink, resolver) for kind, items in self.by_kind.items()
        }
        every = Every(self.all, sink, resolver)
        unloaded = NotedSet(self.unloaded, sink)
        return Records(kinds, every, unloaded, _sink=sink, _resolver=resolver)

    def resolved(self, item: Record) -> Record:
        """A record itself, also when it was added as `Pending` (see `lazy`)."""
        return self._resolver.many([item])[0] if self._resolver else item

    def __iter__(self) -> Iterator[Record]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    @property
    def organisations(self) -> list[Organisation]:
        """All organisations."""
        return self.of(Organisation)

    @property
    def groups(self) -> list[Group]:
        """All groups."""
        return self.of(Group)

    @property
    def people(self) -> list[Person]:
        """All people."""
        return self.of(Person)

    @property
    def meetings(self) -> list[Meeting]:
        """All meetings, in date order."""
        return sorted(self.of(Meeting), key=lambda m: (m.start, m.id))

    @property
    def documents(self) -> list[Document]:
        """All documents."""
        return self.of(Document)

    @property
    def themes(self) -> list[Theme]:
        """All themes, in number order."""
        return sorted(self.of(Theme), key=lambda t: int(t.number))

    @property
    def initiatives(self) -> list[Initiative]:
        """All initiatives, in item-number order."""
        return sorted(self.of(Initiative), key=lambda i: tuple(int(p) for p in i.number.split(".")))

    @property
    def actions(self) -> list[ActionItem]:
        """All action items."""
        return self.of(ActionItem)
