"""`wgctl due`: obligations from the records, through the real CLI, over a real git repository.

The scenario spans the bootstrap (the group's first two co-chairs start together), a steady
year (SOM held, oral update given, meeting held) and a year with no SOM recorded; `--as-of`
pins each test to a date.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import icalendar
import pytest

from tests.repo import RecordsRepo, problems

Run = Callable[..., Any]

SRC = "sources: [{document: tor}]"
SCENARIO = {
    "records/meetings/som-2015.yaml": f"""\
        id: som-2015
        sensitivity: public
        type: som
        title: 9th AHG Senior Officials Meeting
        start: 2015-10-10
        oral_updates: [ewg]
        {SRC}
    """,
    "records/meetings/som-2016.yaml": f"""\
        id: som-2016
        sensitivity: public
        type: som
        title: 10th AHG Senior Officials Meeting
        start: 2016-10-10
        {SRC}
    """,
    "records/meetings/ewg-2015.yaml": f"""\
        id: ewg-2015
        sensitivity: public
        type: working-group-meeting
        title: EWG annual meeting 2015
        group: ewg
        start: 2015-05-05
        agenda: [Joint period of action planning]
        {SRC}
    """,
    "records/documents/ewg-report-2015.yaml": f"""\
        id: ewg-report-2015
        sensitivity: public
        type: written-report
        title: EWG written report 2015
        date: 2015-12-01
        group: ewg
        {SRC}
    """,
    "records/actions/send-statistics.yaml": f"""\
        id: send-statistics
        sensitivity: public
        text: Send the arrest statistics to the RSO.
        raised_at: som-2016
        owner: aland
        due: 2016-12-15
        {SRC}
    """,
    "records/actions/plan-jpa.yaml": f"""\
        id: plan-jpa
        sensitivity: public
        text: Draft the plan of the next joint period of action.
        raised_at: som-2016
        owner: ewg
        due: 2017-09-30
        {SRC}
    """,
}
POLICY = """\
  membership: ahg-member-states
  meetings_per_year: {min: 1, max: 2}
  reporting: {written_report_to: steering-group, oral_update_at: som}
  clauses:
    reporting: The co-chairs report each year, in writing and orally.
