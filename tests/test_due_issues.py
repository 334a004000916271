"""Reminders as GitHub issues: the open/reopen/update/close/leave decisions against recorded
issue lists (what `gh issue list --json ...` printed after earlier runs), and the shipped
workflow applying a plan through a stand-in `gh` that records what it was asked to do."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.repo import RecordsRepo
from tests.system import missing
from tests.test_due import Run, scenario  # noqa: F401 - the scenario fixture
from tests.workflows import run_step, step, workflow


def plan(
    run_cli: Run,
    repo: RecordsRepo,
    as_of: str,
    existing: Path | None = None,
    audience: str = "public",
) -> list[Any]:
    """The steps of `wgctl due --format github-issues`, by the real CLI."""
    args = ["due", "--repo", repo.root, "--as-of", as_of, "--format", "github-issues"]
    if existing is not None:
        args += ["--existing", existing]
    done = run_cli(*args, "--audience", audience)
    assert done.returncode == 0, done.stderr
    steps: list[Any] = json.loads(done.stdout)["steps"]
    return steps


def _official(pid: str, member: str, handle: str, groups: str = "[ewg]") -> str:
    return (
        f"id: {pid}\nsensitivity: members\nname: Official {pid}\nmember: {member}\n"
        f"groups: {groups}\nreview_handle: '{handle}'\n"
        "clearance: {level: national, expires: 2031-02-03}\nsources: [{document: tor}]\n"
    )


# The co-chairs' officials in the group (aland, borduria), an official of a member state that
# owes nothing (carpania), aland's review team (a team is no assignee) and an aland official
# nominated to no group.
OFFICIALS = {
    "records/people/ana.yaml": _official("ana", "aland", "@ana-aland"),
    "records/people/bo.yaml": _official("bo", "borduria", "@bo-borduria"),
    "records/people/cara.yaml": _official("cara", "carpania", "@cara-carpania"),
    "records/people/team.yaml": _official("team", "aland", "@aland/reviewers"),
    "records/people/outside.yaml": _official("outside", "aland", "@al-outside", "[]"),
}
HANDLES = ("ana-aland", "bo-borduria", "cara-carpania", "aland/reviewers", "al-outside")


@pytest.fixture
def staffed(scenario: RecordsRepo) -> RecordsRepo:  # noqa: F811
    """The scenario with officials who have review handles (and clearances)."""
    scenario.write(OFFICIALS).commit("officials")
    return scenario


def listed(steps: list[Any], tmp_path: Path, *, closed: frozenset[str] = frozenset()) -> Path:
    """What `gh issue list` prints after a run applied `steps` (ids in `closed` were closed)."""
    issues = [
        {
            "number": n,
            "title": s["title"],
            "body": s["body"],
            "state": "CLOSED" if s["id"] in closed else "OPEN",
            "labels": [{"name": label} for label in s["labels"]],
        }
        for n, s in enumerate((s for s in steps if s["action"] == "open"), start=1)
    ]
    issues.append(
        {
            "number": 90,
            "title": "Unrelated",
            "body": "a person's issue",
            "state": "OPEN",
            "labels": [],
        }
    )
    path = tmp_path / "existing.json"
    path.write_text(json.dumps(issues), encoding="utf-8")
    return path


def by_id(steps: list[Any]) -> dict[str, Any]:
    return {s["id"]: s for s in steps}


def test_first_run_opens_an_issue_per_due_or_overdue_obligation_only(
    scenario: RecordsRepo,  # noqa: F811
    run_cli: Run,
) -> None:
    steps = by_id(plan(run_cli, scenario, "2017-03-01"))
    late = steps["action-send-statistics"]
    assert late["action"] == "open"
    assert late["labels"] == ["wgctl-due", "kind:action", "due:overdue"]
    assert late["title"] == "Send the arrest statistics to the RSO. (by 2016-12-15)"
    assert "<!-- wgctl-obligation: action-send-statistics -->" in late["body"]
    assert "**Owed by:** Aland" in late["body"]
    assert steps["ewg-som-2017"]["action"] == "leave"  # upcoming: no issue until it is due
    assert steps["ewg-oral-update-2015"]["action"] == "leave"  # done


def test_a_rerun_with_nothing_changed_leaves_every_issue_alone(
    scenario: RecordsRepo,  # noqa: F811
    run_cli: Run,
    tmp_path: Path,
) -> None:
    first = plan(run_cli, scenario, "2017-03-01")
    again = plan(run_cli, scenario, "2017-03-01", listed(first, tmp_path))
    assert {s["action"] for s in again} == {"leave"}
    assert 90 not in {s["number"] for s in again}  # not ours: never touched


def test_done_closes_closed_by_a_person_reopens_and_a_changed_state_updates(
    scenario: RecordsRepo,  # noqa: F811
    run_cli: Run,
    tmp_path: Path,
) -> None:
    first = plan(run_cli, scenario, "2017-03-01")
    numbers = {s["id"]: n for n, s in enumerate((s for s in first if s["action"] == "open"), 1)}
    existing = listed(first, tmp_path, closed=frozenset({"ewg-oral-update-2016"}))
    scenario.edit(
        "records/actions/send-statistics.yaml",
        "owner: aland",
        "owner: aland\nstatus: closed\nclosed: 2017-02-20",
    ).commit("statistics sent")
    steps = by_id(plan(run_cli, scenario, "2017-03-01", existing))
    closing = steps["action-send-statistics"]
    assert (closing["action"], closing["number"]) == ("close", numbers["action-send-statistics"])
    assert closing["reason"] == "done: send-statistics"
    assert closing["labels"][-1] == "due:done" and closing["remove_labels"] == ["due:overdue"]
    reopening = steps["ewg-oral-update-2016"]
    assert (reopening["action"], reopening["number"]) == ("reopen", numbers["ewg-oral-update-2016"])


def test_an_open_issue_of_an_upcoming_obligation_is_updated_as_it_falls_due(
    scenario: RecordsRepo,  # noqa: F811
    run_cli: Run,
    tmp_path: Path,
) -> None:
    early = by_id(plan(run_cli, scenario, "2017-03-01"))["action-plan-jpa"]
    assert early["action"] == "leave"
    # A person opened its issue early with the text of the time (labelled upcoming).
    issue = {
        "number": 7,
        "title": "Draft the plan of the next joint period of action. (by 2017-09-30)",
        "body": "old text\n<!-- wgctl-obligation: action-plan-jpa -->",
        "state": "OPEN",
        "labels": [{"name": "wgctl-due"}, {"name": "kind:action"}, {"name": "due:upcoming"}],
    }
    existing = tmp_path / "existing.json"
    existing.write_text(json.dumps([issue]), encoding="utf-8")
    step = by_id(plan(run_cli, scenario, "2017-09-15", existing))["action-plan-jpa"]
    assert (step["action"], step["number"]) == ("update", 7)
    assert step["remove_labels"] == ["due:upcoming"] and "due:due" in step["labels"]
    issue["state"] = "CLOSED"  # closed by a person while it was still upcoming: stays closed
    existing.write_text(json.dumps([issue]), encoding="utf-8")
    step = by_id(plan(run_cli, scenario, "2017-03-01", existing))["action-plan-jpa"]
    assert (step["action"], step["reason"]) == ("leave", "closed and not yet due")


def test_an_issue_whose_obligation_is_gone_is_left_for_a_person(
    scenario: RecordsRepo,  # noqa: F811
    run_cli: Run,
    tmp_path: Path,
) -> None:
    orphan = {
        "number": 12,
        "title": "Old reminder",
        "body": "<!-- wgctl-obligation: action-removed-record -->",
        "state": "OPEN",
        "labels": [{"name": "wgctl-due"}],
    }
    existing = tmp_path / "existing.json"
    existing.write_text(json.dumps([orphan]), encoding="utf-8")
    step = by_id(plan(run_cli, scenario, "2017-03-01", existing))["action-removed-record"]
    assert (step["action"], step["number"]) == ("leave", 12)


def test_a_members_plan_assigns_the_officials_of_who_owes_each_obligation(
    staffed: RecordsRepo, run_cli: Run
) -> None:
    for audience in ("members", "restricted"):
        steps = by_id(plan(run_cli, staffed, "2017-03-01", audience=audience))
        # The co-chairs in office in 2016 owe its duties: their officials in ewg, not the
        # official outside the group, not Carpania's, and never a team (no GitHub assignee).
        for duty in ("oral-update", "meetings", "written-report"):
            assert steps[f"ewg-{duty}-2016"]["assignees"] == ["ana-aland", "bo-borduria"]
        # Aland owes an action raised at a SOM (in no group): every official of Aland.
        assert steps["action-send-statistics"]["assignees"] == ["al-outside", "ana-aland"]
        assert steps["action-send-statistics"]["action"] == "open"
        assert "2031-02-03" not in json.dumps(steps)  # a clearance reaches no audience


def test_a_public_plan_assigns_nobody_and_names_no_handle_or_clearance(
    staffed: RecordsRepo, run_cli: Run
) -> None:
    args = ["due", "--repo", staffed.root, "--as-of", "2017-03-01", "--format", "github-issues"]
    done = run_cli(*args, "--audience", "public")
    assert done.returncode == 0, done.stderr
    steps = json.loads(done.stdout)["steps"]
    assert [s for s in steps if s["action"] == "open"]  # it does open issues
    assert all(s["assignees"] == [] for s in steps)
    canaries = (*HANDLES, "2031-02-03", *(f"Official {p}" for p in ("ana", "bo", "outside")))
    assert not [c for c in canaries if c in done.stdout + done.stderr]


def _workflow() -> dict[Any, Any]:
    return workflow("reminders.yml")


def _step(name_part: str) -> dict[str, Any]:
    return step("reminders.yml", "reminders", name_part)


def test_reminders_workflow_runs_weekly_and_by_hand_with_a_pinned_wgctl() -> None:
    doc = _workflow()
    on = doc[True]  # PyYAML reads the `on:` key as True (YAML 1.1)
    assert on["schedule"] == [{"cron": "17 6 * * 1"}]
    assert "workflow_dispatch" in on
    assert doc["permissions"] == {"contents": "read", "issues": "write"}
    # Pinned as records.yml pins it: repository variables, else this repository at this commit.
    records = workflow("records.yml")
    assert doc["env"] == records["env"]
    assert doc["env"]["WGCTL_REF"] == "${{ vars.WGCTL_REF || github.sha }}"
    install = next(
        s for s in records["jobs"]["validate"]["steps"] if "Install" in s.get("name", "")
    )
    assert _step("Install")["run"] == install["run"]
    assert "--audience public" in _step("Decide")["run"]


@pytest.mark.parametrize("audience", ["public", "members"])
def test_reminders_workflow_applies_a_plan_with_gh(
    staffed: RecordsRepo, tmp_path: Path, audience: str
) -> None:
    """The three run steps, for real, with a stand-in `gh` that records its arguments: as
    shipped (public) no issue is assigned; a records repository that chooses the members
    audience gets the owing officials assigned."""
    if shutil.which("jq") is None:
        missing("jq")
    calls = tmp_path / "gh-calls"
    recorded = [
        {
            "number": 3,
            "title": "stale",
            "body": "x\n<!-- wgctl-obligation: ewg-oral-update-2016 -->",
            "state": "OPEN",
            "labels": [{"name": "wgctl-due"}],
        }
    ]
    (tmp_path / "issues.json").write_text(json.dumps(recorded), encoding="utf-8")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "gh").write_text(
        "#!/bin/sh\n"
        f'printf "%s|" "$@" >> {calls}; echo >> {calls}\n'
        f'if [ "$1 $2" = "issue list" ]; then cat {tmp_path / "issues.json"}; fi\n'
    )
    (fake / "gh").chmod(0o755)
    env = {"GH_TOKEN": "x", "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"}
    decide = _step("Decide")["run"].replace(
        "--audience public", f"--as-of 2017-03-01 --audience {audience}"
    )
    for script in (_step("List")["run"], decide, _step("Apply")["run"]):
        done = run_step(script, staffed.root, env)
        assert done.returncode == 0, done.stderr
    lines = calls.read_text(encoding="utf-8").splitlines()
    assert "label|create|wgctl-due|--force|" in "\n".join(lines)
    creates = [line for line in lines if line.startswith("issue|create|")]
    assert any("Send the arrest statistics" in line for line in creates)
    assert any("wgctl-due,kind:action,due:overdue" in line for line in creates)
    edits = [line for line in lines if line.startswith("issue|edit|3|")]
    assert len(edits) == 1 and "due:overdue" in edits[0]
    assert not [line for line in lines if line.startswith(("issue|close", "issue|reopen"))]
    assigned = [line for line in creates if "|--assignee|" in line]
    if audience == "public":
        assert not assigned and not [h for h in HANDLES if h in "\n".join(lines)]
    else:
        assert any("|--assignee|ana-aland,bo-borduria|" in line for line in assigned)
        assert all("aland/reviewers" not in line for line in lines)
