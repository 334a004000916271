"""The tables of the SQLite export: a table per record kind, child tables for lists.

Primary keys are record ids (child tables: the parent's id and the item's position), foreign
keys point at the tables of the referenced kind, free text is searchable (SQLite FTS5), dates
are ISO `YYYY-MM-DD` text (SQLite has no date type; ISO text sorts and compares as dates).
A column named `<field>_id` holds the `<field>` reference: NULL when the audience may not see
what it names, never the hidden id.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from wgctl.confidentiality.audience import View
from wgctl.models import (
    ActionItem,
    Decision,
    Document,
    Group,
    Initiative,
    Meeting,
    Nomination,
    Organisation,
    Person,
    StatusUpdate,
    Term,
    Theme,
    Who,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class Spec:
    """One table: columns, key, foreign keys (`column>table`) and searchable columns."""

    name: str
    model: type[BaseModel] | None
    columns: str
    pk: str = "id"
    fks: str = ""
    fts: str = ""

    def foreign_keys(self) -> list[tuple[str, str, str]]:
        """(column, table, "id") triples: every table a reference points at is keyed by id."""
        return [(c, t, "id") for c, _, t in (pair.partition(">") for pair in self.fks.split())]


def _field(column: str) -> str:
    return column.removesuffix("_id")


def sql_type(spec: Spec, column: str) -> type:
    """int, bool or str (text, ISO dates, ids), from the model's annotation of the column."""
    fields = spec.model.model_fields if spec.model else {}
    info = fields.get(column)
    if info is None:
        return int if column == "position" else str
    annotation = info.annotation
    options = get_args(annotation) if get_origin(annotation) in {Union, types.UnionType} else ()
    for kind in (bool, int):
        if annotation is kind or kind in options:
            return kind
    return str


def row(view: View, spec: Spec, obj: BaseModel | None, **given: Any) -> Row:
    """The row of `obj`: hidden references NULL, dates ISO text, enums their value."""
    out: Row = {}
    for column in spec.columns.split():
        if column in given:
            out[column] = given[column]
            continue
        found = getattr(obj, _field(column), None)
        if column.endswith("_id"):
            found = found if isinstance(found, str) and view.visible(found) else None
        elif isinstance(found, date):
            found = found.isoformat()
        elif isinstance(found, Enum):
            found = found.value
        out[column] = found
    return out


ORGS = Spec(
    "organisations",
    Organisation,
    "id name short_name type ahg_member parent_id country_id sensitivity",
    fks="parent_id>organisations country_id>organisations",
    fts="name short_name",
)
PEOPLE = Spec(
    "people",
    Person,
    "id name member_id agency role sensitivity",
    fks="member_id>organisations",
    fts="name agency role",
)
GROUPS = Spec("groups", Group, "id name short_name parent_id established status sensitivity")
GROUP_MEMBERS = Spec(
    "group_members",
    None,
    "group_id organisation_id",
    pk="group_id organisation_id",
    fks="group_id>groups organisation_id>organisations",
)
TERMS = Spec(
    "terms",
    Term,
    "group_id seat start end extended_until member_id decided_at_id",
    pk="group_id seat start",
    fks="group_id>groups member_id>organisations decided_at_id>meetings",
)
NOMINATIONS = Spec(
    "nominations",
    Nomination,
    "group_id member_id year date withdrawn",
    pk="group_id member_id year",
    fks="group_id>groups member_id>organisations",
)
MEETINGS = Spec(
    "meetings",
    Meeting,
    "id title type number group_id start end first_day last_day precision location host_id "
    "chatham_house cancelled sensitivity",
    fks="group_id>groups host_id>organisations",
    fts="title location",
)
PARTICIPANTS = Spec(
    "meeting_participants",
    None,
    "meeting_id party_id",
    "meeting_id party_id",
    "meeting_id>meetings",
)
ATTENDEES = Spec(
    "meeting_attendees",
    None,
    "meeting_id person_id",
    "meeting_id person_id",
    "meeting_id>meetings person_id>people",
)
AGENDA = Spec(
    "agenda_items",
    None,
    "meeting_id position text",
    "meeting_id position",
    "meeting_id>meetings",
    "text",
)
DECISIONS = Spec(
    "decisions",
    Decision,
    "meeting_id position text sensitivity",
    "meeting_id position",
    "meeting_id>meetings",
    "text",
)
OUTCOMES = Spec(
    "outcomes",
    None,
    "meeting_id position text",
    "meeting_id position",
    "meeting_id>meetings",
    "text",
)
THEMES = Spec("themes", Theme, "id number title sensitivity", fts="title")
INITIATIVES = Spec(
    "initiatives",
    Initiative,
    "id number theme_id title who group_id status sensitivity",
    fks="theme_id>themes group_id>groups",
    fts="title who",
)
WHO = Spec(
    "initiative_who",
    Who,
    "initiative_id position party_id qualifier",
    "initiative_id position",
    "initiative_id>initiatives",
)
UPDATES = Spec(
    "updates",
    StatusUpdate,
    "initiative_id position date precision status text sensitivity",
    "initiative_id position",
    "initiative_id>initiatives",
    "text",
)
DOCUMENTS = Spec(
    "documents",
    Document,
    "id type title date group_id meeting_id sensitivity",
    fks="group_id>groups meeting_id>meetings",
    fts="title",
)
ACTIONS = Spec(
    "actions",
    ActionItem,
    "id text owner_id raised_at_id due status closed closing_note initiative_id sensitivity",
    fks="raised_at_id>meetings initiative_id>initiatives",
    fts="text closing_note",
)
SOURCES = Spec(
    "sources",
    None,
    "kind record_id position document_id section",
    "kind record_id position",
    "document_id>documents",
)
# Referenced tables come before the tables pointing at them.
ORDER: tuple[Spec, ...] = (
    *(ORGS, PEOPLE, GROUPS, GROUP_MEMBERS, MEETINGS, TERMS, NOMINATIONS, PARTICIPANTS),
    *(ATTENDEES, AGENDA, DECISIONS, OUTCOMES, THEMES, INITIATIVES, WHO, UPDATES),
    *(DOCUMENTS, ACTIONS, SOURCES),
)
