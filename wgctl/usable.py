"""Records fit to compute from: refuse a partial or invalid set, in one wording for every command;
and the group a request is about.

A partial or invalid record set would mislead (a wrong roster, a wrong report, a wrong
CODEOWNERS), so commands that compute from the records refuse it with one line naming the
first problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from wgctl.errors import Problem, UserError
from wgctl.files.load import load_repo
from wgctl.models import Group
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


def pick_group(records: Records, group_id: str | None) -> Group:
    """The named group, or the only group with a co-chair policy when none is named."""
    if group_id is not None:
        group = records.get(Group, group_id)
        if group is None:
            known = ", ".join(g.id for g in records.groups) or "none"
            raise UserError(f"no group {group_id!r} (groups: {known})")
        return group
    with_policy = [g for g in records.groups if g.policy is not None]
    if len(with_policy) != 1:
        choices = ", ".join(g.id for g in with_policy) or "none has a policy"
        raise UserError(f"name the group: {choices}")
    return with_policy[0]


def valid_group(repo: Path, group_id: str | None) -> tuple[Records, Group]:
    """A valid repository's records and the chosen group (for the roster)."""
    records = valid_records(repo, "not computing the roster")
    return records, pick_group(records, group_id)


def _refuse(problems: Sequence[Problem], message: str) -> None:
    """Stop with `message` (which may name {n}, {first} and {run}) when there is any problem."""
    if problems:
        # The file, line and rule only: a problem's message may quote a restricted record's
        # value, and this line reaches whoever runs the command, whatever its audience.
        first = problems[0]
        where = f"{first.path}:{first.line}:{first.column} [{first.rule}]"
        raise UserError(message.format(n=len(problems), first=where, run="run `wgctl validate`"))
