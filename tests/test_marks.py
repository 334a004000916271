"""`wgctl diff` parses only changed records; the rest come from the marks cache in .git/.

Whatever state that cache is in (absent, filled, damaged, foreign), a diff says the same and
never names what its audience may not see.
"""

from __future__ import annotations

import sqlite3
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.repo import RecordsRepo
from tests.test_diff import _change_everything
from tests.test_history import git_children
from wgctl.confidentiality.audience import Mark
from wgctl.files.yamlio import record_data
from wgctl.history import revisions as history
from wgctl.history.diff_audience import diff_for_audience
from wgctl.history.gitblobs import read_blobs, tree_blobs
from wgctl.history.gitio import open_git
from wgctl.history.marks import Unchanged, as_record, is_record, names_parties
from wgctl.models import Sensitivity

Run = Callable[..., Any]
HIDDEN_NAME = "Zembla Canary Ministry"
HIDDEN_ORG = f"""\
    id: zembla
    sensitivity: restricted
    name: {HIDDEN_NAME}
    short_name: ZCM
    type: agency
    sources: [{{document: tor}}]
"""
REL = "records/initiatives/joint-action.yaml"


def _repo_naming_a_hidden_record(repo: RecordsRepo) -> Path:
    """A committed restricted organisation, then a public update naming it (uncommitted)."""
    repo.write({"records/organisations/zembla.yaml": textwrap.dedent(HIDDEN_ORG)})
    repo.commit("a restricted partner")
    repo.edit(
        REL,
        "    figures: [{name: countries, value: 8}]\n",
        "    figures: [{name: countries, value: 8}]\n"
        f"  - date: 2016-11-30\n    text: Worked with {HIDDEN_NAME}.\n"
        "  - date: 2016-12-01\n    text: Worked with zembla again.\n"
        "  - date: 2016-12-02\n    text: A third period ended.\n",
    )
    return Path(repo.root) / ".git" / "wgctl-marks.sqlite"


def _diff(run_cli: Run, repo: RecordsRepo, audience: str) -> str:
    result = run_cli("diff", "--repo", repo.root, "--audience", audience)
    assert result.returncode == 0, result.stderr
    return str(result.stdout)


def test_diff_is_the_same_cold_warm_and_after_the_cache_is_damaged(
    repo: RecordsRepo, run_cli: Run
) -> None:
    store = _repo_naming_a_hidden_record(repo)
    cold = _diff(run_cli, repo, "public")
    assert store.is_file()
    warm = _diff(run_cli, repo, "public")
    store.write_bytes(b"not a database at all" * 100)
    damaged = _diff(run_cli, repo, "public")
    assert cold == warm == damaged
    assert "A third period ended." in cold  # the visible change is shown
    assert HIDDEN_NAME not in cold and "zembla" not in cold.lower()
    assert "(not named)" in cold
    with sqlite3.connect(store) as db:  # rebuilt, not left broken
        assert db.execute("select count(*) from marks").fetchone()[0] > 0
    restricted = _diff(run_cli, repo, "restricted")
    assert HIDDEN_NAME in restricted
    assert git_children() == []


def test_a_foreign_or_stale_cache_is_not_trusted(repo: RecordsRepo, run_cli: Run) -> None:
    """A file that says a hidden record is public, under another fingerprint, is thrown away."""
    store = _repo_naming_a_hidden_record(repo)
    expected = _diff(run_cli, repo, "public")
    with sqlite3.connect(store) as db:
        db.execute("update marks set sensitivity = 'public'")
        db.execute("update meta set fingerprint = 'another version of wgctl'")
    assert _diff(run_cli, repo, "public") == expected
    with sqlite3.connect(store) as db:
        db.execute("drop table meta")
        db.execute("drop table marks")
        db.execute("create table marks (something text)")
    assert _diff(run_cli, repo, "public") == expected
    assert HIDDEN_NAME not in expected


def test_diff_without_the_cache_says_the_same(
    repo: RecordsRepo, run_cli: Run, monkeypatch: Any
) -> None:
    store = _repo_naming_a_hidden_record(repo)
    cached = _diff(run_cli, repo, "members")
    store.unlink()
    monkeypatch.setenv("WGCTL_NO_CACHE", "1")
    assert _diff(run_cli, repo, "members") == cached
    assert not store.exists()


HIDDEN_DOCUMENT = """\
    id: zembla-briefing
    sensitivity: restricted
    type: other
    title: Zembla Canary Briefing
    date: 2016-11-01
"""
HIDDEN_MEETING = """\
    id: zembla-talks
    sensitivity: members
    type: som
    title: Zembla Canary Talks
    start: 2016-11-02
    location: Canberra, Australia
    sources: [{document: tor}]
"""


