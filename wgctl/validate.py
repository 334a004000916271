"""Validation as one function: load, run every rule, place each problem, filter by file."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from wgctl.errors import InputError, Problem, Severity
from wgctl.files.cache import GitState, ResultMemo
from wgctl.files.heap import gc_frozen
from wgctl.files.sourcetext import SourceTexts
from wgctl.files.textfile import MAX_BYTES

if TYPE_CHECKING:
    from wgctl.files.load import Loaded
    from wgctl.records import Records


class Result:
    """The outcome of a validation run; the records load on first use when it came from the memo."""

    def __init__(
        self,
        records: Records | None,
        problems: list[Problem],
        files: list[str],
        load: Callable[[], Records] | None = None,
        texts: SourceTexts | None = None,
    ) -> None:
        self._records = records
        self._load = load
        self.problems = problems
        self.files = files
        # How many files the report covers: all, the PATHs asked for, or the changed ones.
        self.checked = len(files)
        # The files' text, for quoting problems' lines: read at most once per command.
        self.texts = texts

    @property
    def records(self) -> Records:
        """Every valid record of the repository."""
        if self._records is None:
            assert self._load is not None  # noqa: S101 - one of the two is always given
            self._records = self._load()
        return self._records

    @property
    def errors(self) -> list[Problem]:
        """Problems of error severity."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems of warning severity."""
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def failed(self, *, strict: bool = False) -> bool:
        """True when the run should exit 1."""
        return bool(self.errors or (strict and self.warnings))


def validate_repo(
    repo: Path,
    *,
    only: Collection[str] | None = None,
    today: date | None = None,
    max_bytes: int = MAX_BYTES,
    loaded: Loaded | None = None,
) -> Result:
    """Validate the whole repository; report only problems in `only` (repo-relative paths).

    With git, a run over an unchanged working tree reuses the last run's problems (wgctl.cache);
    then neither the models nor the checks are imported (a third of a small run's time).
    """
    day = today or date.today()
    state = GitState.read(repo) if loaded is None else None
    memo = ResultMemo(state, day, max_bytes, sorted(only or ()), only is None) if state else None
    hit = memo.get() if memo else None
    if hit is not None:
        problems, files = hit
        return Result(None, problems, files, load=lambda: _load(repo, max_bytes, state).records)
    from wgctl.files.load import Locator, load_repo  # noqa: PLC0415 - see above

    texts = SourceTexts(repo, max_bytes)
    loaded = loaded or load_repo(repo, max_bytes=max_bytes, git_state=state, texts=texts)
    texts.allowed = set(loaded.files)  # discovery's verdict: only these are ever read
    with gc_frozen():  # see wgctl.files.heap
        problems = loaded.problems + _checked(loaded, day, repo, state, max_bytes)
    if only is not None:
        wanted = set(only)
        problems = [p for p in problems if p.path in wanted]
    problems = sorted(Locator(texts).resolve(problems))
    texts.retain({p.path for p in problems})
    if memo:
        memo.put(problems, loaded.files)
    return Result(loaded.records, problems, loaded.files, texts=texts)


def _checked(
    loaded: Loaded, day: date, repo: Path, state: GitState | None, max_bytes: int
) -> list[Problem]:
    """The cross-record problems: re-run only where the inputs changed when git and the memo
    in .git/ allow it (wgctl.checks.units), else every rule."""
    import sqlite3  # noqa: PLC0415 - only when rules run

    from wgctl.checks import run_checks  # noqa: PLC0415 - see validate_repo
    from wgctl.checks.base import CheckContext  # noqa: PLC0415
    from wgctl.checks.units import run_incremental  # noqa: PLC0415
    from wgctl.files.rulememo import MemoError, RuleMemo  # noqa: PLC0415

    stamps = state.stamps(loaded.files) if state else None
    if stamps is None:
        return run_checks(loaded.records, today=day, repo=repo)
    ids = loaded.records.ids_by_path()
    files = {rel: (stamps[rel], rel.split("/")[1], ids.get(rel, "")) for rel in loaded.files}
    try:
        memo = RuleMemo(repo, f"{day} {max_bytes}")
    except MemoError:
        return run_checks(loaded.records, today=day, repo=repo)
    done = False
    try:
        problems = run_incremental(loaded.records, CheckContext(day, repo), memo, files)
        done = True
    except sqlite3.Error:  # a memo that fails mid-way is not trusted: the run does it all
        problems = run_checks(loaded.records, today=day, repo=repo)
    finally:
        memo.close(commit=done)
    return problems


def validate_request(
    repo: Path,
    *,
    only: list[str] | None = None,
    changed_since: str | None = None,
    today: date | None = None,
    max_bytes: int = MAX_BYTES,
) -> Result:
    """What `wgctl validate` reports: the problems of the files asked for (PATHs, or what
    changed since a commit, with the problems elsewhere that the change caused).

    A PATH that is no record file of the repository is a mistake, never "0 errors: ok".
    """
    changes = None
    if changed_since is not None:
        from wgctl.history import changeset  # noqa: PLC0415 - git only when asked for

        changes = changeset.changed_since(repo, changed_since)
    result = validate_repo(repo, only=only, max_bytes=max_bytes, today=today)
    if only is not None:
        _refuse_unknown(only, result)
    if changes is not None:
        result.problems = changeset.concerning(result.problems, lambda: result.records, changes)
        only = sorted(changes.changed) if only is None else only
    result.checked = len(only) if only is not None else len(result.files)
    return result


def _refuse_unknown(only: list[str], result: Result) -> None:
    from wgctl.output import one_line  # noqa: PLC0415 - rich stays out of the import path

    known = set(result.files) | {p.path for p in result.problems}
    for rel in only:
        if rel not in known:
            raise InputError(
                f"{one_line(rel)}: no such record file in the repository (names are exact)"
            )


def _load(repo: Path, max_bytes: int, state: GitState | None) -> Loaded:
    from wgctl.files.load import load_repo  # noqa: PLC0415 - only when the records are used

    return load_repo(repo, max_bytes=max_bytes, git_state=state)
