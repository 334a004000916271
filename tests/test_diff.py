"""`wgctl diff`: a plain-language summary of a change, from real commits and the working tree."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.repo import RecordsRepo
from tests.test_history import git_children
from wgctl.history.diffing import diff_records
from wgctl.history.render import md_escape

Run = Callable[..., Any]

NEW_MEETING = """\
    id: ewg-1
    sensitivity: members
    type: working-group-meeting
    title: First meeting of the EWG
    group: ewg
    start: 2015-03-02
    end: 2015-03-03
    location: Bangkok
    sources: [{document: tor}]
"""


def _change_everything(repo: RecordsRepo) -> None:
    repo.write({"records/meetings/ewg-1.yaml": NEW_MEETING})
    repo.remove("records/organisations/iom.yaml")
    repo.edit("records/organisations/aland.yaml", "name: Aland", "name: Åland Islands")
    repo.edit(
        "records/initiatives/joint-action.yaml",
        "    figures: [{name: countries, value: 8}]\n",
        "    figures: [{name: countries, value: 8}]\n"
        "  - date: 2016-11-30\n    status: completed\n    text: The second period ended.\n",
    )
    repo.edit(
        "records/groups/ewg.yaml",
        "    decided_at: som-2014\nsources",
        "    decided_at: som-2014\n  - seat: 1\n    member: carpania\n    start: 2017-01-01\n"
        "    end: 2018-12-31\n    decided_at: som-2014\nsources",
    )
    repo.edit("records/actions/nominate-focal-point.yaml", "closed: 2014-08-19\n", "")
    repo.edit("records/actions/nominate-focal-point.yaml", "status: closed\n", "status: open\n")


def test_diff_of_the_working_tree_names_each_kind_of_change(
    repo: RecordsRepo, run_cli: Run
) -> None:
    _change_everything(repo)
    result = run_cli("diff", "--repo", repo.root, "--audience", "members")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "to the working tree, for a members audience: 1 added, 4 changed, 1 removed." in out
    assert 'added meeting ewg-1 "First meeting of the EWG": records/meetings/ewg-1.yaml' in out
    assert "    - working-group-meeting: 2015-03-02 to 2015-03-03, Bangkok" in out
    assert "removed organisation iom" in out
    assert '    - name: "Aland" -> "Åland Islands"' in out
    assert (
        '    - new status update (2016-11-30, status completed): "The second period ended."' in out
    )
    assert (
        "    - new co-chair term: seat 1: carpania, 2017-01-01 to 2018-12-31, decided at som-2014"
        in out
    )
    assert "\nchanged action item nominate-focal-point " in out
    assert '    - status: "closed" -> "open"' in out
    assert '    - closed: removed (was "2014-08-19")' in out
    assert git_children() == []


def test_diff_between_commits_detects_renames_and_closed_actions(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.git("mv", "records/organisations/carpania.yaml", "records/organisations/karpania.yaml")
    repo.edit("records/organisations/karpania.yaml", "id: carpania", "id: karpania")
    repo.edit(
        "records/actions/nominate-focal-point.yaml",
        "closed: 2014-08-19\n",
        "closed: 2014-08-19\nclosing_note: Nominated by every member.\n",
    )
    repo.commit("rename and note", date="2017-11-01T09:00:00+00:00")
    repo.write(
        {
            "records/actions/nominate-focal-point.yaml": repo.read(
                "records/actions/nominate-focal-point.yaml"
            ).replace("status: closed", "status: cancelled")
        }
    )
    repo.commit("cancel")

    result = run_cli("diff", "HEAD~2..HEAD~1", "--repo", repo.root)
    assert result.returncode == 0, result.stderr
    assert "renamed organisation karpania" in result.stdout
    assert "(from records/organisations/carpania.yaml)" in result.stdout
    assert '    - id: "carpania" -> "karpania"' in result.stdout
    assert '    - closing_note: set to "Nominated by every member."' in result.stdout

    closed = run_cli("diff", "HEAD~1..HEAD", "--repo", repo.root)
    assert '    - action cancelled on 2014-08-19: "Nominated by every member."' in closed.stdout
    assert "status:" not in closed.stdout

    merge_base = run_cli("diff", "HEAD~1...HEAD", "--repo", repo.root)
    assert merge_base.stdout == closed.stdout


def test_markdown_escapes_data_and_reads_as_a_comment(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit(
        "records/organisations/aland.yaml",
        "name: Aland",
        "name: '# <img src=x> [x](javascript:alert(1)) | *'",
    )
    result = run_cli("diff", "--repo", repo.root, "--format", "md")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "### What this change does to the records"
    assert (
        # One escaper for every Markdown output: `>` and script URLs are neutralised here too.
        "- **Changed** organisation `aland`: "
        "\\# \\<img src=x\\> \\[x\\](javascript\\:alert(1)) \\| \\*" in lines
    )
    assert "<img" not in result.stdout.replace("\\<img", "")


def test_no_change_and_bad_input(tmp_path: Any, repo: RecordsRepo, run_cli: Run) -> None:
    clean = run_cli("diff", "--repo", repo.root)
    assert clean.returncode == 0
    assert clean.stdout.endswith("to the working tree, for a public audience: no changes.\n")
    bad = run_cli("diff", "nope..HEAD", "--repo", repo.root)
    assert bad.returncode == 2
    assert bad.stderr == "wgctl: 'nope': no such commit in this repository\n"
    plain = run_cli("diff", "--repo", tmp_path)
    assert plain.returncode == 2


def test_pure_diff_of_terms_and_unreadable_files() -> None:
    term = {"seat": 1, "member": "a", "start": "2015-01-01", "end": "2016-12-31"}
    longer = {**term, "extension": {"until": "2017-12-31", "decided_at": "som"}}
    changes = diff_records(
        {"records/groups/g.yaml": {"id": "g", "terms": [term]}, "records/themes/t.yaml": None},
        {
            "records/groups/g.yaml": {"id": "g", "terms": [longer]},
            "records/themes/t.yaml": {"id": "t"},
        },
    )
    assert [c.details for c in changes] == [
        (
            "co-chair term changed: seat 1: a, 2015-01-01 to 2016-12-31 -> "
            "seat 1: a, 2015-01-01 to 2016-12-31, extended until 2017-12-31",
        ),
        ("the file could not be read on one side",),
    ]
    assert md_escape("a|b\n# c") == "a\\|b \\# c"


def test_the_span_names_both_ends_as_git_abbreviates_them(repo: RecordsRepo, run_cli: Run) -> None:
    first = repo.git("rev-parse", "--short", "HEAD").strip()
    repo.edit("records/organisations/aland.yaml", "name: Aland", "name: Åland")
    repo.commit("rename Aland")
    second = repo.git("rev-parse", "--short", "HEAD").strip()
    repo.git("tag", "v1", "HEAD~1")
    repo.git("tag", "-a", "-m", "annotated", "v2", "HEAD")

    def span(spec: str) -> str:
        done = run_cli("diff", spec, "--repo", repo.root)
        assert done.returncode == 0, done.stderr
        return str(done.stdout.split(",")[0])

    assert span("v1..v2") == f"Changes to the records from {first} to {second}"
    assert span("HEAD..v2") == f"Changes to the records from {second} to {second}"
    assert span("v2...v1") == f"Changes to the records from {first} to {first}"
    assert span("v1") == f"Changes to the records from {first} to the working tree"
    both_bad = run_cli("diff", "nope..nope2", "--repo", repo.root)
    assert (both_bad.returncode, both_bad.stderr) == (
        2,
        "wgctl: 'nope2': no such commit in this repository\n",
    )
    tree = run_cli("diff", "HEAD^{tree}..HEAD", "--repo", repo.root)
    assert tree.stderr == "wgctl: 'HEAD^{tree}': no such commit in this repository\n"
    assert git_children() == []
