"""The dashboard's "what is due" is `wgctl due`'s list: same records, audience and date, same
obligations (ids and states, in order), so the website and the command can never disagree."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.repo import RecordsRepo
from tests.test_site import Result

ROW = re.compile(r'<tr id="([^"]+)" class="obligation [a-z]+" data-state="([a-z]+)">')


def dashboard_rows(out: Path) -> list[tuple[str, str]]:
    """(id, state) of every obligation row on the dashboard, in page order."""
    return ROW.findall((out / "index.html").read_text(encoding="utf-8"))


def due_json(
    run_cli: Callable[..., Result], repo: Path, as_of: str, audience: str
) -> list[tuple[str, str]]:
    """(id, state) of `wgctl due --format json`, ordered as the dashboard groups them: by state."""
    done = run_cli(
        "due", "--repo", repo, "--as-of", as_of, "--audience", audience, "--format", "json"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    found = [(o["id"], o["state"]) for o in json.loads(done.stdout)["obligations"]]
    order = ("overdue", "due", "upcoming", "done")
    return sorted(found, key=lambda pair: order.index(pair[1]))  # stable: date order kept


@pytest.mark.parametrize(
    "case",
    [
        ("examples/records", "2026-10-01", "public"),
        ("examples/records", "2026-12-01", "restricted"),
        ("records", "2017-10-31", "public"),
        ("records", "2017-10-31", "members"),
    ],
)
def test_dashboard_lists_exactly_the_obligations_of_wgctl_due(
    run_cli: Callable[..., Result],
    empty_repo: RecordsRepo,
    tmp_path: Path,
    case: tuple[str, str, str],
) -> None:
    source, as_of, audience = case
    shutil.copytree(PROJECT / source, empty_repo.root / "records")
    empty_repo.commit("records")
    out = tmp_path / "site"
    done = run_cli(
        "site", "--repo", empty_repo.root, "--out", out, "--as-of", as_of, "--audience", audience
    )
    assert done.returncode == 0, done.stdout + done.stderr
    expected = due_json(run_cli, empty_repo.root, as_of, audience)
    assert expected, "the records owe something on this date"
    assert dashboard_rows(out) == expected
