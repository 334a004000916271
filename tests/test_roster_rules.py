"""`wgctl roster` answers as the terms of reference say: as of a date, with its decisive
reason, honest about what an audience cannot see, for N seats, and as nested Markdown."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from tests.conftest import PROJECT
from tests.repo import RecordsRepo
from tests.test_roster_cli import SOMS, nominate

Run = Callable[..., Any]
GROUP = "records/groups/ewg.yaml"


def _examples(repo: RecordsRepo) -> None:
    shutil.copytree(PROJECT / "examples" / "records", repo.root / "records")
    repo.commit("records")


def test_as_of_before_a_recorded_decision_answers_as_of_that_date(
    empty_repo: RecordsRepo, run_cli: Run
) -> None:
    _examples(empty_repo)
    args = ("roster", "next", "fwg", "--repo", empty_repo.root, "--format", "json")
    before = json.loads(run_cli(*args, "--as-of", "2026-06-01").stdout)
    # som-2026 decided seat 1 (Arcadia from 2027); as of June 2026 that is still to decide.
    assert [v["seat"] for v in before["vacancies"]] == [1]
    assert before["vacancies"][0]["outgoing"] == "dunmore"
    assert before["vacancies"][0]["recommended"] == "arcadia"
    after = json.loads(run_cli(*args, "--as-of", "2026-12-01").stdout)
    assert {h["seat"]: h["member"] for h in after["continuing"]} == {1: "arcadia"}


def test_the_decisive_rule_is_named(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write({**SOMS, "records/organisations/dalmatia.yaml": _state("dalmatia")}).commit("soms")
    nominate(
        repo,
        "{member: dalmatia, year: 2017, date: 2016-10-01}",
        "{member: carpania, year: 2017, date: 2016-09-01}",
    )
    out = run_cli("roster", "next", "--as-of", "2016-06-01", "--repo", repo.root).stdout
    assert "Recommended: Carpania" in out
    # Neither has served, so the longest-since-served rule ties; the earlier nomination wins.
    assert (
        "Decisive rule: earliest nomination: Carpania nominated on 2016-09-01, "
        "Dalmatia nominated on 2016-10-01." in out
    )


def _state(name: str) -> str:
    return (
        f"id: {name}\nsensitivity: public\nname: {name.title()}\ntype: state\n"
        "ahg_member: true\nsources: [{document: tor}]\n"
    )


def test_a_view_that_withholds_nominations_recommends_nobody(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.write(SOMS).commit("soms")
    nominate(
        repo,
        "{member: carpania, year: 2017}",
        "{member: aland, year: 2017, sensitivity: members}",
    )
    args = ("roster", "next", "--as-of", "2016-06-01", "--repo", repo.root)
    members = run_cli(*args, "--audience", "members").stdout
    assert "Recommended: Carpania" in members
    public = run_cli(*args, "--audience", "public").stdout
    assert "Seat 2: 1 nomination(s) for 2017 are withheld from this audience" in public
    assert "Recommended: none: some nominations are withheld" in public
    assert "Recommended: Carpania" not in public
    data = json.loads(run_cli(*args, "--audience", "public", "--format", "json").stdout)
    assert data["withheld"] == {"2017": 1}
    assert [v["recommended"] for v in data["vacancies"]] == [None]
    # A nomination withheld for another year does not silence this one.
    later = run_cli(
        "roster", "next", "--as-of", "2017-12-01", "--repo", repo.root, "--audience", "public"
    )
    assert "withheld" not in later.stdout


def test_three_seats_ending_together_extend_two_to_restore_the_stagger(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.write(SOMS).commit("soms")
    repo.edit(GROUP, "seats: 2", "seats: 3")
    repo.edit(GROUP, "max_term_years: 2", "max_term_years: 3")
    third = "  - seat: 3\n    member: carpania\n    start: 2015-01-01\n    end: 2016-12-31\n"
    repo.edit(
        GROUP,
        "sources: [{document: tor, section",
        f"{third}    decided_at: som-2014\nsources: [{{document: tor, section",
    )
    repo.commit("three seats")
    repo.write({"records/organisations/dalmatia.yaml": _state("dalmatia")}).commit("dalmatia")
    nominate(repo, "{member: dalmatia, year: 2017}")
    result = run_cli("roster", "plan", "--years", "1", "--as-of", "2016-06-01", "--repo", repo.root)
    out = result.stdout
    assert "seat 1: extend aland to 2017-12-31" in out
    assert "seat 2: extend borduria to 2018-12-31" in out
    assert "seat 3: Dalmatia, 2017-01-01" in out
    assert "keeps every co-chair rule" not in out  # Borduria past 3 years needs an agreement
    assert (
        "seat 2 (extension of borduria, to 2018-12-31) needs the members' recorded agreement" in out
    )


def _tree(markdown: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(MarkdownIt("commonmark").parse(markdown))


def _items(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    return [c for c in node.children if c.type == "list_item"]


def _text(node: SyntaxTreeNode) -> str:
    first = node.children[0] if node.children else node
    return "".join(t.content for t in first.walk() if t.type == "text")


def test_markdown_nests_each_vacancy_list_under_its_own_item(
    empty_repo: RecordsRepo, run_cli: Run
) -> None:
    _examples(empty_repo)
    md = run_cli(
        "roster",
        "next",
        "fwg",
        "--as-of",
        "2026-06-01",
        "--repo",
        empty_repo.root,
        "--format",
        "md",
    ).stdout
    tree = _tree(md)
    headings = [n for n in tree.children if n.type == "heading"]
    seat = next(h for h in headings if "Seat 1 falls vacant" in _text(h))
    after = tree.children[tree.children.index(seat) + 1]
    assert after.type == "bullet_list"
    parts = {_text(item).split(":")[0]: item for item in _items(after)}
    assert list(parts)[:3] == ["Why", "Recommended", "Decisive rule"]
    eligible = next(v for k, v in parts.items() if k.startswith("Eligible"))
    ordered = [c for c in eligible.children if c.type == "ordered_list"]
    assert len(ordered) == 1
    assert [_text(i).split(" (")[0] for i in _items(ordered[0])] == ["Arcadia"]
    excluded = [c for c in parts["Excluded"].children if c.type == "bullet_list"]
    names = [_text(i).split(" (")[0] for i in _items(excluded[0])]
    assert names == ["Borealis", "Caldera", "Dunmore", "Estuaria"]
    reasons = [c for c in parts["Why"].children if c.type == "bullet_list"]
    assert len(_items(reasons[0])) == 3


def test_an_impossible_date_is_not_a_real_date(repo: RecordsRepo, run_cli: Run) -> None:
    result = run_cli("roster", "next", "--as-of", "2016-02-30", "--repo", repo.root)
    assert result.returncode == 2
    assert "not a real date" in result.stderr and "YYYY-MM-DD" not in result.stderr
    result = run_cli("roster", "next", "--as-of", "2016-2-3", "--repo", repo.root)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_between_a_som_and_its_recorded_decision_the_incumbents_hold_office(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.write(SOMS).commit("soms")
    args = ("roster", "next", "--as-of", "2016-11-15", "--repo", repo.root, "--format", "json")
    data = json.loads(run_cli(*args).stdout)
    assert data["sitting"]["id"] == "som-2016"
    assert any("no decision of it is recorded" in w for w in data["warnings"])
    # The question is still the one that SOM had: seat 2 from 2017, not a vacancy until 2018.
    assert [(v["seat"], v["start"], v["until"]) for v in data["vacancies"]] == [
        (2, "2017-01-01", "2016-12-31")
    ]
