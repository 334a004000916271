"""Each record page's history from git: one entry per commit, as the page's audience may see it.

Built from one `git log` over records/ and one blob stream for every page (wgctl.site.
record_history); each revision goes through the same audience filter as the page itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.repo import RecordsRepo
from tests.test_site import Result, build, examples_repo, text

TRAINING = "records/initiatives/2-1-inspector-training.yaml"
PAGE = "initiatives/2-1-inspector-training.html"


def commits(out: Path, rel: str) -> list[str]:
    """The history's entries on a page, newest first, as a reader sees each one."""
    page = (out / rel).read_text(encoding="utf-8")
    if "History in git" not in page:
        return []
    section = page[page.index("History in git") :]
    items = re.findall(r'<li><p class="commit">(.*?)</ul></li>', section, re.DOTALL)
    return [html.unescape(" ".join(re.sub(r"<[^>]+>", " ", i).split())) for i in items]


def test_a_record_page_lists_each_commit_newest_first_with_what_changed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    repo.edit(TRAINING, "more than 40 inspectors", "more than 45 inspectors")
    repo.commit("Fix the count", date="2026-02-03T10:00:00+00:00", author="Ana Writer <a@x.org>")
    repo.edit(TRAINING, "status: completed", "status: ongoing")
    repo.commit("Reopen", date="2026-03-04T10:00:00+00:00", author="Ana Writer <a@x.org>")
    public, restricted = tmp_path / "public", tmp_path / "restricted"
    build(run_cli, repo, public)
    build(run_cli, repo, restricted, "--audience", "restricted")
    seen = commits(public, PAGE)
    assert len(seen) == 3
    assert seen[0].startswith("4 March 2026") and 'status: "completed" -> "ongoing"' in seen[0]
    assert seen[1].startswith("3 February 2026") and "more than 45 inspectors" in seen[1]
    assert seen[2].endswith("created")
    assert "Fix the count" not in " ".join(seen) and "Ana Writer" not in " ".join(seen)
    told = commits(restricted, PAGE)
    assert told[1].startswith("3 February 2026 : Fix the count (Ana Writer, commit")


def test_a_change_the_audience_may_not_see_is_not_on_its_page(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    rel = "records/initiatives/1-1-data-exchange-pilot.yaml"  # members-only, restricted parts
    repo.edit(rel, "Pilot flagged 14 vessels of interest.", "Pilot flagged 15 vessels of interest.")
    repo.commit("Restricted figure", date="2026-02-03T10:00:00+00:00")
    members, restricted = tmp_path / "members", tmp_path / "restricted"
    build(run_cli, repo, members, "--audience", "members")
    build(run_cli, repo, restricted, "--audience", "restricted")
    page = "initiatives/1-1-data-exchange-pilot.html"
    assert [c for c in commits(members, page) if "2026" in c] == []
    assert "15 vessels" in commits(restricted, page)[0]
    assert not (tmp_path / "public").exists()


def test_a_long_history_is_bounded_and_says_how_many_commits_are_left_out(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    for n in range(1, 23):
        repo.edit(TRAINING, f"more than {39 + n} inspectors", f"more than {40 + n} inspectors")
        repo.commit(f"count {n}", date=f"2026-01-{n:02d}T10:00:00+00:00")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    seen = commits(out, PAGE)
    assert len(seen) == 20
    assert "more than 62 inspectors" in seen[0] and "more than 43 inspectors" in seen[-1]
    assert "3 earlier commit(s) to this record are not listed here" in text(out, PAGE)


def test_a_renamed_record_keeps_its_history(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    repo: RecordsRepo = examples_repo(tmp_path / "repo")
    repo.git("mv", "records/meetings/som-2026.yaml", "records/meetings/som-2026-port.yaml")
    repo.edit("records/meetings/som-2026-port.yaml", "id: som-2026", "id: som-2026-port")
    for rel in sorted((repo.root / "records").rglob("*.yaml")):
        body = rel.read_text(encoding="utf-8")
        rel.write_text(re.sub(r"\bsom-2026\b(?!-)", "som-2026-port", body), encoding="utf-8")
    repo.commit("Rename the SOM", date="2026-02-03T10:00:00+00:00")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    seen = commits(out, "meetings/som-2026-port.html")
    assert seen[0].startswith("3 February 2026") and "renamed" in seen[0]
    assert seen[-1].endswith("created")


def test_a_record_made_public_starts_its_public_history_there(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    rel = "records/initiatives/1-1-data-exchange-pilot.yaml"
    repo.edit(rel, "sensitivity: members", "sensitivity: public")
    repo.commit("Publish the pilot", date="2026-02-03T10:00:00+00:00")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    seen = commits(out, "initiatives/1-1-data-exchange-pilot.html")
    assert seen == ["3 February 2026 first version shown here"]


def test_remembered_histories_give_the_pages_a_build_without_them_gives(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = examples_repo(tmp_path / "repo")
    repo.edit(TRAINING, "more than 40 inspectors", "more than 45 inspectors")
    repo.commit("Fix the count", date="2026-02-03T10:00:00+00:00")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    memo = repo.root / ".git" / "wgctl-site-history.json"
    assert "more than 45 inspectors" in memo.read_text(encoding="utf-8")
    repo.edit("records/meetings/som-2026.yaml", "Port Example", "Port Sample")
    repo.commit("Move the SOM", date="2026-03-04T10:00:00+00:00")
    build(run_cli, repo, out)  # one record's history moved; the others are remembered
    memo.write_text('{"format": 1, "entries": {"x": "not a list"}}', encoding="utf-8")
    damaged = tmp_path / "damaged"
    build(run_cli, repo, damaged)
    monkeypatch.setenv("WGCTL_NO_CACHE", "1")
    fresh = tmp_path / "fresh"
    build(run_cli, repo, fresh)
    for page in sorted(fresh.rglob("*.html")):
        rel = page.relative_to(fresh)
        assert (out / rel).read_bytes() == page.read_bytes(), rel
        assert (damaged / rel).read_bytes() == page.read_bytes(), rel
    assert "Port Sample" in commits(out, "meetings/som-2026.html")[0]
    assert "Port Sample" in memo.read_text(encoding="utf-8")  # written anew
