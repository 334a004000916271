"""Audience filtering: what a report for one audience may see, decided before any rendering.

Rules (R19), applied to every report:
- a record is kept only when its `sensitivity` is visible to the audience; a part (status update,
  decision, statement, nomination) only when the narrower of its own marking and its record's is;
- people (personal data) never reach a `public` report; a person's member fields (the review
  handle, the account an official reviews pull requests with) reach the `members` and
  `restricted` audiences only, and private fields (the clearance) reach none, both whatever the
  record's own marking (`Record.fields_hidden_from`);
- a meeting under the Chatham House Rule loses its participants, attendees, chairs, host and every
  statement's `by`, for every audience. Its location (the venue) is kept: venues are published;
- a reference to a record the audience may not see is named `WITHHELD`, never by its id or name.

- free text (titles, updates, decisions, agenda, outcomes, notes, "Who" qualifiers) that names a
  party the audience may not see has that name replaced by `WITHHELD` (`wgctl.confidentiality.freetext`), and so
  does free text of a Chatham House meeting naming one of its participants (its venue is kept);
  a "Who" entry whose party is hidden loses its qualifier. Rule WG404 reports such text.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from wgctl.confidentiality.freetext import WITHHELD, Hidden, hidden_from, hiding, reach, redacted
from wgctl.models import (
    Agreement,
    Group,
    Initiative,
    Meeting,
    Nomination,
    Organisation,
    Person,
    Record,
    Sensitivity,
    Source,
    Statement,
)
from wgctl.records import Records

__all__ = ["WITHHELD", "Mark", "View", "as_seen", "for_audience", "names_hidden"]

DEFAULT_AUDIENCE = Sensitivity.PUBLIC
NOBODY_HIDDEN = hiding({})

P = TypeVar("P", bound=BaseModel)


def effective(record: Record, part: Any) -> Sensitivity:
    """The narrower of a part's own marking (if any) and its record's."""
    own: Sensitivity | None = getattr(part, "sensitivity", None)
    if own is None or own.rank < record.sensitivity.rank:
        return record.sensitivity
    return own


@dataclass(frozen=True)
class View:
    """The records one audience may see, and how to name a reference safely."""

    records: Records
    audience: Sensitivity
    ids: frozenset[str] = frozenset()
    # Parties and people this audience may not see: free text naming them is redacted.
    hidden: Hidden = NOBODY_HIDDEN

    @property
    def hidden_names(self) -> frozenset[str]:
        """Every name (and id) of a party this audience may not see."""
        return frozenset(self.hidden.parties)

    def visible(self, ref: str | None) -> bool:
        """True when `ref` names a record this audience may see."""
        return ref in self.ids

    def label(self, ref: str | None) -> str:
        """How a report names `ref`: its label, or `WITHHELD` when the audience may not see it."""
        if ref is None or not self.visible(ref):
            return WITHHELD
        party = self.records.party(ref)
        if party is not None:
            return party.label
        person = self.records.get(Person, ref)
        if person is not None:
            return person.name
        meeting = self.records.get(Meeting, ref)
        return meeting.title if meeting is not None else WITHHELD

    def labels(self, refs: Iterable[str]) -> list[str]:
        """Labels of `refs`, in order, without repeating `WITHHELD`."""
        out: list[str] = []
        for ref in refs:
            name = self.label(ref)
            if name not in out:
                out.append(name)
        return out


@dataclass(frozen=True)
class Mark:
    """A record the filter will not show, of a kind that names nobody: its id and marking.

    Why: `wgctl diff` shows only the changed records, but which of their references may be
    shown depends on every other record. Records that name parties (organisations, groups,
    people) are needed whole (their names are withheld from free text); of the rest, the
    marks suffice (see wgctl.history.marks).
    """

    id: str
    kind: str
    sensitivity: Sensitivity

    @classmethod
    def of(cls, record: Record) -> Mark:
        """The mark of a loaded record; refused for records that name a party."""
        if record.name_fields or record.personal:
            raise ValueError(f"{record.kind} records name parties: use the record itself")
        return cls(record.id, record.kind, record.sensitivity)


def for_audience(records: Records, audience: Sensitivity, marks: Iterable[Mark] = ()) -> View:
    """The view of `records` for `audience`: filtered copies, never the originals' hidden parts.

    `marks` stand for further records that only decide which references may be named.
    """
    kept = [r for r in records if reach(r).visible_to(audience)]  # people never reach public
    visible_ids = {r.id for r in kept} | {m.id for m in marks if m.sensitivity.visible_to(audience)}
    hidden = hidden_from(records, audience)
    out = Records()
    for record in kept:
        out.add(_filter(redacted(records, record, hidden), audience, visible_ids))
    return View(out, audience, frozenset(visible_ids), hidden)


def as_seen(view: View, record: Record) -> Record | None:
    """A record from outside the view (an older revision, from git) as the view's audience sees it.

    The same filter, judged against the view: a reference to a record the view does not show is
    withheld, free text naming a party it hides is redacted. None when the audience may not see
    the record at all.
    """
    if not reach(record).visible_to(view.audience):
        return None
    return _filter(redacted(view.records, record, view.hidden), view.audience, view.ids)


def names_hidden(view: View, text: str | None) -> bool:
    """True when free text names a party, group or person hidden from the view's audience."""
    return bool(view.hidden.find(text))


