"""The catalogue of rules: stable codes, severities, one-line explanations and fix hints.

Codes never change meaning once released; WG0xx are file and schema rules, WG1xx record
integrity, WG2xx co-chairs and terms of reference, WG3xx meetings and reporting, WG4xx
confidentiality and clearance, WG5xx action items and parties, WG6xx repository workflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wgctl.errors import Loc, Place, Problem, Severity

if TYPE_CHECKING:
    from wgctl.models import Record

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Rule:
    """A rule's identity and its user documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    hint: str


RULES: tuple[Rule, ...] = (
    Rule(
        "WG001",
        "yaml-syntax",
        E,
        "The file is not valid YAML (checking stops at the first syntax error in a file).",
        "Fix the syntax at the line shown, then run again: the rest of the file is checked once it parses.",
    ),
    Rule("WG002", "encoding", E, "The file is not UTF-8 text.", "Save the file as UTF-8."),
    Rule(
        "WG003",
        "file-size",
        E,
        "The file is over the size limit for one record.",
        "Split the record, or raise the limit with --max-bytes.",
    ),
    Rule(
        "WG004",
        "record-shape",
        E,
        "A record is exactly one YAML mapping with text keys.",
        "Write one `field: value` mapping per file; no lists, scalars or extra documents.",
    ),
    Rule(
        "WG005",
        "duplicate-key",
        E,
        "A key appears twice in one mapping.",
        "Keep one of the two keys.",
    ),
    Rule(
        "WG006",
        "forbidden-tag",
        E,
        "Only plain YAML values are allowed (no !!tags).",
        "Remove the tag; write the value as plain text.",
    ),
    Rule(
        "WG007",
        "alias",
        E,
        "Anchors and aliases (&name, *name, <<) are not allowed.",
        "Write the value out in full.",
    ),
    Rule("WG008", "nesting", E, "The document is nested too deeply.", "Flatten the structure."),
    Rule(
        "WG009",
        "file-location",
        E,
        "Records live at records/<kind>/<id>.yaml, inside the repository.",
        "Move or rename the file; do not link to files outside the repository.",
    ),
    Rule(
        "WG010",
        "schema",
        E,
        "A field has the wrong type or value for its record kind.",
        "Correct the value; `wgctl schema export` documents every field.",
    ),
    Rule(
        "WG011",
        "unknown-field",
        E,
        "A field is not part of the record kind.",
        "Fix the spelling (see the hint) or remove the field.",
    ),
    Rule("WG012", "missing-field", E, "A required field is missing.", "Add the field."),
    Rule(
        "WG101",
        "unique-id",
        E,
        "Every record id is unique (also ignoring case).",
        "Rename one of the records.",
    ),
    Rule(
        "WG102",
        "id-matches-file",
        E,
        "A record's id equals its file name without .yaml.",
        "Rename the file or change the id.",
    ),
    Rule(
        "WG103",
        "reference-resolves",
        E,
        "Every reference names an existing record.",
        "Fix the id, or add the missing record.",
    ),
    Rule(
        "WG104",
        "reference-kind",
        E,
        "A reference names a record of the right kind.",
        "Point the field at a record of the kind it expects.",
    ),
    Rule(
        "WG105",
        "date-order",
        E,
        "Dates are in order: start before end, extensions past the term, actions after their meeting.",
        "Swap or correct the dates.",
    ),
    Rule(
        "WG106",
        "initiative-number",
        E,
        "Theme and initiative numbers are unique; an item starts with its theme's number.",
        "Renumber the item or move it to the right theme.",
    ),
    Rule(
        "WG201",
        "cochair-seats",
        E,
        "Each co-chair seat is held by one member at a time, within the policy's seat count.",
        "Fix the overlapping or out-of-range term.",
    ),
    Rule(
        "WG202",
        "cochair-vacancy",
        W,
        "Every seat is filled at every date once the group has co-chairs.",
        "Record the term that filled the gap, or the decision that left it open.",
    ),
    Rule(
        "WG203",
        "cochair-max-term",
        E,
        "A co-chair serves no longer than the maximum term (extensions included) unless the "
        "members' agreement is recorded.",
        "Shorten the term, or cite the agreement: a decision with an id on the meeting that agreed.",
    ),
    Rule(
        "WG204",
        "cochair-stagger",
        E,
        "One co-chair rotates annually: two seats take new co-chairs in the same year only by "
        "recorded agreement, and no extension makes two seats end on the same day.",
        "Stagger the terms or cite the agreement; `wgctl roster next` suggests which seat to extend.",
    ),
    Rule(
        "WG205",
        "cochair-eligibility",
        E,
        "Co-chairs and nominees are eligible members of the group; a withdrawn nomination "
        "cannot be appointed.",
        "Choose a member the policy allows (see `wgctl roster next`).",
    ),
    Rule(
        "WG206",
        "cochair-decided-at-som",
        E,
        "Every term names the Senior Officials Meeting that decided it, held before it starts.",
        "Set decided_at to the SOM that took the decision.",
    ),
    Rule(
        "WG207",
        "cochair-one-seat",
        E,
        "A member holds at most one seat at a time.",
        "End one of the two terms.",
    ),
    Rule(
        "WG208",
        "cochair-agreement",
        E,
        "An agreement a term cites is a recorded decision of the group's meeting or the SOM, "
        "held before the exception begins.",
        "Give the decision an id on the meeting that agreed, and cite meeting and decision.",
    ),
    Rule(
        "WG209",
        "nomination-considered",
        W,
        "A nomination's year is the year its term starts; some SOM must be able to consider it.",
        "Fix the nomination's year or date, or record the SOM that considered it.",
    ),
    Rule(
        "WG301",
        "meetings-per-year",
        W,
        "The group meets as often as its terms of reference say.",
        "Record the missing meetings, or explain the years in a comment on the policy.",
    ),
    Rule(
        "WG302",
        "annual-written-report",
        W,
        "Each year the co-chairs send a written report to the Steering Group.",
        "Add the report as a `written-report` document.",
    ),
    Rule(
        "WG303",
        "annual-oral-update",
        W,
        "Each year the co-chairs give an oral update at the SOM.",
        "List the group under the SOM's oral_updates.",
    ),
    Rule(
        "WG401",
        "participant-clearance",
        E,
        "Attendees of a meeting of a group that requires clearance hold one valid on its last day.",
        "Record the renewed clearance on the person, or remove the attendee.",
    ),
    Rule(
        "WG402",
        "chatham-house-attribution",
        E,
        "Statements at a Chatham House meeting are not attributed to anyone.",
        "Remove `by` from the statement.",
    ),
    Rule(
        "WG403",
        "sensitivity-consistency",
        W,
        "A part of a record is not marked wider than the record itself.",
        "Mark the part at least as restricted as the record.",
    ),
    Rule(
        "WG404",
        "free-text-names-hidden-party",
        W,
        "Free text does not name a party hidden from an audience it reaches: a restricted or "
        "members-only organisation or group, a person in public text, or a participant in the "
        "text of a Chatham House meeting (reports withhold the name).",
        "Reword the text, or mark the part (or record) as narrowly as the party it names.",
    ),
    Rule(
        "WG501",
        "action-overdue",
        W,
        "Open action items are not past their due date (recurring items are not judged).",
        "Close the item with a note, or agree a new due date.",
    ),
    Rule(
        "WG502",
        "known-party",
        E,
        "An owner or 'who' is a known organisation or group.",
        "Add the organisation, or fix the id.",
    ),
    Rule(
        "WG503",
        "action-closed-fields",
        E,
        "A closed action has a closed date; an open one has none.",
        "Add or remove the closed date.",
    ),
    Rule(
        "WG601",
        "codeowners-current",
        W,
        "CODEOWNERS matches the current co-chairs.",
        "Run `wgctl codeowners`.",
    ),
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def severity_of(code: str) -> Severity:
    """The severity of a rule code."""
    return BY_CODE[code].severity


def problem(
    record: Record, loc: Loc, code: str, message: str, also: tuple[Place, ...] = ()
) -> Problem:
    """A problem under rule `code` at a field of a record; its line is resolved later from `loc`.

    `also` names the other fields the finding concerns (see `place`), so each line is shown.
    """
    return Problem(record.path, 0, 0, code, message, severity_of(code), loc=loc, also=also)


def place(record: Record, loc: Loc) -> Place:
    """Another field a problem concerns; its line is resolved later from `loc`."""
    return Place(record.path, loc=loc)
