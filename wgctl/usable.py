"""Records fit to compute from: refuse a partial or invalid set, in one wording for every command.

A partial or invalid record set would mislead (a wrong roster, a wrong report, a wrong
CODEOWNERS), so commands that compute from the records refuse it with one line naming the
first problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from wgctl.errors import Problem, UserError
from wgctl.files.load import load_repo
from wgctl.records import Records
from wgctl.validate import validate_repo


def readable_records(repo: Path) -> Records:
    """The repository's records, refused when any file fails to load."""
    loaded = load_repo(repo)
    _refuse(loaded.problems, "{n} record file problem(s), first {first}; fix them first ({run})")
    return loaded.records


def valid_records(repo: Path, doing: str, *, force: bool = False, force_hint: str = "") -> Records:
    """The records of a valid repository; with `force`, the valid records of an invalid one.

    `doing` says what is refused ("not rendering"); `force_hint` what --force would do, if
    the command has it.
    """
    result = validate_repo(repo)
    if not force:
        hint = f"; {force_hint}" if force_hint else ""
        message = f"{doing} from invalid records: {{n}} error(s), first {{first}} ({{run}}{hint})"
        _refuse(result.errors, message)
    return result.records


def _refuse(problems: Sequence[Problem], message: str) -> None:
    """Stop with `message` (which may name {n}, {first} and {run}) when there is any problem."""
    if problems:
        # The file, line and rule only: a problem's message may quote a restricted record's
        # value, and this line reaches whoever runs the command, whatever its audience.
        first = problems[0]
        where = f"{first.path}:{first.line}:{first.column} [{first.rule}]"
        raise UserError(message.format(n=len(problems), first=where, run="run `wgctl validate`"))