def _parts(record: Record, parts: Iterable[P], audience: Sensitivity) -> list[P]:
    return [p for p in parts if effective(record, p).visible_to(audience)]


def _sources(record: Record, visible_ids: AbstractSet[str]) -> list[Source]:
    return [s for s in record.sources if s.document in visible_ids]


def _filter(record: Record, audience: Sensitivity, ids: AbstractSet[str]) -> Record:
    """A copy of `record` without the parts `audience` may not see."""
    update: dict[str, Any] = {"sources": _sources(record, ids)}
    # What the model declares: parts with their own marking, fields this audience never sees.
    update.update(
        (name, _parts(record, getattr(record, name), audience)) for name in record.marked_parts
    )
    update.update(dict.fromkeys(record.fields_hidden_from(audience)))
    if isinstance(record, Initiative):
        update["who"] = [
            w if w.party is None or w.party in ids else w.model_copy(update={"qualifier": None})
            for w in record.who
        ]
    elif isinstance(record, Group):
        update.update(_group(record, update["nominations"], ids))
    elif isinstance(record, Organisation):
        update.update(
            parent=record.parent if record.parent in ids else None,
            country=record.country if record.country in ids else None,
        )
    elif isinstance(record, Meeting):
        update.update(_meeting(record, update["statements"], ids))
    # Records are frozen: share the original when nothing was taken out (most records).
    if all(getattr(record, name) == value for name, value in update.items()):
        return record
    return record.model_copy(update=update)


def _group(group: Group, nominations: list[Nomination], ids: AbstractSet[str]) -> dict[str, Any]:
    """Nominations (of a visible marking) of visible members; terms stay, hidden names go.

    A co-chair term held by a member the audience may not see stays in the rotation (seats and
    dates are not secret) with its member, and any deciding meeting it may not see, `WITHHELD`.
    """

    def shown(ref: str | None) -> str | None:
        return ref if ref is None or ref in ids else WITHHELD

    def agreed(agreement: Agreement | None) -> Agreement | None:
        if agreement is None or agreement.meeting in ids:
            return agreement
        return agreement.model_copy(update={"meeting": WITHHELD, "decision": WITHHELD})

    terms = []
    for term in group.terms:
        ext = term.extension
        if ext is not None and (
            ext.decided_at not in ids or agreed(ext.agreement) is not ext.agreement
        ):
            update = {"decided_at": shown(ext.decided_at), "agreement": agreed(ext.agreement)}
            ext = ext.model_copy(update=update)
        change = {
            "member": shown(term.member),
            "decided_at": shown(term.decided_at),
            "extension": ext,
            "agreement": agreed(term.agreement),
        }
        same = all(getattr(term, k) == v for k, v in change.items())
        terms.append(term if same else term.model_copy(update=change))
    fields: dict[str, Any] = {
        "terms": terms,
        "nominations": [n for n in nominations if n.member in ids],
    }
    policy = group.policy
    if policy is not None and any(m not in ids for m in policy.members):
        members = [m for m in policy.members if m in ids]
        fields["policy"] = policy.model_copy(update={"members": members})
    return fields


def _meeting(
    meeting: Meeting, statements: list[Statement], ids: AbstractSet[str]
) -> dict[str, Any]:
    """Only visible identities; none at all under the Chatham House Rule.

    `statements` are those whose marking the audience may see.
    """
    fields: dict[str, Any] = {}
    if meeting.chatham_house:
        fields.update(
            participants=[],
            attendees=[],
            chairs=[],
            host=None,
            statements=[s.model_copy(update={"by": None}) for s in statements],
        )
        return fields
    fields.update(
        participants=[p for p in meeting.participants if p in ids],
        attendees=[p for p in meeting.attendees if p in ids],
        chairs=[p for p in meeting.chairs if p in ids],
        host=meeting.host if meeting.host in ids else None,
        statements=[
            s if s.by is None or s.by in ids else s.model_copy(update={"by": None})
            for s in statements
        ],
    )
    return fields