def _repo_citing_hidden_records(repo: RecordsRepo) -> None:
    """Unchanged hidden records (a restricted document, a members' meeting), then public edits
    citing them: only the records the change mentions decide what the diff may name."""
    repo.write(
        {
            "records/documents/zembla-briefing.yaml": textwrap.dedent(HIDDEN_DOCUMENT),
            "records/meetings/zembla-talks.yaml": textwrap.dedent(HIDDEN_MEETING),
        }
    )
    repo.commit("hidden records")
    repo.edit(
        REL,
        "sources: [{document: tor}]\n",
        "sources: [{document: tor}, {document: zembla-briefing}]\n",
    )
    repo.edit(
        "records/groups/ewg.yaml",
        "    decided_at: som-2014\nsources",
        "    decided_at: som-2014\n  - seat: 1\n    member: carpania\n    start: 2017-01-01\n"
        "    end: 2018-12-31\n    decided_at: zembla-talks\nsources",
    )


def test_a_change_citing_hidden_records_names_them_only_to_who_may_see_them(
    repo: RecordsRepo, run_cli: Run
) -> None:
    _repo_citing_hidden_records(repo)
    seen = {audience: _diff(run_cli, repo, audience) for audience in AUDIENCES}
    assert "zembla" not in seen["public"].lower()
    assert "zembla-talks" in seen["members"] and "zembla-briefing" not in seen["members"]
    assert "zembla-briefing" in seen["restricted"] and "zembla-talks" in seen["restricted"]
    assert "seat 1: carpania, 2017-01-01 to 2018-12-31, decided at (not named)" in seen["public"]
    assert "1 change to records this audience may not see (not shown)." in seen["public"]
    for audience, text in seen.items():  # the marks cache, cold or off, changes nothing
        (Path(repo.root) / ".git" / "wgctl-marks.sqlite").unlink(missing_ok=True)
        assert _diff(run_cli, repo, audience) == text


AUDIENCES = ("public", "members", "restricted")


def _everything_unchanged(root: Path, found: history.Comparison) -> Unchanged:
    """The filter's input as a diff built it from the whole repository: every party, and the
    marks of every other record at the base (the oracle the mentioned records must equal)."""
    with open_git(root) as g:
        files = {
            rel: sha
            for rel, sha in tree_blobs(g, found.base).items()
            if rel not in found.before and is_record(rel)
        }
        blobs = read_blobs(g, sorted(set(files.values())))
    parties, marks = {}, []
    for rel, sha in files.items():
        kind = rel.split("/")[1]
        data = record_data(blobs.get(sha))
        if names_parties(kind):
            parties[rel] = data
        elif (record := as_record(kind, data)) is not None:
            marks.append(Mark.of(record))
    return Unchanged(marks, parties)


def same_as_whole_repository(root: Path, spec: str) -> None:
    found = history.compare(root, spec)
    whole = _everything_unchanged(root, found)
    for audience in AUDIENCES:
        marking = Sensitivity(audience)
        changed = (found.before, found.after)
        expected = diff_for_audience(changed, found.renames, marking, whole)
        assert history.record_diff(root, spec, marking) == (found.span, expected), audience
        assert expected.changes or expected.hidden


def test_diff_decides_as_if_it_had_read_every_record(repo: RecordsRepo) -> None:
    _repo_citing_hidden_records(repo)
    same_as_whole_repository(repo.root, "HEAD")
    repo.commit("cite them")
    same_as_whole_repository(repo.root, "HEAD~2..HEAD")
    same_as_whole_repository(repo.root, "HEAD~1...HEAD")


def test_every_kind_of_change_decides_as_if_it_had_read_every_record(repo: RecordsRepo) -> None:
    _change_everything(repo)
    same_as_whole_repository(repo.root, "HEAD")


def test_a_reference_the_filter_keeps_as_an_id_is_withheld_from_who_may_not_see_it(
    repo: RecordsRepo, run_cli: Run
) -> None:
    """Canary: a reference the audience filter keeps as an id (an action's meeting) names a
    hidden record only to who may see it; a diff shows the field itself."""
    repo.write({"records/meetings/zembla-talks.yaml": textwrap.dedent(HIDDEN_MEETING)})
    repo.commit("a members' meeting")
    repo.edit("records/actions/nominate-focal-point.yaml", "som-2014", "zembla-talks")
    seen = {audience: _diff(run_cli, repo, audience) for audience in AUDIENCES}
    assert "zembla" not in seen["public"].lower()
    assert 'raised_at: "som-2014" -> "(not named)"' in seen["public"]
    assert 'raised_at: "som-2014" -> "zembla-talks"' in seen["members"]
    assert seen["restricted"].replace("restricted", "members") == seen["members"]
    same_as_whole_repository(repo.root, "HEAD")
