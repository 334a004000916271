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
    # A renamed organisation is bookkeeping for the period: counted, not listed.
    assert "No change of substance; 1 other change (history of earlier periods" in public
    assert "Åland" not in public.split("## Appendix")[1]
    assert CANARY not in public
    assert "1 change to records this audience may not see (not shown)." in public
    restricted = _report(run_cli, empty_repo, "--audience", "restricted")
    assert "### Items of the report\n\n- Updated: Conduct joint periods of action\n" in restricted
    assert CANARY in restricted


def test_appendix_lists_what_happened_in_the_period_in_plain_words(
    empty_repo: RecordsRepo, run_cli: Run
) -> None:
    _history(empty_repo)
    empty_repo.write(
        {
            "records/meetings/ewg-2015.yaml": """\
                id: ewg-2015
                sensitivity: public
                type: working-group-meeting
                title: Example Working Group meeting 2015
                group: ewg
                start: 2015-05-10
                location: Port Example
                sources: [{document: tor}]
            """,
            # Transcribed late: it happened in 2011, before the period.
            "records/actions/old-history.yaml": """\
                id: old-history
                sensitivity: public
                text: An action of 2011 typed in today.
                owner: ahg
                due: 2011-10-26
                sources: [{document: tor}]
            """,
        }
    )
    empty_repo.commit("more records", date="2016-01-01T00:00:00+00:00")
    public = _report(run_cli, empty_repo).split("## Appendix")[1]
    assert (
        "### Meetings and periods of action\n\n- New: Example Working Group meeting 2015\n"
        in public
    )
    assert "  - 10 May 2015, Port Example\n" in public
    assert "2 other changes" in public
    assert "old-history" not in public and "2011" not in public
    assert "sensitivity" not in public


def test_appendix_is_absent_unless_asked_and_safe_in_html(
    empty_repo: RecordsRepo, run_cli: Run
) -> None:
    _history(empty_repo)
    plain = run_cli("report", "progress", "--until", "2017-10-31", "--repo", empty_repo.root)
    assert "Appendix" not in plain.stdout
    html = _report(run_cli, empty_repo, "--format", "html")
    assert "<h2>Appendix: changes to the records since" in html
    assert CANARY not in html
