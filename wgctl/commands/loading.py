"""The preamble commands share: records fit to use (wgctl.usable), and the group a command is about."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wgctl.models import Group
    from wgctl.records import Records


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
    from wgctl.usable import valid_records

    records = valid_records(repo, "not computing the roster")
    return records, pick_group(records, group_id)
