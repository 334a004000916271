"""WG301: a group meets as often as its terms of reference say.

For a group with `policy.meetings_per_year`, its working-group meetings, roundtables, table-top
exercises and debriefs are counted per calendar year, from the year after it was established (its
`established` date, else the meeting that endorsed it, else its first meeting) through the last
year that has ended. One warning per run of consecutive years with the same count outside the
range (`met 0 times a year in 2018-2020`), at the policy field.
Planned and closed groups are not judged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from wgctl.checks.base import CheckContext, every, problem
from wgctl.errors import Problem
from wgctl.models import Group, Meeting
from wgctl.records import Records

CODE = "WG301"
COUNTED = frozenset({"working-group-meeting", "roundtable", "table-top-exercise", "debrief"})


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report each year a group met fewer or more times than its policy allows."""
    by_group: dict[str, list[Meeting]] = {}
    for meeting in every(records, Meeting):
        if meeting.group is not None and meeting.type in COUNTED:
            by_group.setdefault(meeting.group, []).append(meeting)
    for group in every(records, Group):
        if group.policy is None or group.policy.meetings_per_year is None:
            continue
        if group.status in {"planned", "closed"}:
            continue
        meetings = by_group.get(group.id, [])
        first = first_year(records, group, meetings)
        if first is None:
            continue
        counts = Counter(m.start.year for m in meetings)
        wanted = group.policy.meetings_per_year
        years = range(first + 1, context.last_full_year + 1)
        outside = [(y, counts[y]) for y in years if not wanted.min <= counts[y] <= wanted.max]
        for span, count in _runs(outside):
            msg = (
                f"{group.id} met {count} time{'' if count == 1 else 's'} a year in {span}; its terms of reference "
                f"ask for {wanted.min}-{wanted.max} a year"
            )
            yield problem(group, ("policy", "meetings_per_year"), CODE, msg)


def _runs(years: list[tuple[int, int]]) -> Iterator[tuple[str, int]]:
    """Consecutive years with the same count, as ("2018-2020", 0): one warning, not three."""
    i = 0
    while i < len(years):
        j = i
        while j + 1 < len(years) and years[j + 1] == (years[j][0] + 1, years[i][1]):
            j += 1
        first, last = years[i][0], years[j][0]
        yield (str(first) if first == last else f"{first}-{last}"), years[i][1]
        i = j + 1


def first_year(records: Records, group: Group, meetings: list[Meeting]) -> int | None:
    """The year the group came into being, as far as the records tell."""
    if group.established is not None:
        return group.established.year
    endorsed = records.get(Meeting, group.endorsed_at)
    if endorsed is not None:
        return endorsed.start.year
    return min(m.start.year for m in meetings) if meetings else None
