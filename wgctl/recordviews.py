"""The containers behind `Records` when records load on first use, or reads are noted.

Why: a warm run after one edit should unpickle the records it looks at, not all of them
(`wgctl.files.store` keeps one row per file), and an incremental run must know what each rule
looked at (`wgctl.checks.units`). Both hook into the same few operations: a lookup by id, a
walk over one kind, a walk over everything. Everything else about the containers is a dict,
a list and a set, so the code that uses `Records` does not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, cast

from wgctl.models import Record

# What a rule read: ("id", kind, id), ("anyid", id) (any kind), ("fold", id in lower case),
# ("kind", kind) (all of one kind), ("all",), ("unloaded", stem), ("unloaded",), ("repo",).
Read = tuple[str, ...]
Fetch = Callable[[list[str]], dict[str, Record]]  # paths -> their records, read from a store
_MISSING = object()


class Reads:
    """Where noted records write what was read; `keys` is None while nothing listens."""

    def __init__(self) -> None:
        self.keys: set[Read] | None = None

    def note(self, key: Read) -> None:
        """Remember one read (when listening)."""
        if self.keys is not None:
            self.keys.add(key)


class Pending:
    """A record known by its file, kind and id, not read yet."""

    __slots__ = ("id", "kind", "path")

    def __init__(self, path: str, kind: str, record_id: str) -> None:
        self.path, self.kind, self.id = path, kind, record_id


class Resolver:
    """Turns pending records into records, each once (so every container shares one object)."""

    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._done: dict[str, Record] = {}

    def many(self, items: list[Any]) -> list[Record]:
        """The records for these items (records stay as they are)."""
        wanted = [i.path for i in items if isinstance(i, Pending) and i.path not in self._done]
        if wanted:
            self._done.update(self._fetch(wanted))
        return [self._done[i.path] if isinstance(i, Pending) else i for i in items]


class Kind(dict[str, Record]):
    """The records of one kind by id: resolved on use, reads noted when a sink listens."""

    def __init__(
        self, items: dict[str, Record], kind: str, sink: Reads | None, resolver: Resolver | None
    ) -> None:
        super().__init__()
        dict.update(self, dict.items(items))  # the raw entries: nothing is resolved by copying
        self._kind, self._sink, self._resolver = kind, sink, resolver

    def _note(self, key: Read) -> None:
        if self._sink is not None:
            self._sink.note(key)

    def _real(self, key: str, value: Any) -> Record:
        if isinstance(value, Pending) and self._resolver is not None:
            value = self._resolver.many([value])[0]
            dict.__setitem__(self, key, value)
        return cast("Record", value)

    def _whole(self) -> None:
        self._note(("kind", self._kind))
        if self._resolver is not None:
            pending = [(k, v) for k, v in dict.items(self) if isinstance(v, Pending)]
            if pending:
                found = self._resolver.many([v for _, v in pending])
                for (key, _), record in zip(pending, found, strict=True):
                    dict.__setitem__(self, key, record)

    def get(self, key: str, default: Any = None) -> Any:
        self._note(("id", self._kind, key))
        value = dict.get(self, key, _MISSING)
        return default if value is _MISSING else self._real(key, value)

    def __getitem__(self, key: str) -> Record:
        self._note(("id", self._kind, key))
        return self._real(key, dict.__getitem__(self, key))

    def __contains__(self, key: object) -> bool:
        self._note(("id", self._kind, str(key)))
        return dict.__contains__(self, key)

    def __iter__(self) -> Iterator[str]:
        self._note(("kind", self._kind))
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._note(("kind", self._kind))
        return dict.__len__(self)

    def keys(self) -> Any:
        self._note(("kind", self._kind))
        return dict.keys(self)

    def values(self) -> Any:
        self._whole()
        return dict.values(self)

    def items(self) -> Any:
        self._whole()
        return dict.items(self)


class Every(list[Record]):
    """Every record (duplicates too): resolved on use; any use reads everything."""

    def __init__(self, items: list[Record], sink: Reads | None, resolver: Resolver | None) -> None:
        super().__init__(list.__iter__(items))
        self._sink, self._resolver = sink, resolver

    def _whole(self) -> None:
        if self._sink is not None:
            self._sink.note(("all",))
        if self._resolver is not None and any(isinstance(r, Pending) for r in list.__iter__(self)):
            self[:] = self._resolver.many(list(list.__iter__(self)))

    def __iter__(self) -> Iterator[Record]:
        self._whole()
        return list.__iter__(self)

    def __len__(self) -> int:
        if self._sink is not None:
            self._sink.note(("all",))
        return list.__len__(self)

    def __getitem__(self, index: Any) -> Any:
        self._whole()
        return list.__getitem__(self, index)


class NotedSet(set[str]):
    """The stems of files that failed to load: membership of one stem, or all of them."""

    def __init__(self, items: set[str], sink: Reads) -> None:
        super().__init__(items)
        self._sink = sink

    def __contains__(self, key: object) -> bool:
        self._sink.note(("unloaded", str(key)))
        return set.__contains__(self, key)

    def __iter__(self) -> Iterator[str]:
        self._sink.note(("unloaded",))
        return set.__iter__(self)

    def __len__(self) -> int:
        self._sink.note(("unloaded",))
        return set.__len__(self)
