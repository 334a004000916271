"""The record kinds; `KINDS` maps each folder under `records/` to its model.

A new kind is one model file that declares what it is (see `Record`: folder, singular name,
references, parts with their own marking, personal and private data), registered below;
checks, the audience filter and the diff derive their tables from it (`wgctl.models.kinds`).
"""

from wgctl.models.action_item import ActionItem
from wgctl.models.base import Figure, Record, Sensitivity, Source
from wgctl.models.document import Document
from wgctl.models.group import Agreement, Extension, Group, Nomination, Policy, Term
from wgctl.models.initiative import Footnote, Initiative, StatusUpdate, Theme, Who
from wgctl.models.meeting import Decision, Meeting, Statement
from wgctl.models.organisation import Organisation
from wgctl.models.person import Clearance, Person

KINDS: dict[str, type[Record]] = {
    model.kind: model
    for model in (Organisation, Group, Person, Meeting, Document, Theme, Initiative, ActionItem)
}

__all__ = [
    "KINDS",
    "ActionItem",
    "Agreement",
    "Clearance",
    "Decision",
    "Document",
    "Extension",
    "Figure",
    "Footnote",
    "Group",
    "Initiative",
    "Meeting",
    "Nomination",
    "Organisation",
    "Person",
    "Policy",
    "Record",
    "Sensitivity",
    "Source",
    "Statement",
    "StatusUpdate",
    "Term",
    "Theme",
    "Who",
]