"""


@pytest.fixture
def scenario(repo: RecordsRepo) -> RecordsRepo:
    repo.write(SCENARIO)
    repo.edit("records/groups/ewg.yaml", "  membership: ahg-member-states\n", POLICY)
    repo.commit("a steady year and a year without a SOM")
    return repo


def due_json(run_cli: Run, repo: RecordsRepo, *args: str) -> dict[str, dict[str, Any]]:
    """Obligations by id, from `wgctl due --format json`."""
    done = run_cli("due", "--repo", repo.root, "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    return {o["id"]: o for o in doc["obligations"]}


def test_bootstrap_year_lists_the_next_recorded_som_and_no_report_before_a_co_chair(
    scenario: RecordsRepo, run_cli: Run
) -> None:
    found = due_json(run_cli, scenario, "--as-of", "2014-09-01")
    som = found["ewg-som-2015"]
    assert (som["date"], som["estimated"], som["state"]) == ("2015-10-10", False, "upcoming")
    # No co-chair is in office in 2014, so no 2014 report is owed (as WG302 judges it).
    assert not [i for i in found if i.startswith("ewg-written-report")]


def test_steady_year_shows_what_is_done_and_by_which_record(
    scenario: RecordsRepo, run_cli: Run
) -> None:
    found = due_json(run_cli, scenario, "--as-of", "2015-11-01")
    oral = found["ewg-oral-update-2015"]
    # Stable keys, in this order: the dashboard and scripts read them.
    assert list(oral) == [
        "id", "kind", "group", "date", "estimated", "what", "owed_by", "why", "quote",
        "state", "done_by", "rule", "record",
    ]  # fmt: skip
    assert (oral["state"], oral["done_by"], oral["date"]) == ("done", "som-2015", "2015-10-10")
    assert oral["why"] == "ToR clause 'reporting' (policy.reporting.oral_update_at)"
    assert oral["quote"] == "The co-chairs report each year, in writing and orally."
    assert found["ewg-meetings-2015"]["done_by"] == "ewg-2015"
    assert found["ewg-written-report-2015"]["state"] == "upcoming"
    # Both first-term seats end together at the SOM of 2016: nominations are owed before it.
    nominations = found["ewg-nominations-2017"]
    assert (nominations["date"], nominations["state"]) == ("2016-10-10", "upcoming")
    assert nominations["owed_by"] == "AHG members"


def test_recorded_nominations_mark_the_nominations_done(
    scenario: RecordsRepo, run_cli: Run
) -> None:
    scenario.edit(
        "records/groups/ewg.yaml",
        "sources: [{document: tor, section: Chairing arrangements}]",
        "nominations:\n  - {member: carpania, year: 2017}\n  - {member: aland, year: 2017}\n"
        "sources: [{document: tor, section: Chairing arrangements}]",
    ).commit("nominations")
    found = due_json(run_cli, scenario, "--as-of", "2016-09-20")
    assert found["ewg-nominations-2017"]["state"] == "done"
    assert found["ewg-nominations-2017"]["done_by"] == "ewg"


def test_year_without_a_som_estimates_it_and_keeps_the_id_once_recorded(
    scenario: RecordsRepo, run_cli: Run
) -> None:
    found = due_json(run_cli, scenario, "--as-of", "2017-03-01")
    som = found["ewg-som-2017"]
    assert (som["date"], som["estimated"]) == ("2017-10-10", True)
    assert "estimate" in som["what"]
    late = found["action-send-statistics"]
    assert (late["state"], late["rule"]) == ("overdue", "WG501")
    assert found["ewg-oral-update-2016"]["state"] == "overdue"
    assert found["ewg-oral-update-2016"]["rule"] == "WG303"

    scenario.write(
        {
            "records/meetings/som-2017.yaml": f"""\
                id: som-2017
                sensitivity: public
                type: som
                title: 11th AHG Senior Officials Meeting
                start: 2017-11-20
                {SRC}
            """
        }
    ).commit("the 2017 SOM is set")
    som = due_json(run_cli, scenario, "--as-of", "2017-03-01")["ewg-som-2017"]
    assert (som["date"], som["estimated"]) == ("2017-11-20", False)


def test_within_keeps_overdue_and_the_near_ones(scenario: RecordsRepo, run_cli: Run) -> None:
    everything = due_json(run_cli, scenario, "--as-of", "2017-09-15")
    near = due_json(run_cli, scenario, "--as-of", "2017-09-15", "--within", "30")
    assert "action-plan-jpa" in near  # due 2017-09-30
    assert "action-send-statistics" in near  # overdue since 2016
    assert "ewg-oral-update-2015" not in near  # done long ago
    assert set(near) < set(everything)


def test_validate_gains_no_new_noise(scenario: RecordsRepo, run_cli: Run) -> None:
    """An upcoming obligation is no warning; an overdue one keeps its existing rule code.

    `validate` judges on today's date, so this compares with `due` on today's date too; the
    upcoming action is due in 2199.
    """
    scenario.write(
        {
            "records/actions/far-off.yaml": f"""\
                id: far-off
                sensitivity: public
                text: Review the terms of reference again.
                owner: ewg
                due: 2199-12-31
                {SRC}
            """
        }
    ).commit("a far-off action")
    found = due_json(run_cli, scenario)
    assert found["action-far-off"]["state"] == "upcoming"
    _, listed = problems(run_cli, scenario)
    assert not [p for p in listed if p[0] == "records/actions/far-off.yaml"]
    coded = {(path, rule) for path, _, rule, _ in listed}
    overdue = {(o["record"], o["rule"]) for o in found.values() if o["state"] == "overdue"}
    assert ("records/actions/send-statistics.yaml", "WG501") in overdue
    assert ("records/groups/ewg.yaml", "WG303") in overdue
    assert overdue <= coded | {(p, None) for p, _ in overdue}


def test_markdown_and_text_name_state_and_rule(scenario: RecordsRepo, run_cli: Run) -> None:
    md = run_cli("due", "--repo", scenario.root, "--as-of", "2017-03-01", "--format", "md")
    assert md.returncode == 0, md.stderr
    row = next(line for line in md.stdout.splitlines() if "action-send-statistics" in line)
    assert "| overdue \\[WG501\\] |" in row and "| Aland |" in row
    text = run_cli("due", "--repo", scenario.root, "--as-of", "2017-03-01", "--group", "ewg")
    assert text.returncode == 0, text.stderr
    assert "ewg-oral-update-2016" in text.stdout and "[WG303]" in text.stdout
    assert "send-statistics" not in text.stdout  # Aland's action, raised at the SOM: not ewg's
    assert "Obligations as of 2017-03-01 (public audience)" in text.stdout


def test_ics_has_one_todo_per_obligation_with_stable_uids_and_alarms(
    scenario: RecordsRepo, run_cli: Run, tmp_path: Any
) -> None:
    args = ("due", "--repo", scenario.root, "--as-of", "2017-03-01", "--format", "ics")
    first = run_cli(*args, "-o", tmp_path / "a.ics")
    again = run_cli(*args, "-o", tmp_path / "b.ics")
    assert first.returncode == again.returncode == 0, first.stderr
    data = (tmp_path / "a.ics").read_bytes()
    assert data == (tmp_path / "b.ics").read_bytes()
    found = due_json(run_cli, scenario, "--as-of", "2017-03-01")
    todos = icalendar.Calendar.from_ical(data).walk("VTODO")
    assert sorted(str(t["UID"]) for t in todos) == sorted(f"{i}@wgctl" for i in found)
    late = next(t for t in todos if t["UID"] == "action-send-statistics@wgctl")
    assert late.decoded("DUE").isoformat() == "2016-12-15"
    assert str(late["STATUS"]) == "NEEDS-ACTION"
    assert [a["ACTION"] for a in late.walk("VALARM")] == ["DISPLAY"]
    done = next(t for t in todos if t["UID"] == "ewg-oral-update-2015@wgctl")
    assert str(done["STATUS"]) == "COMPLETED" and not done.walk("VALARM")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--group", "nope"), "wgctl: unknown group 'nope' (groups: ewg)"),
        (("--as-of", "2017-02-30"), "wgctl: --as-of '2017-02-30': not a real date"),
        (
            ("--as-of", "1066-10-14"),
            "wgctl: --as-of '1066-10-14': year must be between 1900 and 2200",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    scenario: RecordsRepo, run_cli: Run, args: tuple[str, ...], message: str
) -> None:
    done = run_cli("due", "--repo", scenario.root, *args)
    assert done.returncode == 2
    assert done.stderr.strip() == message
    assert done.stdout == ""


def test_an_unreadable_existing_issue_list_is_refused(
    scenario: RecordsRepo, run_cli: Run, tmp_path: Any
) -> None:
    listing = tmp_path / "issues.json"
    listing.write_text('{"not": "a list"}', encoding="utf-8")
    done = run_cli(
        "due", "--repo", scenario.root, "--format", "github-issues", "--existing", listing
    )
    assert done.returncode == 2
    assert done.stderr.strip().endswith(
        "not the JSON of `gh issue list --json number,title,body,state,labels`"
    )


def test_existing_goes_only_with_github_issues(
    scenario: RecordsRepo, run_cli: Run, tmp_path: Any
) -> None:
    listing = tmp_path / "issues.json"
    listing.write_text("[]", encoding="utf-8")
    done = run_cli("due", "--repo", scenario.root, "--format", "json", "--existing", listing)
    assert (done.returncode, done.stderr.strip()) == (
        2,
        "wgctl: --existing goes with --format github-issues",
    )


def test_with_no_som_on_record_the_som_date_is_unknown_not_due(
    empty_repo: RecordsRepo, run_cli: Run
) -> None:
    empty_repo.write(
        {
            "records/documents/tor.yaml": "id: tor\nsensitivity: public\ntype: terms-of-reference\n"
            "title: ToR\ndate: 2020-01-01\nsources: [{document: tor}]\n",
            "records/organisations/aland.yaml": "id: aland\nsensitivity: public\nname: Aland\n"
            "type: state\nahg_member: true\nsources: [{document: tor}]\n",
            "records/groups/ngwg.yaml": "id: ngwg\nsensitivity: public\nname: New Group\n"
            "established: 2020-01-01\npolicy: {seats: 1}\nsources: [{document: tor}]\n",
        }
    ).commit("a group and no SOM")
    som = due_json(run_cli, empty_repo, "--as-of", "2021-03-01")["ngwg-som-2021"]
    assert (som["estimated"], som["state"]) == (True, "upcoming")
    assert "the next SOM (date unknown)" in som["what"]


def test_a_year_without_a_som_owes_its_oral_update_on_the_estimated_date(
    scenario: RecordsRepo, run_cli: Run
) -> None:
    scenario.edit(
        "records/groups/ewg.yaml",
        "    decided_at: som-2014\nsources",
        "    decided_at: som-2014\n  - seat: 2\n    member: carpania\n    start: 2017-01-01\n"
        "    end: 2018-12-31\n    decided_at: som-2016\nsources",
    ).commit("Carpania takes seat 2 for 2017-2018")
    during = due_json(run_cli, scenario, "--as-of", "2017-03-01")["ewg-oral-update-2017"]
    assert (during["date"], during["estimated"], during["state"]) == (
        "2017-10-10",
        True,
        "upcoming",
    )
    after = due_json(run_cli, scenario, "--as-of", "2018-01-15")["ewg-oral-update-2017"]
    assert (after["date"], after["estimated"], after["state"], after["rule"]) == (
        "2017-12-31",
        True,
        "overdue",
        "WG303",
    )


def test_a_recurring_action_is_due_on_its_next_anniversary_and_never_overdue(
    scenario: RecordsRepo, run_cli: Run
) -> None:
    scenario.write(
        {
            "records/actions/annual-review.yaml": f"""\
                id: annual-review
                sensitivity: public
                text: Review the catalogue chapters each year, as the briefing asks of every member.
                owner: ahg
                due: 2015-06-01
                recurring: annual
                {SRC}
            """,
        }
    ).commit("a recurring action")
    found = due_json(run_cli, scenario, "--as-of", "2017-07-01")["action-annual-review"]
    assert (found["date"], found["state"], found["rule"]) == ("2018-06-01", "upcoming", None)
