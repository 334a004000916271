"""An edit from request to file, refused only for its own file's problems or those it creates.

Why: one broken record elsewhere must not block an edit to a valid one (nor hide the real
reason, such as a read-only target), and an edit to a file that already has an error must say
so instead of writing silently. So the repository is validated once, the edit is refused for
errors already in its own file (unless forced), and the edited record is checked with every
cross-record rule before the write: an error it would create anywhere (in the edited record or
in the records that refer to it) stops it, naming where.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from wgctl.checks import run_checks
from wgctl.editing.scaffold import Edit
from wgctl.errors import Problem, Severity, UserError
from wgctl.files.edit import EditError, edit_record
from wgctl.history.gitio import refuse_unrecorded
from wgctl.models import KINDS
from wgctl.records import Records
from wgctl.validate import Result, validate_repo


def apply_edit(repo: Path, build: Callable[[Records], Edit], *, force: bool) -> str:
    """Build an edit from the repository's records and write it; returns the path written."""
    before = validate_repo(repo)
    edit = build(before.records)
    refuse_unrecorded(repo, edit.rel, force=force)
    own = [p for p in before.errors if p.path == edit.rel]
    if own and not force:
        raise UserError(
            f"{edit.rel}: already has {len(own)} error(s), first {own[0]}; "
            "fix them first, or use --force to edit anyway"
        )

    def check(data: dict[str, Any]) -> None:
        _refuse_created(repo, before, edit.rel, data)

    edit_record(repo, edit.rel, edit.mutate, check=check)
    return edit.rel


def _refuse_created(repo: Path, before: Result, rel: str, data: dict[str, Any]) -> None:
    """Refuse the edited record when it would bring an error that was not there before."""
    record = KINDS[rel.split("/")[1]].model_validate(data)
    record._path = rel
    after = Records(unloaded=set(before.records.unloaded))
    for existing in before.records:
        after.add(record if existing.path == rel else existing)
    known = {_key(p) for p in before.problems}
    created = [
        p
        for p in run_checks(after, repo=repo)
        if p.severity is Severity.ERROR and _key(p) not in known
    ]
    if created:
        first = created[0]
        raise EditError(
            f"{rel}: the edit would create {len(created)} error(s), first "
            f"{first.path}: {first.message} [{first.rule}]; nothing written"
        )


def _key(problem: Problem) -> tuple[str, str, str]:
    """A problem without its position: the edit may move lines."""
    return problem.path, problem.rule, problem.message
