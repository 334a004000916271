"""The progress report's appendix: record changes in git since the previous SOM, audience-safe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.repo import MINIMAL, RecordsRepo

Run = Callable[..., Any]
CANARY = "CANARY-RESTRICTED-APPENDIX"


def _history(repo: RecordsRepo) -> None:
    """Records before the 2014 SOM, then a public and a restricted change after it."""
    repo.write(MINIMAL)
    repo.commit("records before the SOM", date="2014-07-01T00:00:00+00:00")
    repo.edit("records/organisations/aland.yaml", "name: Aland", "name: Åland")
    repo.edit(
        "records/initiatives/joint-action.yaml",
        "    figures: [{name: countries, value: 8}]\n",
        "    figures: [{name: countries, value: 8}]\n"
        "  - date: 2015-02-01\n"
        f"    text: {CANARY} operational detail.\n"
        "    sensitivity: restricted\n",
    )
    repo.commit("after the SOM", date="2015-03-01T00:00:00+00:00")


def _report(run_cli: Run, repo: RecordsRepo, *args: str) -> str:
    result = run_cli(
        "report", "progress", "--until", "2017-10-31", "--changes", "--repo", repo.root, *args
    )
    assert result.returncode == 0, result.stderr
    return str(result.stdout)


def test_appendix_lists_public_changes_and_only_counts_hidden_ones(
    empty_repo: RecordsRepo, run_cli: Run
) -> None:
    _history(empty_repo)
    public = _report(run_cli, empty_repo)
    assert "## Appendix: changes to the records since the previous Senior Officials" in public
    assert 'name: "Aland" -\\> "Åland"' in public  # '>' escaped for Markdown
    assert CANARY not in public
    assert "1 change to records this audience may not see (not shown)." in public
    restricted = _report(run_cli, empty_repo, "--audience", "restricted")
    assert CANARY in restricted


def test_appendix_is_absent_unless_asked_and_safe_in_html(
    empty_repo: RecordsRepo, run_cli: Run
) -> None:
    _history(empty_repo)
    plain = run_cli("report", "progress", "--until", "2017-10-31", "--repo", empty_repo.root)
    assert "Appendix" not in plain.stdout
    html = _report(run_cli, empty_repo, "--format", "html")
    assert "<h2>Appendix: changes to the records since" in html
    assert CANARY not in html
