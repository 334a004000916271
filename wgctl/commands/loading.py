"""The preamble commands share: load the records, refuse when they are not fit to use, pick a group.

A partial or invalid record set would mislead (a wrong roster, a wrong CODEOWNERS), so these
refuse with one line naming the first problem instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wgctl.errors import Problem
    from wgctl.models import Group
    from wgctl.records import Records


def loaded_records(repo: Path) -> Records:
    """The repository's records, refused when any file fails to load."""
    from wgctl.load import load_repo

    loaded = load_repo(repo)
    _refuse(
        loaded.problems,
        "{n} record file problem(s), first {first}; fix them first (`wgctl validate`)",
    )
    return loaded.records


def valid_records(repo: Path) -> Records:
    """The repository's records, refused when validation finds any error."""
    from wgctl.validate import validate_repo

    result = validate_repo(repo)
    _refuse(
        result.errors,
        "the records have {n} error(s), first {first}; fix them first (wgctl validate)",
    )
    return result.records


def _refuse(problems: Sequence[Problem], message: str) -> None:
    """Stop with `message` (which may name {n} and {first}) when there is any problem."""
    from wgctl.errors import UserError

    if problems:
        raise UserError(message.format(n=len(problems), first=problems[0]))


def pick_group(records: Records, group_id: str | None) -> Group:
    """The named group, or the only group with a co-chair policy when none is named."""
    from wgctl.errors import UserError
    from wgctl.models import Group

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
    """A valid repository's records and the chosen group."""
    records = valid_records(repo)
    return records, pick_group(records, group_id)
