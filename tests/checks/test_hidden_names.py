"""WG404: free text naming a party hidden from an audience the text reaches."""

from __future__ import annotations

from tests.checks.helpers import found, meeting, problems
from tests.repo import RecordsRepo

HIDDEN_ORG = {
    "records/organisations/zembla.yaml": """\
        id: zembla
        sensitivity: restricted
        name: Kingdom of Zembla
        short_name: Zembla
        type: state
        sources: [{document: tor}]
    """,
    "records/people/ana.yaml": """\
        id: ana
        sensitivity: members
        name: Ana Example
        member: aland
        sources: [{document: tor}]
    """,
}
ACTION = "records/actions/visit.yaml"


def _action(text: str, sensitivity: str = "public") -> dict[str, str]:
    return {
        ACTION: f"id: visit\nsensitivity: {sensitivity}\ntext: {text}\nowner: aland\n"
        "sources: [{document: tor}]\n"
    }


def test_public_text_naming_a_restricted_state_is_found_at_its_line(repo: RecordsRepo) -> None:
    repo.write(HIDDEN_ORG).write(_action("Invite zembla officials to the visit"))
    assert found(repo, {"WG404"}) == [(ACTION, 3, "WG404")]
    [problem] = problems(repo, {"WG404"})
    assert problem.message == (
        "text names 'zembla' (zembla: restricted) in text a public audience sees; "
        "reports withhold the name"
    )


def test_a_person_in_members_text_is_fine_but_not_in_public_text(repo: RecordsRepo) -> None:
    repo.write(HIDDEN_ORG).write(_action("Ana Example to brief the members", "members"))
    assert found(repo, {"WG404"}) == []
    repo.write(_action("Ana Example to brief the members"))
    [problem] = problems(repo, {"WG404"})
    assert "'Ana Example' (ana: personal data)" in problem.message


def test_restricted_text_may_name_anyone(repo: RecordsRepo) -> None:
    repo.write(HIDDEN_ORG).write(_action("Ask the Kingdom of Zembla and Ana Example", "restricted"))
    assert found(repo, {"WG404"}) == []


def test_a_part_marked_narrower_is_judged_by_its_own_marking(repo: RecordsRepo) -> None:
    decisions = (
        "decisions:\n- text: Zembla joins.\n  sensitivity: restricted\n"
        "- text: The KINGDOM OF ZEMBLA hosts.\n  sensitivity: members\n"
    )
    repo.write(HIDDEN_ORG).write(meeting("ewg-2015", "workshop", "2015-03-01", extra=decisions))
    [problem] = problems(repo, {"WG404"})
    assert (problem.line, problem.message.split(" names")[0]) == (11, "decisions.1.text")
    assert "a members audience sees" in problem.message


def test_chatham_house_text_may_not_name_a_participant_but_the_venue_stays(
    repo: RecordsRepo,
) -> None:
    extra = (
        "chatham_house: true\nparticipants: [aland, iom]\nlocation: Aland City, Aland\n"
        "outcomes:\n- Aland briefed the session.\n- The IOM presented a study.\n- Us and them.\n"
    )
    repo.write(meeting("ewg-2015", "workshop", "2015-03-01", extra=extra))
    path = "records/meetings/ewg-2015.yaml"
    assert found(repo, {"WG404"}) == [(path, 12, "WG404"), (path, 13, "WG404")]
    assert "Chatham House participant" in problems(repo, {"WG404"})[0].message


def test_a_short_name_matches_only_as_written_and_as_a_whole_word(repo: RecordsRepo) -> None:
    hidden = dict(HIDDEN_ORG)
    hidden["records/organisations/zembla.yaml"] = hidden[
        "records/organisations/zembla.yaml"
    ].replace("short_name: Zembla", "short_name: ZK")
    repo.write(hidden).write(_action("Zk and zkx and ZKs are not ZK-"))
    assert found(repo, {"WG404"}) == []
    repo.write(_action("Write to ZK today"))
    assert found(repo, {"WG404"}) == [(ACTION, 3, "WG404")]
