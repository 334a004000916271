"""One wording and one exit code per refusal, whichever command meets it (issue 10, point 5)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

from tests.repo import RecordsRepo

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_invalid_records_are_refused_in_one_wording(repo: RecordsRepo, run_cli: Run) -> None:
    repo.edit("records/actions/nominate-focal-point.yaml", "owner: ahg", "owner: nobody")
    # The file, line and rule only: a problem's message may quote a restricted value (13.2).
    first = "records/actions/nominate-focal-point.yaml:5:8 [WG502]"
    roster = run_cli("roster", "next", "ewg", "--as-of", "2016-01-01", "--repo", repo.root)
    report = run_cli("report", "actions", "--repo", repo.root)
    assert roster.returncode == report.returncode == 1
    assert "nobody" not in roster.stderr + report.stderr
    assert roster.stderr.startswith(
        f"wgctl: not computing the roster from invalid records: 1 error(s), first {first}"
    )
    assert roster.stderr.endswith("[WG502] (run `wgctl validate`)\n")
    assert report.stderr.startswith(
        f"wgctl: not rendering from invalid records: 1 error(s), first {first}"
    )
    assert report.stderr.endswith(
        "[WG502] (run `wgctl validate`; --force renders the valid records only)\n"
    )
