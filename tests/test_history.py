"""The git layer: opening repositories, changed files, blobs and file history, on real git."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.repo import RecordsRepo
from wgctl.errors import InputError
from wgctl.files import yamlio
from wgctl.history import changeset, gitblobs, gitio
from wgctl.history import revisions as history


def git_children() -> list[int]:
    """Process ids of `git` processes whose parent is this test process (R22)."""
    me = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Format: pid (comm) state ppid ...; comm may hold spaces, so split after the last ')'.
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        ppid = stat[stat.rindex(")") + 2 :].split()[1]
        if comm == "git" and ppid == me:
            found.append(int(entry.name))
    return found


def test_changed_files_cover_committed_staged_unstaged_and_untracked(repo: RecordsRepo) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    repo.edit("records/organisations/aland.yaml", "name: Aland", "name: Åland")
    repo.commit("rename Aland")
    repo.edit("records/organisations/borduria.yaml", "Borduria", "Bordurie")
    repo.git("add", "records/organisations/borduria.yaml")
    repo.edit("records/organisations/carpania.yaml", "Carpania", "Karpania")
    repo.write({"records/actions/-new ü.yaml": "id: x\n"})
    repo.remove("records/organisations/iom.yaml")

    changes = changeset.changed_since(repo.root, base)

    assert changes.changed == {
        "records/organisations/aland.yaml",
        "records/organisations/borduria.yaml",
        "records/organisations/carpania.yaml",
        "records/actions/-new ü.yaml",
    }
    assert {"iom", "-new ü", "aland"} <= changes.touched_ids
    assert git_children() == []


def test_renames_are_detected_and_both_ids_touched(repo: RecordsRepo) -> None:
    repo.git("mv", "records/organisations/carpania.yaml", "records/organisations/karpania.yaml")
    repo.commit("rename")
    with gitio.open_git(repo.root) as g:
        changes = gitio.diff_names(g, g.commit("HEAD~1"), g.commit("HEAD"))
    assert changes == [
        gitio.FileChange(
            "R", "records/organisations/karpania.yaml", "records/organisations/carpania.yaml"
        )
    ]


def test_plain_folder_and_empty_repository_are_input_errors(
    tmp_path: Path, empty_repo: RecordsRepo
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(InputError, match="not a git repository"):
        changeset.changed_since(plain, "HEAD")
    with pytest.raises(InputError, match="no commits yet"):
        changeset.changed_since(empty_repo.root, "HEAD")
    assert git_children() == []


def test_bad_ref_is_an_input_error_and_never_an_option(repo: RecordsRepo) -> None:
    with pytest.raises(InputError, match="no such commit"):
        changeset.changed_since(repo.root, "--output=oops")
    assert not (repo.root / "oops").exists()
    assert git_children() == []


def test_records_repository_inside_a_larger_git_tree(tmp_path: Path) -> None:
    outer = RecordsRepo(tmp_path / "outer")
    outer.root.mkdir()
    outer.git("init", "-q", "-b", "main")
    outer.write({"sub/records/themes/a.yaml": "id: a\n", "other/records/themes/b.yaml": "id: b\n"})
    outer.commit("two record folders")
    outer.write({"sub/records/themes/c.yaml": "id: c\n", "other/records/themes/d.yaml": "x\n"})

    changes = changeset.changed_since(outer.root / "sub", "HEAD")

    assert changes.changed == {"records/themes/c.yaml"}


def test_file_history_follows_renames_oldest_first(repo: RecordsRepo) -> None:
    rel = "records/organisations/carpania.yaml"
    repo.edit(rel, "name: Carpania", "name: Carpania Republic")
    repo.commit(
        "longer name", date="2018-01-02T10:00:00+00:00", author="Ana Lopez <ana@example.org>"
    )
    repo.git("mv", rel, "records/organisations/karpania.yaml")
    repo.commit("rename", date="2018-02-03T10:00:00+00:00", author="Bo Chen <bo@example.org>")

    with gitio.open_git(repo.root) as g:
        revisions = gitio.file_history(g, "records/organisations/karpania.yaml")
        blobs = gitblobs.read_blobs(g, [str(revisions[0].blob)])
        first = yamlio.record_data(blobs.get(str(revisions[0].blob)))

    assert [(r.status, r.author, r.path) for r in revisions] == [
        ("A", "Test", rel),
        ("M", "Ana Lopez", rel),
        ("R", "Bo Chen", "records/organisations/karpania.yaml"),
    ]
    assert revisions[2].old_path == rel
    assert revisions[1].date.isoformat() == "2018-01-02T10:00:00+00:00"
    assert first is not None
    assert first["name"] == "Carpania"
    assert git_children() == []


def test_blobs_at_reads_every_record_file_of_a_commit(repo: RecordsRepo) -> None:
    repo.remove("records/organisations/iom.yaml")
    with gitio.open_git(repo.root) as g:
        blobs = gitblobs.blobs_at(g, "HEAD")
    assert "records/organisations/iom.yaml" in blobs
    assert len(blobs) == 12
    assert git_children() == []


def test_dirty_sees_unrecorded_changes_only(repo: RecordsRepo) -> None:
    rel = "records/organisations/iom.yaml"
    with gitio.open_git(repo.root) as g:
        assert not gitio.dirty(g, rel)
        repo.edit(rel, "IOM", "I.O.M.")
        assert gitio.dirty(g, rel)
        assert not gitio.dirty(g, "records/organisations/aland.yaml")


def test_changes_since_a_date_for_the_report_appendix(repo: RecordsRepo) -> None:
    from datetime import date

    from wgctl.models import Sensitivity

    repo.edit("records/organisations/aland.yaml", "name: Aland", "name: Åland")
    repo.commit("after the SOM", date="2017-11-05T10:00:00+00:00")
    seen = history.changes_since(repo.root, date(2017, 10, 15), Sensitivity.PUBLIC)
    assert [(c.change, c.path, c.details) for c in seen.changes] == [
        ("changed", "records/organisations/aland.yaml", ('name: "Aland" -> "Åland"',))
    ]
    everything = history.changes_since(repo.root, date(2000, 1, 1), Sensitivity.PUBLIC)
    assert {c.change for c in everything.changes} == {"added"}
    assert len(everything.changes) == 12


def test_a_bare_repository_and_a_failing_git_are_one_line_errors(
    tmp_path: Path, repo: RecordsRepo
) -> None:
    bare = tmp_path / "bare.git"
    repo.git("clone", "-q", "--bare", str(repo.root), str(bare))
    with pytest.raises(InputError, match="a bare repository has no records to compare"):
        changeset.changed_since(bare, "HEAD")
    with gitio.open_git(repo.root) as g, pytest.raises(gitio.GitError) as failed:
        g.run("cat-file", "-p", "--end-of-options", "HEAD:records/no-such-file.yaml")
    assert str(failed.value).count("\n") == 0
    assert str(failed.value).startswith("git cat-file: fatal:")
    assert git_children() == []


def test_records_version_says_whether_records_have_unrecorded_changes(repo: RecordsRepo) -> None:
    from wgctl.report.cover import records_version

    sha = repo.git("rev-parse", "--short=7", "HEAD").strip()
    assert records_version(repo.root) == f"records at commit {sha}"
    repo.write({"notes.txt": "outside records/\n"})
    assert records_version(repo.root) == f"records at commit {sha}"
    repo.write({"records/themes/new.yaml": "id: new\n"})
    assert records_version(repo.root) == f"records at commit {sha}, with uncommitted changes"


def test_records_asked_by_path_or_by_folder_list_the_same(repo: RecordsRepo) -> None:
    """A diff asks git about the records its change mentions by path; past MANY_PATHS of
    them, by their folders, with the same answer."""
    many = {f"records/meetings/m-{i}.yaml" for i in range(gitblobs.MANY_PATHS)}
    many.add("records/organisations/aland.yaml")
    assert gitblobs.pathspecs(many) == ["records/meetings", "records/organisations"]
    few = {
        "records/organisations/aland.yaml",
        "records/meetings/som-2014.yaml",
        "records/meetings/no-such-meeting.yaml",
    }
    assert gitblobs.pathspecs(few) == sorted(few)
    with gitio.open_git(repo.root) as g:
        by_path = gitblobs.tree_blobs(g, "HEAD", gitblobs.pathspecs(few))
        folders = gitblobs.tree_blobs(g, "HEAD", ["records/meetings", "records/organisations"])
    assert set(by_path) == few - {"records/meetings/no-such-meeting.yaml"}
    assert by_path == {path: sha for path, sha in folders.items() if path in few}


def test_without_git_the_history_commands_say_so_in_one_line(
    tmp_path: Path, repo: RecordsRepo, run_cli: Callable[..., Any], monkeypatch: Any
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a folder without a `git` program
    for args in (("log", "aland"), ("diff",)):
        done = run_cli(*args, "--repo", repo.root)
        assert done.returncode == 2, args
        assert done.stderr.startswith("wgctl: git could not be started: "), done.stderr
        assert done.stderr.count("\n") == 1
