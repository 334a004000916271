"""WG103/WG104/WG502: every reference names an existing record of the kind the field expects."""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, problem, walk
from wgctl.errors import Problem
from wgctl.records import Records

PARTIES = ("organisations", "groups")
MEETINGS = ("meetings",)
ORGS = ("organisations",)

# kind -> (field path, kinds the reference may name, is it a "party" field for WG502)
REFERENCES: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...]] = {
    "organisations": ((("parent",), PARTIES, False), (("country",), ORGS, False)),
    "groups": (
        (("parent",), PARTIES, False),
        (("endorsed_at",), MEETINGS, False),
        (("policy", "members", "*"), ORGS, False),
        (("policy", "reporting", "written_report_to"), PARTIES, False),
        (("terms", "*", "member"), ORGS, False),
        (("terms", "*", "decided_at"), MEETINGS, False),
        (("terms", "*", "extension", "decided_at"), MEETINGS, False),
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
        (("updates", "*", "sources", "*", "document"), ("documents",), False),
    ),
    "actions": (
        (("raised_at",), MEETINGS, False),
        (("owner",), PARTIES, True),
        (("initiative",), ("initiatives",), False),
    ),
    "themes": (),
}
SOURCES = (
    (("sources", "*", "document"), ("documents",), False),
    (("terms", "*", "sources", "*", "document"), ("documents",), False),
)


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report references to missing records, or to records of the wrong kind."""
    for record in records:
        for spec, kinds, is_party in (*REFERENCES.get(record.kind, ()), *SOURCES):
            for loc, target in walk(record, spec):
                found = records.kind_of(target)
                if any(k in kinds for k in found) or (not found and target in records.unloaded):
                    continue
                field = ".".join(str(p) for p in loc)
                wanted = " or ".join(k.rstrip("s") for k in kinds)
                if found:
                    msg = f"{field}: {target!r} is a {found[0].rstrip('s')}, expected a {wanted}"
                    yield problem(record, loc, "WG104", msg)
                elif is_party:
                    yield problem(
                        record,
                        loc,
                        "WG502",
                        f"{field}: {target!r} is not a known organisation or group",
                    )
                else:
                    yield problem(record, loc, "WG103", f"{field}: no {wanted} with id {target!r}")
