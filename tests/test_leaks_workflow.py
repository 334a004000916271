"""The leak test for what is posted or handed around: `diff`, `roster` views and `export ics`.

A change between two commits touches every canary field of the canary records; each view is
rendered for each audience in each format. No canary may reach an audience that may not see it,
and the canaries it may see must appear (so the test cannot pass by rendering nothing).
"""

from __future__ import annotations

import subprocess
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.repo import GIT_ENV, RecordsRepo
from tests.test_report_canary import AUDIENCES, CANARIES, CANARY_RECORDS, NEVER, RANK, build_repo

Result = subprocess.CompletedProcess[str]
Run = Callable[..., Result]

# Nominations: their dates are the canaries (the roster shows "nominated on <date>").
NOMINATIONS = """\
    nominations:
      - {member: borduria, year: 2019, date: 2017-08-17, sensitivity: members}
      - {member: jpa-state, year: 2019, date: 2017-07-13, sensitivity: restricted}
"""
ROSTER_CANARIES = {"2017-08-17": "members", "2017-07-13": "restricted"}
NEW_IN_HEAD = (
    "records/initiatives/secret-item.yaml",
    "records/people/person-restricted.yaml",
    "records/actions/restricted-action.yaml",
)
# Canaries the diff cannot show (a figure or a footnote inside an update is not summarised: the
# update is named by its date and text; the full organisation name is replaced by its short name
# only in reports).
NOT_IN_DIFF = {"CANARY-RESTRICTED-FIGURE", "CANARY-MEMBERS-FOOTNOTE", "CANARY-RESTRICTED-FOOTNOTE"}


def _head() -> dict[str, str]:
    records = {rel: textwrap.dedent(text) for rel, text in CANARY_RECORDS.items()}
    group = records["records/groups/ewg.yaml"]
    records["records/groups/ewg.yaml"] = group.replace(
        "sources: [{document: tor}]\n",
        textwrap.dedent(NOMINATIONS) + "sources: [{document: tor}]\n",
    )
    return records


def _base() -> dict[str, str]:
    """The same records before the change: every canary has an older value, some are new."""
    # Chatham House identities keep their (public) names and (members') review handles: only
    # their attendance changes.
    records = {
        rel: text
        if "/chatham-" in rel
        else text.replace("CANARY-", "OLDVAL-").replace("canary-handle", "oldval-handle")
        for rel, text in CANARY_RECORDS.items()
        if rel not in NEW_IN_HEAD
    }
    records = {rel: textwrap.dedent(text) for rel, text in records.items()}
    meeting = records["records/meetings/ewg-2017.yaml"]
    records["records/meetings/ewg-2017.yaml"] = meeting.replace(
        "attendees: [chatham-attendee]\n", ""
    ).replace("participants: [chatham-participant, aland]", "participants: [aland]")
    for rel, text in records.items():
        records[rel] = text.replace("expires: 2030-01-01", "expires: 2029-01-01")
    return records


@pytest.fixture(scope="module")
def changed_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsRepo]:
    with pytest.MonkeyPatch.context() as patch:
        for key, value in GIT_ENV.items():
            patch.setenv(key, value)
        repo = build_repo(tmp_path_factory.mktemp("leaks") / "repo", _base())
        for rel in NEW_IN_HEAD:
            assert rel not in _base()
        repo.write(_head()).commit("the change")
        yield repo


# Outside reports an id may be shown to an audience that may see its record, and the roster
# lists every public AHG member state as a candidate, including those that sat at a Chatham
# House meeting (the leak there is only their attendance).
WIDER = {"canary-restricted-org-id": "restricted"}
ROSTER_WIDER = {
    **WIDER,
    **{f"CANARY-CHATHAM-{who}": "public" for who in ("PARTICIPANT", "CHAIR", "HOST")},
}


def _leaks(text: str, audience: str, wider: dict[str, str] = WIDER) -> list[str]:
    narrowest = {c: wider.get(c, allowed) for c, (allowed, _) in CANARIES.items()}
    found = [
        canary
        for canary, allowed in narrowest.items()
        if canary.lower() in text.lower() and (allowed is NEVER or RANK[allowed] > RANK[audience])
    ]
    found += ["2030-01-01"] if "2030-01-01" in text else []  # a clearance: no audience
    found += [
        c for c, allowed in ROSTER_CANARIES.items() if c in text and RANK[allowed] > RANK[audience]
    ]
    return found


