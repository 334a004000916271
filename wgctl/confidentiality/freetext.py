"""Free text that names a party an audience may not see: found, and withheld, in one place.

Structured references are filtered by the audience filter; free text (a title, an update, a
decision, an agenda line, a closing note) may still name a restricted organisation, a person, or
a speaker at a Chatham House meeting. `texts` walks every free-text field of a record with the
widest audience it reaches; `Hidden` finds and redacts the names of hidden parties in it. The
audience filter redacts with it (so every report, export, calendar and diff does the same), and
rule WG404 reports the same findings at the line that names the party.
"""

from __future__ import annotations

import types
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from wgctl.confidentiality.namescan import NameScan, same_ignoring_case
from wgctl.errors import Loc
from wgctl.models import KINDS, Meeting, Person, Record, Sensitivity
from wgctl.records import Records

WITHHELD = "(not named)"

# A field's shape, for the walk: "text" (free text), "model" (descend), "list"/"dict" of either.
Shape = tuple[str, ...]


@dataclass(frozen=True)
class Named:
    """One hidden party named in a text: the words used, the party's id, and why it is hidden."""

    words: str
    party: str
    why: str


@dataclass(frozen=True)
class Hidden:
    """The names of the parties hidden from one audience, indexed once for finding them."""

    # a name or id as written -> (party id, why hidden)
    parties: MutableMapping[str, tuple[str, str]]
    scan: NameScan | None
    folded: MutableMapping[str, str]  # a name's case-folded form -> the first name with that form

    def find(self, text: str | None) -> list[Named]:
        """Every hidden party `text` names, in order of appearance (each party once)."""
        if not text or self.scan is None:
            return []
        out: dict[str, Named] = {}
        for start, end in self.scan.spans(text):
            words = text[start:end]
            party, why = self._lookup(words)
            out.setdefault(party, Named(words, party, why))
        return list(out.values())

    def redact(self, text: str) -> str:
        """`text` with every name of a hidden party replaced by `WITHHELD`."""
        if self.scan is None:
            return text
        spans = self.scan.spans(text)
        if not spans:
            return text
        pieces, done = [], 0
        for start, end in spans:
            pieces += [text[done:start], WITHHELD]
            done = end
        return "".join([*pieces, text[done:]])

    def _lookup(self, words: str) -> tuple[str, str]:
        exact = self.parties.get(words)
        if exact is not None:
            return exact
        name = self.folded.get(words.casefold())
        if (
            name is None
        ):  # `re` folds a few letters that casefold() keeps (the dotless i, the long s)
            name = next(n for n in self.parties if same_ignoring_case(n, words))
        return self.parties[name]

    def with_parties(self, extra: dict[str, tuple[str, str]]) -> Hidden:
        """These names and `extra` ones (e.g. a Chatham House meeting's participants), which
        win where both name the same words; this one's index and tables are shared, not copied."""
        if not extra:
            return self
        added = hiding(extra)
        names = [name for name in extra if len(name) >= 2]
        scan = added.scan if self.scan is None else self.scan.plus(names) if names else self.scan
        return Hidden(
            ChainMap(dict(extra), self.parties), scan, ChainMap(self.folded, added.folded)
        )


def hiding(parties: dict[str, tuple[str, str]]) -> Hidden:
    """A matcher for `parties` (name or id -> (party id, why)).

    Whole words only. Short names and ids (four letters or fewer: "NZ", "IOM", "fiji") match as
    written, so "us" in prose is not "US"; longer ones match in any case (see namescan).
    """
    names = [name for name in parties if len(name) >= 2]
    folded: dict[str, str] = {}
    for name in parties:
        folded.setdefault(name.casefold(), name)
    return Hidden(parties, NameScan(names) if names else None, folded)


def reach(record: Record) -> Sensitivity:
    """The widest audience a record reaches: its marking; people (personal data) never public."""
    if record.personal and record.sensitivity is Sensitivity.PUBLIC:
        return Sensitivity.MEMBERS
    return record.sensitivity


def names_of(record: Record) -> list[str]:
    """How free text may name a party: its names (the model's `name_fields`) and its id."""
    if not record.name_fields:
        return []
    return [n for n in (*(getattr(record, f) for f in record.name_fields), record.id) if n]


def hidden_from(records: Iterable[Record], audience: Sensitivity) -> Hidden:
    """The parties (organisations, groups, people) `audience` may not see, and why."""
    parties: dict[str, tuple[str, str]] = {}
    for record in records:
        marking = reach(record)
        if marking.visible_to(audience):
            continue
        why = "personal data" if record.personal else marking.value
        for name in names_of(record):
            parties.setdefault(name, (record.id, why))
    return hiding(parties)


def under_the_rule(records: Records, record: Record) -> dict[str, tuple[str, str]]:
    """The names of a Chatham House meeting's participants, hidden in its text from everyone."""
    if not isinstance(record, Meeting) or not record.chatham_house:
        return {}
    refs = [*record.participants, *record.attendees, *record.chairs, record.host]
    parties: dict[str, tuple[str, str]] = {}
    for ref in filter(None, refs):
        party: Record | None = records.party(ref) or records.get(Person, ref)
        for name in names_of(party) if party is not None else ():
            parties.setdefault(name, (ref, "Chatham House participant"))
    return parties


