"""Load a records repository: discover, parse, validate; never raises on bad user data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from pydantic import ValidationError
from yaml.nodes import Node

from wgctl import progress
from wgctl.errors import Place, Problem
from wgctl.files import yamlio
from wgctl.files.cache import Cache, GitState
from wgctl.files.discover import Found, discover
from wgctl.files.heap import gc_paused
from wgctl.files.pydantic_errors import describe
from wgctl.files.sourcetext import SourceTexts
from wgctl.models import KINDS, Record
from wgctl.records import Records


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

    Unchanged tracked files come from the cache in .git/ when there is one (see wgctl.cache).
    The text of each file read is left in `texts`, so placing and quoting never read it again.
    """
    found, problems = discover(repo)
    records = Records()
    # A file that could not even be considered must not cascade into "no such record" errors.
    records.unloaded.update(PurePosixPath(p.path).stem for p in problems if "." in p.path)
    state = git_state or (GitState.read(repo) if cache else None)
    store = Cache(repo, max_bytes, state) if state else None
    with gc_paused():  # see wgctl.files.heap
        for done, item in enumerate(found, 1):
            progress.step("files read", done, len(found))
            hit = store.get(item.rel) if store else None
            if hit is None:
                record, file_problems = load_file(item, max_bytes=max_bytes, texts=texts)
                if store:
                    store.put(item.rel, record, file_problems)
            else:
                record, file_problems = hit
            problems.extend(file_problems)
            if record is not None:
                records.add(record)
            else:
                records.unloaded.add(item.stem)
    if store:
        store.save()
    return Loaded(records, problems, [f.rel for f in found])


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
