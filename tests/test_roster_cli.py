"""`wgctl roster`: next, show, plan and apply through the real CLI on real git repositories."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.repo import RecordsRepo

Run = Callable[..., "object"]

SOMS = {
    f"records/meetings/som-{year}.yaml": f"""\
        id: som-{year}
        sensitivity: public
        type: som
        title: AHG Senior Officials Meeting {year}
        start: {year}-11-01
        sources: [{{document: tor}}]
    """
    for year in (2015, 2016, 2017)
}


SOURCES = "sources: [{document: tor, section: Chairing arrangements}]"


def nominate(repo: RecordsRepo, *entries: str) -> None:
    """Record nominations (flow mappings, e.g. `{member: carpania, year: 2017}`) and commit."""
    lines = "".join(f"  - {e}\n" for e in entries)
    repo.edit("records/groups/ewg.yaml", SOURCES, f"nominations:\n{lines}{SOURCES}")
    repo.commit("nominations")


def _copy_records(source: Path, repo: RecordsRepo, group: str) -> None:
    # A missing group is a failure, not a skip: these tests exist to exercise those records.
    assert (source / "records" / "groups" / f"{group}.yaml").exists(), (
        f"group {group} is missing from {source.name}/records"
    )
    shutil.copytree(source / "records", repo.root / "records")
    repo.commit("records")


def test_next_on_bundled_records_explains_the_first_term_bootstrap(
    empty_repo: RecordsRepo, run_cli: Run
) -> None:
    _copy_records(PROJECT, empty_repo, "dwg")
    result = run_cli("roster", "next", "dwg", "--as-of", "2016-06-01", "--repo", empty_repo.root)
    out = result.stdout  # type: ignore[attr-defined]
    assert result.returncode == 0, out  # type: ignore[attr-defined]
    assert "The first term ends" in out
    assert "Sri Lanka" in out
    assert "both end on 2016-12-31" in out
    assert "stagger" in out
    assert "extending seat 1" in out
    assert "unless otherwise agreed" in out  # the ToR's own clause, cited
    assert "Seat 2 falls vacant: new term 2017-01-01 to 2018-12-31" in out


def test_next_on_examples_names_the_nominee_with_reasons(
    empty_repo: RecordsRepo, run_cli: Run
) -> None:
    _copy_records(PROJECT / "examples", empty_repo, "fwg")
    result = run_cli("roster", "next", "--as-of", "2026-12-01", "--repo", empty_repo.root)
    out = result.stdout  # type: ignore[attr-defined]
    assert result.returncode == 0, out  # type: ignore[attr-defined]
    assert "(estimate)" in out
    assert "Recommended: Caldera: an AHG member state; nominated on 2026-10-01 for 2028" in out
    assert "Estuaria (estuaria): served too recently" in out
    data = json.loads(
        run_cli(
            "roster", "next", "--as-of", "2026-12-01", "--repo", empty_repo.root, "--format", "json"
        ).stdout  # type: ignore[attr-defined]
    )
    assert [v["recommended"] for v in data["vacancies"]] == ["caldera"]


def test_next_without_nominations_recommends_nobody_and_lists_the_options(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.write(SOMS).commit("soms")
    result = run_cli("roster", "next", "--as-of", "2016-06-01", "--repo", repo.root)
    out = result.stdout  # type: ignore[attr-defined]
    assert result.returncode == 0
    assert "Seat 2: no eligible member is nominated for 2017" in out
    assert "Recommended: nobody: no eligible member is nominated" in out
    assert "Call for nominations for 2017: a nomination must be recorded by 2016-11-01" in out
    assert "Extend Borduria in seat 2 to 2017-12-31" in out
    assert "needs the Working Group members' agreement" in out
    assert "Carpania (carpania): not nominated for 2017 (the positions are voluntary)" in out
    assert "IOM (iom): not a member state" in out
    assert "Recommended: Carpania" not in out


def test_show_prints_seats_and_timeline(repo: RecordsRepo, run_cli: Run) -> None:
    result = run_cli("roster", "show", "--repo", repo.root)
    out = result.stdout  # type: ignore[attr-defined]
    assert result.returncode == 0
    assert "2015-01-01 to 2016-12-31: Aland (aland), decided at som-2014 (2014-08-06)" in out
    assert "  2015  Aland*     Borduria*" in out
    md = run_cli("roster", "show", "--repo", repo.root, "--format", "md").stdout  # type: ignore[attr-defined]
    assert "| 2016 | Aland | Borduria |" in md


def test_plan_names_the_agreements_it_relies_on(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write(SOMS).commit("soms")
    nominate(repo, "{member: carpania, year: 2017, date: 2016-09-01}")
    result = run_cli("roster", "plan", "--years", "1", "--as-of", "2016-06-01", "--repo", repo.root)
    out = result.stdout  # type: ignore[attr-defined]
    assert result.returncode == 0
    assert "seat 1: extend aland to 2017-12-31 (needs the members' agreement)" in out
    assert "seat 2: Carpania, 2017-01-01 to 2018-12-31" in out
    assert "keeps the rules only if the members record these agreements" in out
    assert "keeps every co-chair rule" not in out


def test_plan_says_every_rule_is_kept_only_when_it_is(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write(SOMS).commit("soms")
    result = run_cli("roster", "plan", "--years", "2", "--as-of", "2016-06-01", "--repo", repo.root)
    out = result.stdout  # type: ignore[attr-defined]
    assert "The projection leaves seats vacant" in out
    assert "keeps every co-chair rule" not in out


def test_unknown_group_and_invalid_repository_are_one_line_errors(
    repo: RecordsRepo, run_cli: Run
) -> None:
    result = run_cli("roster", "show", "nope", "--repo", repo.root)
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert result.stderr.strip() == "wgctl: no group 'nope' (groups: ewg)"  # type: ignore[attr-defined]
    repo.edit("records/groups/ewg.yaml", "member: aland", "member: iom").commit("break")
    result = run_cli("roster", "next", "--repo", repo.root)
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert "WG205" in result.stderr  # type: ignore[attr-defined]
    assert len(result.stderr.strip().splitlines()) == 1  # type: ignore[attr-defined]


GROUP = "records/groups/ewg.yaml"


def test_apply_writes_the_agreement_and_only_the_new_lines(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write(SOMS).commit("soms")
    nominate(repo, "{member: carpania, year: 2017, date: 2016-09-01}")
    extend = ("roster", "apply", "--extend-seat", "1", "--until", "2017-12-31")
    args = (*extend, "--decided-at", "som-2016", "--repo", repo.root)
    refused = run_cli(*args)
    assert refused.returncode == 1  # type: ignore[attr-defined]
    assert "[WG203]" in refused.stderr and "--agreed-exception" in refused.stderr  # type: ignore[attr-defined]
    words = "The SOM agreed that Aland serves a third year to establish the stagger."
    result = run_cli(*args, "--agreed-exception", words)
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    assert "by the agreement ewg-seat-1-extension-2017-01-01 recorded on som-2016" in result.stdout  # type: ignore[attr-defined]
    assert repo.read("records/meetings/som-2016.yaml").endswith(
        "decisions:\n- id: ewg-seat-1-extension-2017-01-01\n  text: " + words + "\n"
    )
    repo.commit("seat 1 extended")
    result = run_cli(*APPLY_SEAT_2, "carpania", "--repo", repo.root)
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    assert "seat 2: carpania from 2017-01-01 to 2018-12-31" in result.stdout  # type: ignore[attr-defined]
    diff = repo.git("diff", "-U0", "HEAD~1", "--", GROUP)
    removed = [x for x in diff.splitlines() if x.startswith("-") and not x.startswith("---")]
    added = [x[1:] for x in diff.splitlines() if x.startswith("+") and not x.startswith("+++")]
    assert removed == []
    assert added == [
        "    extension:",
        "      until: 2017-12-31",
        "      decided_at: som-2016",
        "      agreement:",
        "        meeting: som-2016",
        "        decision: ewg-seat-1-extension-2017-01-01",
        "  - seat: 2",
        "    member: carpania",
        "    start: 2017-01-01",
        "    end: 2018-12-31",
        "    decided_at: som-2016",
    ]
    assert repo.read(GROUP).startswith("# The example working group.\n")
    assert run_cli("validate", "--repo", repo.root).returncode == 0  # type: ignore[attr-defined]


def test_apply_refuses_a_decision_that_breaks_a_rule(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write(SOMS).commit("soms")
    nominate(repo, "{member: aland, year: 2017, withdrawn: true}", "{member: carpania, year: 2018}")
    before = (repo.root / GROUP).read_bytes()
    result = run_cli(*APPLY_SEAT_2, "iom", "--repo", repo.root)
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert "refused, nothing written" in result.stderr and "[WG205]" in result.stderr  # type: ignore[attr-defined]
    result = run_cli(*APPLY_SEAT_2, "aland", "--repo", repo.root)
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert "aland withdrew its nomination for 2017" in result.stderr  # type: ignore[attr-defined]
    six_years = ("roster", "apply", "--extend-seat", "1", "--until", "2020-12-31")
    result = run_cli(*six_years, "--decided-at", "som-2016", "--repo", repo.root)
    assert result.returncode == 1 and "[WG203]" in result.stderr  # type: ignore[attr-defined]
    # Seat 1 left open in 2017: a vacancy the members must agree.
    args = ("roster", "apply", "--seat", "1", "--member", "carpania", "--decided-at", "som-2017")
    args = (*args, "--start", "2018-01-01", "--repo", repo.root)
    result = run_cli(*args)
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert "[WG202]" in result.stderr and "--agreed-exception" in result.stderr  # type: ignore[attr-defined]
    assert (repo.root / GROUP).read_bytes() == before
    result = run_cli(*args, "--agreed-exception", "SOM 2017 agreed to leave seat 1 open in 2017")
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    assert "note (agreed exception)" in result.stdout  # type: ignore[attr-defined]
    assert "decision: ewg-seat-1-term-2018-01-01" in repo.read(GROUP)


def test_apply_records_a_longer_term_with_its_agreement(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write(SOMS).commit("soms")
    nominate(repo, "{member: carpania, year: 2017}")
    args = (*APPLY_SEAT_2, "carpania", "--years", "3", "--repo", repo.root)
    result = run_cli(*args)
    assert result.returncode == 1 and "[WG203]" in result.stderr  # type: ignore[attr-defined]
    result = run_cli(*args, "--agreed-exception", "three years agreed by the members")
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    text = repo.read(GROUP)
    assert (
        "    end: 2019-12-31\n    decided_at: som-2016\n    agreement:\n      meeting: som-2016\n"
        "      decision: ewg-seat-2-term-2017-01-01\n" in text
    )
    assert "text: three years agreed by the members" in repo.read("records/meetings/som-2016.yaml")
    assert run_cli("validate", "--repo", repo.root).returncode == 0  # type: ignore[attr-defined]


def test_apply_refuses_an_agreement_nothing_needs(repo: RecordsRepo, run_cli: Run) -> None:
    repo.write(SOMS).commit("soms")
    nominate(repo, "{member: carpania, year: 2017}")
    before = repo.read(GROUP)
    result = run_cli(*APPLY_SEAT_2, "carpania", "--agreed-exception", "x", "--repo", repo.root)
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert "nothing in this decision needs the members' agreement" in result.stderr  # type: ignore[attr-defined]
    assert repo.read(GROUP) == before


APPLY_SEAT_2 = ("roster", "apply", "--seat", "2", "--decided-at", "som-2016", "--member")


def test_apply_refuses_a_group_file_with_unrecorded_changes(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.write(SOMS).commit("soms")
    nominate(repo, "{member: carpania, year: 2017}", "{member: aland, year: 2017}")
    first = run_cli(*APPLY_SEAT_2, "carpania", "--repo", repo.root)
    assert first.returncode == 0, first.stderr  # type: ignore[attr-defined]
    second = run_cli(*APPLY_SEAT_2, "aland", "--repo", repo.root)
    assert second.returncode == 1  # type: ignore[attr-defined]
    assert second.stderr == (  # type: ignore[attr-defined]
        f"wgctl: {GROUP}: has changes git has not recorded; commit them first, or use --force\n"
    )
    assert repo.read(GROUP).count("    start: 2017-01-01\n") == 1
    assert run_cli("validate", "--repo", repo.root).returncode == 0  # type: ignore[attr-defined]


def test_a_concurrent_apply_is_refused_and_the_file_keeps_one_new_term(
    repo: RecordsRepo, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another apply finishes while this one checks the rules on what it read: refused."""
    import subprocess
    import sys

    from wgctl.roster import apply as apply_module

    repo.write(SOMS).commit("soms")
    nominate(repo, "{member: carpania, year: 2017}", "{member: aland, year: 2017}")
    real = apply_module.plan_decision
    other: list[subprocess.CompletedProcess[str]] = []

    def racing(*args: object, **kwargs: object) -> object:
        command = [sys.executable, "-m", "wgctl", *APPLY_SEAT_2, "carpania", "--repo"]
        other.append(
            subprocess.run([*command, str(repo.root)], check=False, capture_output=True, text=True)
        )
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(apply_module, "plan_decision", racing)
    mine = run_cli(*APPLY_SEAT_2, "aland", "--repo", repo.root)
    assert other[0].returncode == 0, other[0].stderr
    assert mine.returncode == 1  # type: ignore[attr-defined]
    assert mine.stderr == (  # type: ignore[attr-defined]
        f"wgctl: {GROUP}: the file changed since it was read; nothing written, try again\n"
    )
    text = repo.read(GROUP)
    assert "member: carpania\n    start: 2017-01-01" in text
    assert "member: aland\n    start: 2017-01-01" not in text
    assert run_cli("validate", "--repo", repo.root).returncode == 0  # type: ignore[attr-defined]
