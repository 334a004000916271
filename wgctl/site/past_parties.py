"""Parties older revisions knew and today's view does not: their names stay hidden in history.

Why: the view withholds the names of the parties its audience may not see, as the records are
today. An older revision's free text may name a party whose record was hidden then and is gone
or renamed now, a name the view no longer knows. So every earlier version of a party record
(organisations, groups, people) in the history read for the record pages is judged too: when
the audience could not see it, its names join the hidden ones, unless the view shows a party
by that name today.
"""

from __future__ import annotations

from dataclasses import replace

from wgctl.confidentiality.audience import View
from wgctl.confidentiality.freetext import names_of, reach
from wgctl.files.yamlio import record_data
from wgctl.history.gitblobs import read_blobs
from wgctl.history.gitio import Git
from wgctl.history.marks import as_record, names_parties
from wgctl.models import KINDS

PARTY_KINDS = frozenset(kind for kind in KINDS if names_parties(kind))


def with_past_parties(g: Git, view: View, blobs: dict[str, str]) -> View:
    """The view, also hiding the names of hidden earlier versions of parties ({blob: kind})."""
    if not blobs:
        return view
    raw = read_blobs(g, sorted(blobs))
    shown = {name for r in view.records for name in names_of(r)}
    extra: dict[str, tuple[str, str]] = {}
    for sha, kind in sorted(blobs.items()):
        record = as_record(kind, record_data(raw.get(sha)))
        if record is None or reach(record).visible_to(view.audience):
            continue
        for name in names_of(record):
            if name not in shown:
                extra.setdefault(name, (record.id, "hidden in an earlier version"))
    return replace(view, hidden=view.hidden.with_parties(extra)) if extra else view
