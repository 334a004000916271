"""WG404: free text does not name a party hidden from an audience the text reaches.

A public update that names a restricted organisation, a person (personal data) in text a public
report shows, or a participant in the text of a Chatham House meeting: the audience filter
withholds the name in every output (`wgctl.confidentiality.freetext`), so nothing leaks; this warning points at
the line so the text is reworded or marked before the withheld name makes the report read oddly.
"""

from __future__ import annotations

from collections.abc import Iterator

from wgctl.checks.base import CheckContext, each, field_name, problem
from wgctl.confidentiality.freetext import hidden_by_audience, record_exposures
from wgctl.errors import Problem
from wgctl.models import Record
from wgctl.records import Records

CODE = "WG404"


SUBJECTS = None  # every record


def check(records: Records, context: CheckContext) -> Iterator[Problem]:
    """Report each free-text field that names a hidden party, with the audience it would reach."""
    return each(records, context, check_record, SUBJECTS)


def check_record(record: Record, records: Records, context: CheckContext) -> Iterator[Problem]:
    """The free-text fields of one record that name a party hidden from their audience."""
    hidden = records.derived("hidden parties by audience", lambda: hidden_by_audience(records))
    for found in record_exposures(records, record, hidden):
        named = found.named
        msg = (
            f"{field_name(found.loc)} names {named.words!r} ({named.party}: {named.why}) in "
            f"text a {found.audience.value} audience sees; reports withhold the name"
        )
        yield problem(found.record, found.loc, CODE, msg)
