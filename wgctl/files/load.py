"""Load a records repository: discover, parse, validate; never raises on bad user data."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from pydantic import ValidationError
from yaml.nodes import Node

from wgctl import progress
from wgctl.errors import InputError, Place, Problem
from wgctl.files import yamlio
from wgctl.files.cache import GitState
from wgctl.files.discover import Found, discover
from wgctl.files.heap import gc_paused
from wgctl.files.pydantic_errors import describe
from wgctl.files.sourcetext import SourceTexts
from wgctl.files.store import RecordStore, Row, StoreError
from wgctl.models import KINDS, Record
from wgctl.records import Records
from wgctl.recordviews import Pending, Resolver


@dataclass
class Loaded:
    """The valid records, every problem found while loading, and every file considered."""

    records: Records
    problems: list[Problem]
    files: list[str] = field(default_factory=list)


def load_repo(
    repo: Path,
    *,
    max_bytes: int = yamlio.MAX_BYTES,
    cache: bool = True,
    git_state: GitState | None = None,
    texts: SourceTexts | None = None,
) -> Loaded:
    """Load every record under `repo/records/`; a broken file never hides the others (R15).

    With git, files whose content is stored in .git/ are not read: their records come from the
    store when first used (see wgctl.files.store). The text of each file read is left in
    `texts`, so placing and quoting never read it again.
    """
    found, problems = discover(repo)
    state = git_state or (GitState.read(repo) if cache else None)
    stamps = state.stamps([f.rel for f in found]) if state else None
    store = _store(repo, max_bytes) if stamps is not None else None
    if store is None or stamps is None:
        records = Records()
    else:
        records = Records.lazy(Resolver(store.fetcher(_reloader(found, max_bytes))))
    # A file that could not even be considered must not cascade into "no such record" errors.
    records.unloaded.update(PurePosixPath(p.path).stem for p in problems if "." in p.path)
    index = store.index() if store else {}
    with gc_paused():  # see wgctl.files.heap
        for done, item in enumerate(found, 1):
            progress.step("files read", done, len(found))
            stamp = stamps[item.rel] if stamps else ""
            row = index.get(item.rel)
            if store and row is not None and row[0] == stamp:
                problems.extend(_stored(records, item, row))
            else:
                record, file_problems = load_file(item, max_bytes=max_bytes, texts=texts)
                if store:
                    store.put(item.rel, stamp, item.rel.split("/")[1], record, file_problems)
                problems.extend(file_problems)
                _add(records, item, record)
            if store:
                store.expect(item.rel, stamp)
    if store:
        store.drop(sorted(index.keys() - {f.rel for f in found}))
        store.commit()
    return Loaded(records, problems, [f.rel for f in found])


def _store(repo: Path, max_bytes: int) -> RecordStore | None:
    try:
        return RecordStore(repo, max_bytes)
    except StoreError:  # a store that cannot be opened costs speed, nothing else
        return None


def _stored(records: Records, item: Found, row: Row) -> list[Problem]:
    """A file as the store knows it: a record not read yet, or the stem that failed."""
    _stamp, kind, record_id, blob = row
    if record_id:
        records.add_pending(Pending(item.rel, kind, record_id))
    else:
        records.unloaded.add(item.stem)
    found: list[Problem] = pickle.loads(blob) if blob else []  # noqa: S301 - our own store
    return found


def _add(records: Records, item: Found, record: Record | None) -> None:
    if record is not None:
        records.add(record)
    else:
        records.unloaded.add(item.stem)


def _reloader(found: list[Found], max_bytes: int) -> Callable[[str], Record]:
    """A record read from its file, for a row the store can no longer serve."""
    items = {f.rel: f for f in found}

    def reload(rel: str) -> Record:
        record, _problems = load_file(items[rel], max_bytes=max_bytes)
        if record is None:
            raise InputError(f"{rel}: changed while wgctl was reading it; run the command again")
        return record

    return reload


def load_file(
    item: Found, *, max_bytes: int = yamlio.MAX_BYTES, texts: SourceTexts | None = None
) -> tuple[Record | None, list[Problem]]:
    """One record file to a validated record, or the problems that stop it (placed from the
    same parse)."""
    kind = item.rel.split("/")[1]
    model = KINDS.get(kind)
    if model is None:
        known = ", ".join(sorted(KINDS))
        return None, [
            Problem(item.rel, 1, 1, "WG009", f"unknown record kind {kind!r} (known: {known})")
        ]
    try:
        text = yamlio.read_text(item.file, max_bytes)
        if texts is not None:
            texts.keep(item.rel, text)
        data, root = yamlio.parse_record(text)
    except yamlio.YamlError as exc:
        return None, [_yaml_problem(item.rel, e) for e in exc.all]
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        return None, _schema_problems(item.rel, root, exc, model)
    except Exception as exc:  # R8: a bug in a validator still names the file
        message = f"invalid record: {type(exc).__name__}: {str(exc)[:200]}"
        return None, [Problem(item.rel, 1, 1, "WG010", message)]
    record._path = item.rel
    return record, []


def _yaml_problem(rel: str, exc: yamlio.YamlError) -> Problem:
    also = tuple(Place(rel, line, column) for line, column in exc.also)
    return Problem(rel, exc.line, exc.column, exc.rule, exc.message, also=also)


def _schema_problems(
    rel: str, root: Node, exc: ValidationError, model: type[Record]
) -> list[Problem]:
    problems = []
    for loc, rule, message, at_key in describe(exc, model):
        pos = yamlio.locate(root, loc, key=at_key)
        problems.append(Problem(rel, pos.line, pos.column, rule, message, loc=loc))
    return problems


class Locator:
    """Resolves problems' field paths to lines, composing each file at most once, on demand,
    from the text the loader already read (see wgctl.sourcetext)."""

    def __init__(self, texts: SourceTexts) -> None:
        self._texts = texts

    def resolve(self, problems: Iterable[Problem]) -> list[Problem]:
        """Problems with line and column filled in where they were left at 0."""
        out = []
        for problem in problems:
            placed = problem
            if problem.line == 0:
                pos = yamlio.locate(self._texts.root(problem.path), problem.loc)
                placed = problem.with_position(pos.line, pos.column)
            if any(p.line == 0 for p in placed.also):
                placed = replace(placed, also=tuple(self._place(p) for p in placed.also))
            out.append(placed)
        return out

    def _place(self, place: Place) -> Place:
        if place.line:
            return place
        pos = yamlio.locate(self._texts.root(place.path), place.loc)
        return replace(place, line=pos.line, column=pos.column)
