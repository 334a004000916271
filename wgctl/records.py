"""The loaded repository as plain data: records by kind and by id, with typed lookups."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar

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

    def add(self, record: Record) -> None:
        """Add a record; a duplicate id is kept in `all` (for the unique-id rule) only."""
        self.all.append(record)
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
