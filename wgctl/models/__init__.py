"""The record kinds; `KINDS` maps each folder under `records/` to its model."""

from wgctl.models.action_item import ActionItem
from wgctl.models.base import Figure, Record, Sensitivity, Source
from wgctl.models.document import Document
from wgctl.models.group import Agreement, Extension, Group, Nomination, Policy, Term
from wgctl.models.initiative import Initiative, StatusUpdate, Theme, Who
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
