"""Meetings have a state, periods of action have results, reports speak as of their date (13.4-5)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

from tests.conftest import PROJECT
from tests.repo import RecordsRepo

Result = subprocess.CompletedProcess[str]


def report(run_cli: Callable[..., Result], root: object, *args: str) -> str:
    done = run_cli("report", *args, "--repo", root)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_planned_meeting_is_never_a_summary_record(
    run_cli: Callable[..., Result], repo: RecordsRepo
) -> None:
    path = "records/meetings/som-2014.yaml"
    before = report(run_cli, repo.root, "meeting", "som-2014", "--as-of", "2014-08-01")
    assert before.startswith("# 8th AHG Senior Officials Meeting: Agenda\n")
    assert "## Decisions" not in before and "## Outcomes" not in before
    after = report(run_cli, repo.root, "meeting", "som-2014", "--as-of", "2015-01-01")
    assert after.startswith("# 8th AHG Senior Officials Meeting: Summary Record\n")
    repo.edit(path, "number: 8\n", "number: 8\ncancelled: true\n")
    cancelled = report(run_cli, repo.root, "meeting", "som-2014", "--as-of", "2015-01-01")
    assert cancelled.startswith("# 8th AHG Senior Officials Meeting: Cancelled\n")
    assert "The meeting was cancelled." in cancelled and "## Outcomes" not in cancelled


def test_a_joint_period_of_action_is_a_period_with_results(
    run_cli: Callable[..., Result],
) -> None:
    text = report(run_cli, PROJECT, "meeting", "jpa-3", "--as-of", "2017-10-31")
    assert text.startswith("# Third Joint Period of Action: Results\n")
    assert "Period of action: March to August 2017." in text
    assert "Agenda" not in text and "No agenda" not in text and "Decisions" not in text
    assert "| persons convicted | 72 |" in text


def test_the_progress_report_compares_the_periods_of_action_once(
    run_cli: Callable[..., Result],
) -> None:
    text = report(run_cli, PROJECT, "progress", "--until", "2017-10-31")
    assert "(Figures:" not in text
    table = text.split("## Joint Periods of Action: results compared\n")[1]
    assert "| Counted | First Joint Period of Action | Second Joint Period of Action |" in table
    assert "| arrests | — | over 30 | 10 |" in table
    assert (
        text.count("persons convicted") == 1
    )  # the table; the prose says "persons being convicted"


def test_the_record_of_a_meeting_lists_the_actions_it_raised(
    run_cli: Callable[..., Result],
) -> None:
    text = report(run_cli, PROJECT, "meeting", "ahg-som-2011-10-sydney", "--as-of", "2011-10-20")
    raised = text.split("## Action items raised\n")[1]
    assert "| UNODC to finalize the catalogues" in raised
    assert "overdue" not in raised  # as of 20 October 2011 nothing was due yet


def test_the_tracker_and_the_oral_update_speak_as_of_their_date(
    run_cli: Callable[..., Result], repo: RecordsRepo
) -> None:
    repo.edit(
        "records/actions/nominate-focal-point.yaml",
        "closed: 2014-08-19",
        "closed: 2014-08-19\nclosing_note: Done in August.",
    )
    before = report(run_cli, repo.root, "actions", "--as-of", "2014-08-10")
    assert "| open |" in before and "Done in August" not in before
    after = report(run_cli, repo.root, "actions", "--as-of", "2014-09-01")
    assert "closed 19 August 2014: Done in August." in after
    earlier = report(run_cli, repo.root, "actions", "--as-of", "2014-01-01")
    assert "0 action items" in earlier  # raised at the SOM of August 2014: not yet
    oral = report(run_cli, repo.root, "oral", "ewg", "--until", "2014-09-01")
    assert "today" not in oral and "in office on 1 September 2014" in oral


def test_work_over_a_period_that_ends_in_the_reporting_period_is_current(
    run_cli: Callable[..., Result],
) -> None:
    text = report(run_cli, PROJECT, "progress", "--until", "2017-10-31")
    row = next(line for line in text.splitlines() if line.startswith("| **2.3**"))
    assert "June 2016 - June 2017" in row and "Background" not in row
    assert "<br>2) IOM has delivered" in row  # the source's order, numbered


def test_text_from_another_document_is_not_printed_in_the_progress_report(
    run_cli: Callable[..., Result],
) -> None:
    text = report(run_cli, PROJECT, "progress", "--until", "2017-10-31")
    row = next(line for line in text.splitlines() if line.startswith("| **2.1**"))
    assert "2011" not in row and "Online Reporting Template" not in row
    annual = report(run_cli, PROJECT, "oral", "dwg", "--until", "2017-10-31")
    assert "Traceback" not in annual


def test_the_nominations_paper_sets_out_the_choice_for_each_audience(
    run_cli: Callable[..., Result],
) -> None:
    root = PROJECT / "examples"
    members = report(
        run_cli, root, "nominations", "fwg", "--as-of", "2026-12-01", "--audience", "members"
    )
    public = report(run_cli, root, "nominations", "fwg", "--as-of", "2026-12-01")
    assert members.startswith("# Harbour WG: Co-Chair Nominations, ")
    assert "| Caldera | nominated | an AHG member state; nominated on 2026-10-01" in members
    assert "The rules point to **Caldera** (nominated)" in members
    # Caldera's 2028 nomination is members-only: a public paper never says it was nominated.
    assert "Caldera" not in public and "2026-10-01" not in public
    assert "No eligible member is nominated" in public
    assert "5 other members are not nominated." in public


def test_the_comparison_names_status_changes_new_and_quiet_items(
    run_cli: Callable[..., Result], repo: RecordsRepo
) -> None:
    repo.edit(
        "records/initiatives/joint-action.yaml",
        "    figures: [{name: countries, value: 8}]\n",
        "    figures: [{name: countries, value: 8}]\n"
        "  - date: 2016-03-01\n    status: completed\n    text: The work was completed.\n",
    )
    text = report(
        run_cli, repo.root, "compare", "--until", "2016-10-31", "--previous", "2015-12-31"
    )
    changed = text.split("## Changed status\n")[1].split("##")[0]
    assert "**1.1** Conduct joint periods of action: ongoing → completed" in changed
