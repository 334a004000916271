"""Roster views name no member, nomination or deciding meeting their audience may not see."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.repo import RecordsRepo

Run = Callable[..., Any]
GROUP = "records/groups/ewg.yaml"
SECRETS = ("zembla", "Zembla", "som-closed", "Closed Senior", "closed-agreement")


@pytest.fixture
def hidden(repo: RecordsRepo) -> RecordsRepo:
    """A restricted state listed as a member and nominated, and a restricted deciding SOM."""
    repo.write(
        {
            "records/organisations/zembla.yaml": """\
                id: zembla
                sensitivity: restricted
                name: Zembla
                type: state
                ahg_member: true
                sources: [{document: tor}]
            """,
            "records/meetings/som-closed.yaml": """\
                id: som-closed
                sensitivity: restricted
                type: som
                title: Closed Senior Officials Meeting
                start: 2014-07-01
                decisions: [{id: closed-agreement, text: Aland serves a third year.}]
                sources: [{document: tor}]
            """,
        }
    )
    repo.edit(
        GROUP,
        "membership: ahg-member-states",
        "membership: listed\n  members: [aland, borduria, carpania, zembla]",
    )
    extension = (
        "    extension: {until: 2017-12-31, decided_at: som-2014, "
        "agreement: {meeting: som-closed, decision: closed-agreement}}\n"
    )
    repo.edit(
        GROUP,
        "    decided_at: som-2014\n  - seat: 2",
        f"    decided_at: som-closed\n{extension}  - seat: 2",
    )
    repo.edit(
        GROUP,
        "sources: [{document: tor, section: Chairing arrangements}]",
        "nominations:\n  - {member: zembla, year: 2017}\nsources: [{document: tor, section: Chairing arrangements}]",
    )
    repo.commit("hidden member and meeting")
    return repo


@pytest.mark.parametrize(
    "view", [("show",), ("next", "--as-of", "2016-06-01"), ("plan", "--years", "3")]
)
@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_public_roster_names_nothing_hidden(
    hidden: RecordsRepo, run_cli: Run, view: tuple[str, ...], fmt: str
) -> None:
    args = ("roster", *view, "ewg", "--repo", hidden.root, "--format", fmt)
    public = run_cli(*args, "--audience", "public")
    assert public.returncode == 0, public.stderr
    for secret in SECRETS:
        assert secret not in public.stdout, (secret, public.stdout)
    everything = run_cli(*args, "--audience", "restricted")
    assert any(secret in everything.stdout for secret in SECRETS)


def test_an_agreement_recorded_at_a_hidden_meeting_is_not_named(hidden: RecordsRepo) -> None:
    from wgctl.confidentiality.audience import WITHHELD, for_audience
    from wgctl.files.load import load_repo
    from wgctl.models import Group, Sensitivity

    records = load_repo(hidden.root).records
    public = for_audience(records, Sensitivity.PUBLIC).records.get(Group, "ewg")
    assert public is not None and public.terms[0].extension is not None
    agreement = public.terms[0].extension.agreement
    assert agreement is not None and agreement.meeting == agreement.decision == WITHHELD
    restricted = for_audience(records, Sensitivity.RESTRICTED).records.get(Group, "ewg")
    assert restricted is not None and restricted.terms[0].extension is not None
    assert restricted.terms[0].extension.agreement is not None
    assert restricted.terms[0].extension.agreement.meeting == "som-closed"