def _matchers(records: Records, record: Record, hidden: Hidden) -> Callable[[Loc], Hidden]:
    """Which matcher judges the text at a location: the venue of a meeting is always published."""
    rule = under_the_rule(records, record)
    if not rule:
        return lambda _loc: hidden
    strict = hidden.with_parties(rule)
    return lambda loc: hidden if loc == ("location",) else strict


@dataclass(frozen=True)
class Exposure:
    """Free text of a record that names a party hidden from an audience the text reaches."""

    record: Record
    loc: Loc
    named: Named
    audience: Sensitivity


def exposures(records: Records) -> Iterator[Exposure]:
    """Every place where free text names a party hidden from an audience it would reach."""
    hidden = hidden_by_audience(records)
    for record in records:
        yield from record_exposures(records, record, hidden)


def hidden_by_audience(records: Records) -> dict[Sensitivity, Hidden]:
    """The hidden parties of each audience narrower than restricted; only the kinds that have
    names are read (so a change to an action item does not make every record's text suspect)."""
    named = [
        record
        for kind, model in KINDS.items()
        if model.name_fields
        for record in records.by_kind[kind].values()
    ]
    return {a: hidden_from(named, a) for a in Sensitivity if a is not Sensitivity.RESTRICTED}


def record_exposures(
    records: Records, record: Record, by_audience: dict[Sensitivity, Hidden]
) -> Iterator[Exposure]:
    """The places in one record's free text that name a party hidden from its audience."""
    nobody = hiding({})
    judge = {m: _matchers(records, record, by_audience.get(m, nobody)) for m in Sensitivity}
    for loc, text, marking in texts(record):
        for named in judge[marking](loc).find(text):
            yield Exposure(record, loc, named, marking)


Visit = Callable[[Loc, str, Sensitivity], str]


def texts(record: Record) -> Iterator[tuple[Loc, str, Sensitivity]]:
    """Every free-text value of a record: where it is, the text, the widest audience it reaches."""
    found: list[tuple[Loc, str, Sensitivity]] = []

    def collect(loc: Loc, text: str, marking: Sensitivity) -> str:
        found.append((loc, text, marking))
        return text

    rewrite(record, collect)
    yield from found


def redacted(records: Records, record: Record, hidden: Hidden) -> Record:
    """A copy of `record` whose free text names no hidden party (the record itself when none)."""
    matcher = _matchers(records, record, hidden)
    if hidden.scan is None and not under_the_rule(records, record):
        return record
    return rewrite(record, lambda loc, text, _marking: matcher(loc).redact(text))


def rewrite(record: Record, visit: Visit) -> Record:
    """`record` with `visit` applied to every free-text value (shared when nothing changes)."""
    out: Record = _model(record, visit, (), reach(record))
    return out


def _model(model: BaseModel, visit: Visit, loc: Loc, marking: Sensitivity) -> Any:
    own = getattr(model, "sensitivity", None)
    if isinstance(own, Sensitivity) and own.rank > marking.rank:
        marking = own
    changed: dict[str, Any] = {}
    for name, shape in _shapes(type(model)).items():
        value = getattr(model, name)
        new = _value(value, shape, visit, (*loc, name), marking)
        if new is not value:
            changed[name] = new
    return model.model_copy(update=changed) if changed else model


def _value(value: Any, shape: Shape, visit: Visit, loc: Loc, marking: Sensitivity) -> Any:
    if value is None:
        return value
    head, rest = shape[0], shape[1:]
    if head == "text":
        new = visit(loc, value, marking) if isinstance(value, str) else value
        return value if new == value else new
    if head == "model":
        return _model(value, visit, loc, marking)
    if head == "list":
        items = [_value(v, rest, visit, (*loc, i), marking) for i, v in enumerate(value)]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    entries = {k: _value(v, rest, visit, (*loc, k), marking) for k, v in value.items()}
    return value if all(entries[k] is value[k] for k in value) else entries


@cache
def _shapes(model: type[BaseModel]) -> dict[str, Shape]:
    """The fields of `model` that hold free text, directly or below, with their shape."""
    out: dict[str, Shape] = {}
    for name, field in model.model_fields.items():
        shape = _shape(field.annotation, list(field.metadata))
        if shape is not None:
            out[name] = shape
    return out


def _shape(annotation: Any, metadata: list[Any]) -> Shape | None:
    """The shape of free text; None for ids, codes (a pattern), enums, literals, numbers, dates."""
    if any(getattr(m, "pattern", None) for m in metadata):
        return None
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        return _shape(inner, metadata + _flatten(extra))
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        return _shape(options[0], metadata) if len(options) == 1 else None
    if origin is list:
        below = _shape(get_args(annotation)[0], [])
        return ("list", *below) if below else None
    if origin is dict:
        below = _shape(get_args(annotation)[1], [])
        return ("dict", *below) if below else None
    if origin is Literal or not isinstance(annotation, type) or issubclass(annotation, Enum):
        return None
    if issubclass(annotation, BaseModel):
        return ("model",) if _shapes(annotation) else None
    return ("text",) if issubclass(annotation, str) else None


def _flatten(extra: list[Any]) -> list[Any]:
    """Annotated metadata, with a FieldInfo's own constraints spread out."""
    out: list[Any] = []
    for item in extra:
        out.extend(getattr(item, "metadata", None) or [item])
    return out
