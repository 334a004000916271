"""Who may hold a co-chair seat under a group's membership policy."""

from __future__ import annotations

from wgctl.models import Organisation, Policy
from wgctl.records import Records


def eligible_by_membership(records: Records, policy: Policy, member: str) -> str | None:
    """None when `member` may chair under the policy, else the reason it may not."""
    if policy.membership == "listed":
        return None if member in policy.members else "not a listed member of the group"
    org = records.get(Organisation, member)
    if org is None:
        return "not a known organisation"
    if not org.ahg_member:
        return "not a member of the Ad Hoc Group"
    if policy.membership == "ahg-member-states" and org.type != "state":
        return "not a member state (the group's members are AHG member states)"
    return None
