"""The site's leak test: every file of every audience's build, over the reports' canary records.

The records and canaries are the report leak test's (one set of planted strings for every
output), plus three in git history only: a commit message, an author's name, and a restricted
status update that an older revision of a public record had (record pages show their history).
Every file a build writes is searched, its path included: HTML, the calendar feed,
the SVG charts inside pages and pagefind's search index (its compressed fragments unpacked).
A canary must never reach a build for an audience narrower than its own, and each canary a
site is expected to show must reach the builds that may see it (so nothing passes by omission).
"""

from __future__ import annotations

import gzip
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.repo import GIT_ENV, RecordsRepo
from tests.test_report_canary import (
    AUDIENCES,
    CANARIES,
    CANARY_RECORDS,
    MEMBERS,
    PUBLIC,
    RANK,
    RESTRICTED,
    build_repo,
)

Result = subprocess.CompletedProcess[str]

# Where the site differs from the reports, and why:
SITE_CANARIES = {
    **CANARIES,
    # A restricted record's page has its id in its address; the restricted build may show it.
    "canary-restricted-org-id": (RESTRICTED, True),
    # These organisations are public records, so the organisations list names them; what the
    # Chatham House Rule hides is their part in the meeting (checked below), not their names.
    "CANARY-CHATHAM-PARTICIPANT": (PUBLIC, True),
    "CANARY-CHATHAM-CHAIR": (PUBLIC, True),
    "CANARY-CHATHAM-HOST": (PUBLIC, True),
    # A person's record (public marking) is members-only like all personal data; the members
    # build may list it as added. Its attendance stays hidden (checked below).
    "CANARY-CHATHAM-ATTENDEE": (MEMBERS, False),
    "CANARY-RESTRICTED-ORG-NAME": (RESTRICTED, True),
    # Only in git history: commit messages (free text) and authors (personal data) reach the
    # restricted build only, like a restricted part of an older revision.
    "CANARY-COMMIT-MESSAGE": (RESTRICTED, True),
    "CANARY-COMMIT-AUTHOR": (RESTRICTED, True),
    "CANARY-OLD-RESTRICTED-PART": (RESTRICTED, True),
    # A restricted organisation that older revisions knew and the records no longer hold: a
    # public record's older text named it; today's view cannot know that name is hidden.
    "CANARY-GONE-ORG-NAME": (RESTRICTED, True),
}
PUBLIC_RECORD = "records/initiatives/joint-action.yaml"
GONE_ORG = """\
id: canary-gone-org
sensitivity: restricted
name: CANARY-GONE-ORG-NAME
type: state
sources: [{document: tor}]
"""
GONE_UPDATE = """\
  - date: 2017-08-01
    text: Worked with CANARY-GONE-ORG-NAME on a joint operation.
"""
OLD_PART = """\
  - date: 2017-06-01
    text: CANARY-OLD-RESTRICTED-PART
    sensitivity: restricted
"""
CHATHAM_IDENTITIES = ("CANARY-CHATHAM-PARTICIPANT", "CANARY-CHATHAM-CHAIR", "CANARY-CHATHAM-HOST")


def add_history(repo: RecordsRepo) -> None:
    """Two commits to a public record: one adds a restricted update, the next takes it out."""
    path = repo.root / PUBLIC_RECORD
    text = path.read_text(encoding="utf-8")
    at = text.index("sources:")
    path.write_text(text[:at] + OLD_PART + text[at:], encoding="utf-8")
    author = "CANARY-COMMIT-AUTHOR <canary@example.org>"
    repo.commit("add CANARY-COMMIT-MESSAGE", date="2017-07-01T00:00:00+00:00", author=author)
    path.write_text(text, encoding="utf-8")
    repo.commit("take the update out again", date="2017-08-01T00:00:00+00:00", author=author)
    gone = "records/organisations/canary-gone-org.yaml"
    repo.write({gone: GONE_ORG})
    path.write_text(text[:at] + GONE_UPDATE + text[at:], encoding="utf-8")
    repo.commit("work with a restricted partner", date="2017-08-15T00:00:00+00:00")
    repo.remove(gone)
    path.write_text(text, encoding="utf-8")
    repo.commit("the partner's record goes", date="2017-09-01T00:00:00+00:00")


