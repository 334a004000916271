"""`roster apply` from a request to files: the rules are checked on the files as read, and a
file is written only if it has not changed since (R26), nor has changes git has not recorded.
"""

from __future__ import annotations

from pathlib import Path

from wgctl.errors import UserError
from wgctl.files.edit import edit_record, file_digest
from wgctl.history.gitio import refuse_unrecorded
from wgctl.models import Group
from wgctl.roster import apply
from wgctl.usable import valid_group

# The folders `apply` may write: the group's terms, and the meeting where an agreement is recorded.
EDITABLE = ("groups", "meetings")


def record_decision(
    repo: Path, group_id: str | None, request: apply.ApplyRequest, *, force: bool
) -> tuple[Group, apply.Change]:
    """Check a SOM's co-chair decision against every rule and write it; refused if it breaks one."""
    digests = _digests(repo)  # first: a change after this point makes the write refuse
    records, chosen = valid_group(repo, group_id)
    if chosen.path not in digests:
        raise UserError(f"{chosen.path}: the file changed while it was read; nothing written")
    refuse_unrecorded(repo, chosen.path, force=force)
    change = apply.plan_decision(records, chosen, request)
    for write in change.writes:
        edit_record(repo, write.path, write.mutate, expect_digest=digests.get(write.path))
    return chosen, change


def _digests(repo: Path) -> dict[str, str]:
    """The digest of every file `apply` may edit, taken before the records are read."""
    return {
        f"records/{kind}/{p.name}": file_digest(p)
        for kind in EDITABLE
        for p in sorted((repo / "records" / kind).glob("*.yaml"))
        if p.is_file()
    }