@pytest.mark.parametrize("fmt", ["text", "md"])
@pytest.mark.parametrize("audience", AUDIENCES)
def test_diff_shows_each_audience_only_what_it_may_see(
    changed_repo: RecordsRepo, run_cli: Run, audience: str, fmt: str
) -> None:
    done = run_cli(
        "diff", "HEAD~1..HEAD", "--repo", changed_repo.root, "--format", fmt, "--audience", audience
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"for a {audience} audience" in out
    assert not _leaks(out, audience), f"{audience}/{fmt} diff leaks: {_leaks(out, audience)}"
    for rel in NEW_IN_HEAD:  # restricted records are not even named by path or id
        stem = Path(rel).stem
        assert (stem in out) is (audience == "restricted"), (stem, audience)
    expected = [
        canary
        for canary, (allowed, shown) in CANARIES.items()
        if shown and canary.startswith("CANARY-") and canary not in NOT_IN_DIFF
        if allowed is not NEVER and RANK[allowed] <= RANK[audience]
    ]
    missing = [c for c in expected if c.lower() not in out.lower()]
    assert not missing, f"{audience}/{fmt}: allowed changes missing: {missing}\n{out}"
    # A review handle is the members' to see (and its change); a clearance nobody's.
    assert ("@canary-handle" in out) is (audience != "public"), out
    if audience != "restricted":
        assert "to records this audience may not see (not shown)." in out


def test_diff_default_is_public(changed_repo: RecordsRepo, run_cli: Run) -> None:
    for fmt in ("text", "md"):
        default = run_cli("diff", "HEAD~1..HEAD", "--repo", changed_repo.root, "--format", fmt)
        public = run_cli(
            "diff",
            "HEAD~1..HEAD",
            "--repo",
            changed_repo.root,
            "--format",
            fmt,
            "--audience",
            "public",
        )
        assert default.stdout == public.stdout
        assert "CANARY-PERSON-NAME" not in default.stdout


ROSTER_VIEWS = (
    ("show", "ewg"),
    ("next", "ewg", "--as-of", "2017-10-31"),
    ("plan", "ewg", "--as-of", "2017-10-31", "--years", "3"),
)


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
@pytest.mark.parametrize("audience", AUDIENCES)
def test_roster_views_show_each_audience_only_what_it_may_see(
    changed_repo: RecordsRepo, run_cli: Run, audience: str, fmt: str
) -> None:
    texts = []
    for view in ROSTER_VIEWS:
        args = ("roster", *view, "--repo", changed_repo.root, "--format", fmt)
        done = run_cli(*args, "--audience", audience)
        assert done.returncode == 0, done.stderr
        assert (
            f'"audience": "{audience}"' in done.stdout
            if fmt == "json"
            else (f"For a {audience} audience" in done.stdout)
        )
        texts.append(done.stdout)
    everything = "\n".join(texts)
    leaks = _leaks(everything, audience, ROSTER_WIDER)
    assert not leaks, f"{audience}/{fmt} roster leaks: {leaks}"
    for canary, allowed in ROSTER_CANARIES.items():
        assert (canary in everything) is (RANK[allowed] <= RANK[audience]), (canary, audience)
    if RANK[audience] >= RANK["restricted"]:
        assert "CANARY-RESTRICTED-ORG-SHORT" in everything  # holds seat 2 from 2018


def test_roster_default_audience_is_members(changed_repo: RecordsRepo, run_cli: Run) -> None:
    args = ("roster", "next", "ewg", "--as-of", "2017-10-31", "--repo", changed_repo.root)
    done = run_cli(*args)
    assert "For a members audience" in done.stdout
    assert "2017-08-17" in done.stdout and "2017-07-13" not in done.stdout


@pytest.mark.parametrize("audience", AUDIENCES)
def test_calendar_export_shows_each_audience_only_what_it_may_see(
    changed_repo: RecordsRepo, run_cli: Run, audience: str
) -> None:
    done = run_cli("export", "ics", "--repo", changed_repo.root, "--audience", audience)
    assert done.returncode == 0, done.stderr
    assert not _leaks(done.stdout, audience), (
        f"{audience} ics leaks: {_leaks(done.stdout, audience)}"
    )
    assert ("CANARY-RESTRICTED-MEETING" in done.stdout) is (audience == "restricted")


def test_the_canary_diff_decides_as_if_it_had_read_every_record(
    changed_repo: RecordsRepo,
) -> None:
    """`diff` reads only the records a change mentions; the canary change, filtered for each
    audience, comes out as it would from every record of the repository."""
    from tests.test_marks import same_as_whole_repository

    same_as_whole_repository(changed_repo.root, "HEAD~1..HEAD")