def site_files(out: Path) -> dict[str, str]:
    """Every file of a build as text, by path; gzip data (the search index) unpacked."""
    files = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        rel = path.relative_to(out).as_posix()
        files[rel] = rel + "\n" + data.decode("utf-8", errors="replace")
    return files


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict[str, str]]]:
    """One site per audience over the canary records: audience -> path -> text."""
    from typer.testing import CliRunner

    from wgctl.cli import app

    with pytest.MonkeyPatch.context() as patch:
        for key, value in GIT_ENV.items():
            patch.setenv(key, value)
        base = tmp_path_factory.mktemp("site-canary")
        repo: RecordsRepo = build_repo(base / "repo", CANARY_RECORDS)
        add_history(repo)
        out = {}
        for audience in AUDIENCES:
            target = base / audience
            args = ["site", "--repo", str(repo.root), "--out", str(target)]
            args += ["--audience", audience, "--as-of", "2017-10-31"]
            done = CliRunner().invoke(app, args, catch_exceptions=False)
            assert done.exit_code == 0, done.output
            out[audience] = site_files(target)
        yield out


def test_no_canary_reaches_a_narrower_build(builds: dict[str, dict[str, str]]) -> None:
    searched = 0
    for audience, files in builds.items():
        for canary, (allowed, _) in SITE_CANARIES.items():
            if allowed is not None and RANK[allowed] <= RANK[audience]:
                continue
            leaked = [rel for rel, text in files.items() if canary.casefold() in text.casefold()]
            searched += len(files)
            assert not leaked, f"{canary} leaked into the {audience} build: {leaked}"
    assert searched > 1000  # canaries x files actually searched


def test_every_expected_canary_reaches_the_builds_that_may_see_it(
    builds: dict[str, dict[str, str]],
) -> None:
    for canary, (allowed, shown) in SITE_CANARIES.items():
        if allowed is None or not shown:
            continue
        for audience in AUDIENCES:
            if RANK[allowed] > RANK[audience]:
                continue
            text = "\n".join(builds[audience].values())
            assert canary in text, f"{canary} missing from the {audience} build"


def test_search_index_holds_what_the_audience_may_see(
    builds: dict[str, dict[str, str]],
) -> None:
    def index(audience: str) -> str:
        return "\n".join(t for rel, t in builds[audience].items() if rel.startswith("pagefind/"))

    assert "ALLOWED-PUBLIC-UPDATE" in index(PUBLIC)
    assert "CANARY-MEMBERS-UPDATE" in index(MEMBERS)
    assert "CANARY-RESTRICTED-UPDATE-1" in index(RESTRICTED)
    assert "CANARY-MEMBERS-UPDATE" not in index(PUBLIC)


def test_search_finds_record_pages_and_not_the_lists_that_repeat_them(
    builds: dict[str, dict[str, str]],
) -> None:
    fragments = [t for rel, t in builds[PUBLIC].items() if rel.startswith("pagefind/fragment/")]
    urls = {t.split('"url":"', 1)[1].split('"', 1)[0] for t in fragments}
    assert "/initiatives/joint-action.html" in urls
    assert "/meetings/ewg-2017.html" in urls
    assert not urls & {"/index.html", "/initiatives/index.html", "/meetings/calendar.html"}


@pytest.mark.parametrize("audience", AUDIENCES)
def test_chatham_house_meeting_names_no_identity_in_any_build(
    builds: dict[str, dict[str, str]], audience: str
) -> None:
    files = builds[audience]
    meeting = files["meetings/ewg-2017.html"]
    assert "ALLOWED-CHATHAM-STATEMENT" in meeting
    assert "Chatham House Rule" in meeting
    for canary in (*CHATHAM_IDENTITIES, "CANARY-CHATHAM-ATTENDEE", "CANARY-CHATHAM-SPEAKER"):
        assert canary not in meeting
    for org in ("chatham-participant", "chatham-chair", "chatham-host"):
        page = files[f"organisations/{org}.html"]
        assert "ewg-2017.html" not in page and "Example WG annual meeting" not in page


def test_a_record_page_shows_its_history_to_each_audience_as_it_may_see_it(
    builds: dict[str, dict[str, str]],
) -> None:
    for audience in AUDIENCES:
        page = builds[audience]["initiatives/joint-action.html"]
        history = page[page.index("History in git") :]
        assert "created" in history  # every audience sees the record begin
        commits = history.count('class="commit"')
        # Two commits changed only a restricted part: absent below restricted. Two more added
        # and took out a public update naming a party hidden then and gone now.
        assert commits == (5 if audience == RESTRICTED else 3), audience
        if audience != RESTRICTED:
            assert "Worked with (not named)" in history or "&#34;(not named)&#34;" in history


def test_canary_counts(
    builds: dict[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    files = sum(len(f) for f in builds.values())
    with capsys.disabled():
        print(f"\nsite leak test: {len(SITE_CANARIES)} canaries x {files} files in 3 builds")
    assert files > 50
