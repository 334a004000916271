"""The loaded repository as plain data: records by kind and by id, with typed lookups."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

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

    def add(self, record: Record) -> None:
        """Add a record; a duplicate id is kept in `all` (for the unique-id rule) only."""
        self.all.append(record)
        self._folded = None
        self._derived.clear()
        self.by_kind[record.kind].setdefault(record.id, record)

    def get(self, model: type[R], record_id: str | None) -> R | None:
        """The record of kind `model` with this id, or None."""
        if record_id is None:
            return None
        record = self.by_kind[model.kind].get(record_id)
        return record if isinstance(record, model) else None

    def of(self, model: type[R]) -> list[R]:
        """All records of one kind, sorted by id."""
        items = self.by_kind[model.kind]
        return [items[k] for k in sorted(items) if isinstance(items[k], model)]  # type: ignore[misc]

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
        return self._folded.get(key, [])

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
        kinds: dict[str, dict[str, Record]] = {
            kind: _NotedKind(items, sink, kind) for kind, items in self.by_kind.items()
        }
        every = _NotedList(self.all, sink)
        return Records(kinds, every, _NotedSet(self.unloaded, sink), _sink=sink)

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


# What a rule read: ("id", kind, id), ("anyid", id) (any kind), ("fold", id in lower case),
# ("kind", kind) (all of one kind), ("all",), ("unloaded", stem), ("unloaded",), ("repo",).
Read = tuple[str, ...]


class Reads:
    """Where noted records write what was read; `keys` is None while nothing listens."""

    def __init__(self) -> None:
        self.keys: set[Read] | None = None

    def note(self, key: Read) -> None:
        """Remember one read (when listening)."""
        if self.keys is not None:
            self.keys.add(key)


class _NotedKind(dict[str, Record]):
    """The records of one kind by id; reads of one id or of the whole kind are noted."""

    def __init__(self, items: dict[str, Record], sink: Reads, kind: str) -> None:
        super().__init__(items)
        self._sink, self._kind = sink, kind

    def get(self, key: str, default: Any = None) -> Any:
        self._sink.note(("id", self._kind, key))
        return super().get(key, default)

    def __getitem__(self, key: str) -> Record:
        self._sink.note(("id", self._kind, key))
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self._sink.note(("id", self._kind, str(key)))
        return super().__contains__(key)

    def _whole(self) -> None:
        self._sink.note(("kind", self._kind))

    def __iter__(self) -> Iterator[str]:
        self._whole()
        return super().__iter__()

    def __len__(self) -> int:
        self._whole()
        return super().__len__()

    def keys(self) -> Any:
        self._whole()
        return super().keys()

    def values(self) -> Any:
        self._whole()
        return super().values()

    def items(self) -> Any:
        self._whole()
        return super().items()


class _NotedList(list[Record]):
    """Every record (duplicates too): any use of it reads everything."""

    def __init__(self, items: list[Record], sink: Reads) -> None:
        super().__init__(items)
        self._sink = sink

    def __iter__(self) -> Iterator[Record]:
        self._sink.note(("all",))
        return super().__iter__()

    def __len__(self) -> int:
        self._sink.note(("all",))
        return super().__len__()

    def __getitem__(self, index: Any) -> Any:
        self._sink.note(("all",))
        return super().__getitem__(index)


class _NotedSet(set[str]):
    """The stems of files that failed to load: membership of one stem, or all of them."""

    def __init__(self, items: set[str], sink: Reads) -> None:
        super().__init__(items)
        self._sink = sink

    def __contains__(self, key: object) -> bool:
        self._sink.note(("unloaded", str(key)))
        return super().__contains__(key)

    def __iter__(self) -> Iterator[str]:
        self._sink.note(("unloaded",))
        return super().__iter__()

    def __len__(self) -> int:
        self._sink.note(("unloaded",))
        return super().__len__()
