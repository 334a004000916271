"""Snapshots of every report's Markdown over a small fictional repository (`tests/golden/`).

Refresh after an intended change with `make golden` (WGCTL_UPDATE_GOLDEN=1), then review the diff.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.repo import RecordsRepo

Result = subprocess.CompletedProcess[str]
GOLDEN = Path(__file__).parent / "golden"

EXTRA: dict[str, str] = {
    "profile.yaml": """\
        organisation: Example Process
        body: Ad Hoc Group
        purpose: It indicates the status of the Example Process work plan.
        channel: the Example Process co-chairs
        document_prefix: EP-AHG
    """,
    "records/meetings/som-2016.yaml": """\
        id: som-2016
        sensitivity: public
        type: som
        title: 11th AHG Senior Officials Meeting
        number: 11
        start: 2016-11-01
        precision: month
        location: Colombo
        decisions:
          - text: Endorsed the review of the first term.
        sources: [{document: tor}]
    """,
    "records/meetings/ewg-2016.yaml": """\
        id: ewg-2016
        sensitivity: public
        type: working-group-meeting
        title: Example Working Group meeting 2016
        group: ewg
        start: 2016-05-10
        end: 2016-05-11
        location: Port Example
        host: carpania
        chairs: [aland, borduria]
        participants: [aland, borduria, carpania]
        chatham_house: true
        agenda: [Plan the first Joint Period of Action, Any other business]
        decisions:
          - text: Agreed the operational plan.
          - text: Agreed the target list.
            sensitivity: members
        statements:
          - text: A participant described a new smuggling route.
        outcomes: [An operational plan for 2016.]
        sources: [{document: tor}]
    """,
    "records/meetings/jpa-1.yaml": """\
        id: jpa-1
        sensitivity: public
        type: joint-period-of-action
        title: First Joint Period of Action
        group: ewg
        start: 2016-03-01
        end: 2016-08-31
        precision: month
        participants: [aland, borduria, carpania]
        outcomes: [Three joint operations disrupted one network.]
        figures: [{name: joint operations, value: 3}, {name: arrests, value: 12, qualifier: over}]
        sources: [{document: tor}]
    """,
    "records/initiatives/dormant-item.yaml": """\
        id: dormant-item
        sensitivity: public
        number: "1.2"
        theme: cooperation
        title: Revive the experts group
        who: [{party: carpania, qualifier: as convenor}]
        status: dormant
        updates:
          - date: 2014-10-01
            precision: month
            text: The experts group last met in October 2014.
        sources: [{document: tor}]
    """,
    "records/actions/debrief.yaml": """\
        id: debrief
        sensitivity: public
        text: Hold the debrief meeting of the first Joint Period of Action.
        raised_at: ewg-2016
        owner: ewg
        due: 2017-06-30
        sources: [{document: tor}]
    """,
}

UPDATES = """\
          - date: 2015-10-28
            text: The first period of action ended.
            figures: [{name: countries, value: 8}]
          - date: 2016-08-01
            precision: month
            text: The first Joint Period of Action ended with over 12 arrests.
            meetings: [jpa-1]
          - date: 2017-03-01
            text: Planning for a second period began.
          - date: 2017-04-01
            text: Members agreed the target countries.
            sensitivity: members
"""

CASES: dict[str, tuple[str, ...]] = {
    "progress": ("progress", "--until", "2017-10-31"),
    "progress-members": ("progress", "--until", "2017-10-31", "--audience", "members"),
    "progress-since-date": ("progress", "--since", "2017-01-01", "--until", "2017-10-31"),
    "annual": ("annual", "ewg", "--year", "2016"),
    "oral": ("oral", "ewg", "--until", "2016-10-31"),
    "actions": ("actions", "--as-of", "2017-10-31"),
    "actions-overdue": ("actions", "--overdue", "--owner", "ewg", "--as-of", "2017-10-31"),
    "meeting-agenda": ("meeting", "ewg-2016", "--as-of", "2016-05-01"),
    "meeting-record": ("meeting", "ewg-2016", "--as-of", "2016-06-01", "--audience", "members"),
    "meeting-jpa": ("meeting", "jpa-1", "--as-of", "2017-01-01"),
    "nominations": ("nominations", "ewg", "--as-of", "2016-06-01", "--audience", "members"),
    "compare": ("compare", "--until", "2017-10-31"),
}


def mask(text: str) -> str:
    """Hide what changes from run to run (today's date, the version)."""
    today = date.today()
    text = text.replace(today.isoformat(), "<TODAY>")
    text = text.replace(f"{today.day} {today:%B %Y}", "<TODAY>")
    return re.sub(r"wgctl \d+\.\d+\.\d+\S*", "wgctl <VERSION>", text)


@pytest.fixture
def golden_repo(repo: RecordsRepo) -> RecordsRepo:
    repo.write(EXTRA)
    path = "records/initiatives/joint-action.yaml"
    text = repo.read(path)
    start = text.index("updates:\n") + len("updates:\n")
    end = text.index("sources:", start)
    indented = "\n".join(line[6:] if line.strip() else line for line in UPDATES.splitlines())
    repo.write({path: text[:start] + indented + "\n" + text[end:]})
    repo.commit("golden records")
    return repo


@pytest.mark.parametrize("case", list(CASES))
def test_golden_markdown(
    run_cli: Callable[..., Result], golden_repo: RecordsRepo, case: str
) -> None:
    done = run_cli("report", *CASES[case], "--repo", golden_repo.root)
    assert done.returncode == 0, done.stderr
    actual = mask(done.stdout)
    path = GOLDEN / f"{case}.md"
    if os.environ.get("WGCTL_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        pytest.skip(f"golden file {path.name} rewritten")
    assert path.exists(), f"{path.name} missing: run `make golden`"
    assert actual == path.read_text(encoding="utf-8")
