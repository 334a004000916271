"""What one audience may see of a change (R19): the changed records filtered like any output.

Apart from wgctl.diffing (pure comparisons of plain data) because this half needs the models
and the audience filter, and `wgctl log` needs only the other half.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from wgctl.confidentiality.audience import for_audience
from wgctl.confidentiality.seen import seen_data
from wgctl.history.diffing import Data, RecordChange, diff_records
from wgctl.history.marks import Unchanged, as_record
from wgctl.models import Sensitivity
from wgctl.records import Records


@dataclass(frozen=True)
class Seen:
    """The changes an audience may see, and how many other changes were left unnamed."""

    changes: list[RecordChange]
    hidden: int = 0  # changes to records (or parts) this audience may not see
    invalid: int = 0  # changes to files that are not valid records


def diff_for_audience(
    changed: tuple[Mapping[str, Data | None], Mapping[str, Data | None]],
    renames: Mapping[str, str],
    audience: Sensitivity,
    unchanged: Unchanged | None = None,
) -> Seen:
    """Compare what `audience` may see of the changed records on both sides.

    `changed` holds the changed files' data on each side, by path; `unchanged` what the filter
    needs of every other record (the same on both sides): which references and names in the
    changed ones may show. A change the audience may not see (a hidden record, a hidden
    part, a Chatham House identity, a clearance) is counted, never named.
    """
    before, after = changed
    rest = unchanged or Unchanged()
    old, new = _Side(before, audience, rest), _Side(after, audience, rest)
    units = [(p, p) for p in sorted(set(changed[0]) | set(changed[1])) if p not in renames]
    units = [u for u in units if u[0] not in renames.values()] + sorted(renames.items())
    shown_before: dict[str, Data | None] = {}
    shown_after: dict[str, Data | None] = {}
    shown_renames: dict[str, str] = {}
    invalid = 0
    for was, now in units:
        if was in old.invalid or now in new.invalid:
            invalid += 1
            continue
        a, b = old.seen(was), new.seen(now)
        if b is not None:
            shown_after[now] = b
        if a is not None and (b is not None or now not in after):
            shown_before[was] = a
        if a is not None and b is not None and was != now:
            shown_renames[was] = now
    changes = diff_records(shown_before, shown_after, shown_renames)
    named = {c.path for c in changes} | {c.old_path for c in changes if c.old_path}
    hidden = sum(
        1
        for was, now in units
        if was not in old.invalid and now not in new.invalid and not {was, now} & named
    )
    return Seen(changes, hidden, invalid)


class _Side:
    """One side's records as the audience sees them, by path, as plain data."""

    def __init__(
        self, data: Mapping[str, Data | None], audience: Sensitivity, rest: Unchanged
    ) -> None:
        records, self.invalid = Records(), set[str]()
        for path, item in [*rest.parties.items(), *data.items()]:
            record = as_record(PurePosixPath(path).parent.name, item)
            if record is None:
                if path in data:
                    self.invalid.add(path)
                continue
            record._path = path
            records.add(record)
        self.view = for_audience(records, audience, rest.marks)
        self.by_path = {r.path: r for r in self.view.records}

    def seen(self, path: str) -> Data | None:
        """The record at `path` as the audience sees it, or None (absent or hidden)."""
        record = self.by_path.get(path)
        if record is None:
            return None
        return seen_data(self.view, record)
