"""WG103/WG104/WG502: every reference names an existing record of the kind the field expects.

- WG103: the id names no record at all.
- WG104: the id names a record of another kind (a meeting where an organisation is expected).
- WG502: an action's `owner` or an initiative's `who` is not a known organisation or group.
References to a file that failed to load are not reported again: one broken file, one problem.
"""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, field_name, problem, walk
from wgctl.errors import Problem
from wgctl.records import Records

PARTIES = ("organisations", "groups")
MEETINGS = ("meetings",)
ORGS = ("organisations",)
DOCUMENTS = ("documents",)

Spec = tuple[tuple[str, ...], tuple[str, ...], bool]

# kind -> (field path, kinds the reference may name, is it a "party" field for WG502).
# A test introspects the models: every `Ref` field of every kind must be declared here.
REFERENCES: dict[str, tuple[Spec, ...]] = {
    "organisations": ((("parent",), PARTIES, False), (("country",), ORGS, False)),
    "groups": (
        (("parent",), PARTIES, False),
        (("endorsed_at",), MEETINGS, False),
        (("policy", "members", "*"), ORGS, False),
        (("policy", "reporting", "written_report_to"), PARTIES, False),
        (("terms", "*", "member"), ORGS, False),
        (("terms", "*", "decided_at"), MEETINGS, False),
        (("terms", "*", "extension", "decided_at"), MEETINGS, False),
        (("terms", "*", "sources", "*", "document"), DOCUMENTS, False),
        (("nominations", "*", "member"), ORGS, False),
    ),
    "people": ((("member",), ORGS, False), (("groups", "*"), ("groups",), False)),
    "meetings": (
        (("group",), ("groups",), False),
        (("host",), PARTIES, False),
        (("chairs", "*"), PARTIES, False),
        (("participants", "*"), PARTIES, False),
        (("attendees", "*"), ("people",), False),
        (("statements", "*", "by"), (*PARTIES, "people"), False),
        (("oral_updates", "*"), ("groups",), False),
    ),
    "documents": (
        (("author",), PARTIES, False),
        (("group",), ("groups",), False),
        (("meeting",), MEETINGS, False),
    ),
    "initiatives": (
        (("theme",), ("themes",), False),
        (("who", "*", "party"), PARTIES, True),
        (("group",), ("groups",), False),
        (("updates", "*", "meetings", "*"), MEETINGS, False),
        (("updates", "*", "sources", "*", "document"), DOCUMENTS, False),
    ),
    "actions": (
        (("raised_at",), MEETINGS, False),
        (("owner",), PARTIES, True),
        (("initiative",), ("initiatives",), False),
    ),
    "themes": (),
}
# Every record kind has `sources`.
SOURCES: Spec = (("sources", "*", "document"), DOCUMENTS, False)

SINGULAR = {
    "organisations": "organisation",
    "groups": "group",
    "people": "person",
    "meetings": "meeting",
    "documents": "document",
    "themes": "theme",
    "initiatives": "initiative",
    "actions": "action item",
}


def specs(kind: str) -> tuple[Spec, ...]:
    """Every reference field of a record kind."""
    return (*REFERENCES.get(kind, ()), SOURCES)


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report references to missing records, or to records of the wrong kind."""
    for record in records:
        for spec, kinds, is_party in specs(record.kind):
            for loc, target in walk(record, spec):
                found = records.kind_of(target)
                if any(k in kinds for k in found) or (not found and target in records.unloaded):
                    continue
                field = field_name(loc)
                if found:
                    wanted = " or ".join(_a(k) for k in kinds)
                    msg = f"{field}: {target!r} is {_a(found[0])}, expected {wanted}"
                    yield problem(record, loc, "WG104", msg)
                elif is_party:
                    msg = f"{field}: {target!r} is not a known organisation or group"
                    yield problem(record, loc, "WG502", msg)
                else:
                    nouns = " or ".join(SINGULAR.get(k, k) for k in kinds)
                    yield problem(
                        record, loc, "WG103", f"{field}: no {nouns} has the id {target!r}"
                    )


def _a(kind: str) -> str:
    """`an organisation`, `a meeting`."""
    noun = SINGULAR.get(kind, kind)
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"
