"""A finding about several lines names every one of them (issue 12, point 3).

Two terms that overlap, two files with one id, a key written twice: each line gets its own
GitHub annotation, JSON lists the others under `also`, and text shows them below the problem.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

from tests.repo import RecordsRepo

Run = Callable[..., subprocess.CompletedProcess[str]]
GROUP = "records/groups/ewg.yaml"
PERSON = "records/people/aland.yaml"


def _annotations(run_cli: Run, repo: RecordsRepo, rule: str) -> list[tuple[str, str]]:
    """(file, line) of every GitHub annotation for `rule`."""
    result = run_cli("validate", "--repo", repo.root, "--format", "github")
    assert result.returncode == 1, result.stdout
    found = []
    for line in result.stdout.splitlines():
        props = dict(p.split("=", 1) for p in line.split(" ", 1)[1].split("::")[0].split(","))
        if props["title"].startswith(rule):
            found.append((props["file"], props["line"]))
    return found


def test_overlapping_terms_name_both_terms(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit(
        GROUP,
        "sources: [{document: tor, section: Chairing",
        "  - seat: 1\n    member: carpania\n    start: 2016-07-01\n"
        "    end: 2018-06-30\n    decided_at: som-2014\n"
        "sources: [{document: tor, section: Chairing",
    )
    # The new term's start (line 27) overlaps the first term's end (line 18).
    assert _annotations(run_cli, repo, "WG201") == [(GROUP, "27"), (GROUP, "18")]


def test_a_duplicate_id_names_both_files(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write(
        {
            PERSON: "id: aland\nsensitivity: restricted\nname: An official\nmember: aland\n"
            "sources: [{document: tor}]\n"
        }
    )
    assert _annotations(run_cli, repo, "WG101") == [
        (PERSON, "1"),
        ("records/organisations/aland.yaml", "1"),
    ]
    doc = json.loads(run_cli("validate", "--repo", repo.root, "--format", "json").stdout)
    [problem] = [p for p in doc["problems"] if p["rule"] == "WG101"]
    assert problem["also"] == [{"path": "records/organisations/aland.yaml", "line": 1, "column": 5}]
    text = run_cli("validate", "--repo", repo.root).stdout
    assert "    also records/organisations/aland.yaml:1:5\n" in text


def test_a_duplicate_key_names_both_lines(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit("records/organisations/aland.yaml", "type: state", "type: state\nname: Again")
    org = "records/organisations/aland.yaml"
    assert _annotations(run_cli, repo, "WG005") == [(org, "5"), (org, "3")]
