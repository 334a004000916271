"""Free text naming a hidden party never reaches an output, whatever the output.

The canary records of `test_report_canary` get public free text (a title, an update, a "Who"
qualifier, a decision, an outcome, an agenda line, an action, a footnote) that names restricted and
members-only organisations, people and Chatham House participants. Every report in every format
and audience, the calendar export, `wgctl diff` (text and Markdown) and the `--changes` appendix
are rendered, and every file and stream they write is searched.
"""

from __future__ import annotations

import subprocess
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.repo import GIT_ENV, RecordsRepo
from tests.test_report_canary import (
    AUDIENCES,
    CANARIES,
    CANARY_RECORDS,
    FORMATS,
    NEVER,
    RANK,
    RESTRICTED,
    render_all,
)

Result = subprocess.CompletedProcess[str]

# file -> (text in the canary records, the same text naming hidden parties)
PLANTED: dict[str, list[tuple[str, str]]] = {
    "records/initiatives/joint-action.yaml": [
        (
            "title: Conduct joint periods of action",
            "title: Conduct joint periods of action with Canary-Restricted-Org-Name",
        ),
        (
            "{party: canary-restricted-org-id}]",
            "{party: canary-restricted-org-id, qualifier: CANARY-QUALIFIER}]",
        ),
        (
            "text: ALLOWED-PUBLIC-UPDATE",
            "text: ALLOWED-PUBLIC-UPDATE with CANARY-MEMBERS-ORG and CANARY-PERSON-NAME",
        ),
        (
            "text: ALLOWED-PUBLIC-FOOTNOTE",
            "text: 'ALLOWED-PUBLIC-FOOTNOTE: as told by CANARY-RESTRICTED-ORG-SHORT'",
        ),
    ],
    "records/meetings/ewg-2017.yaml": [
        ("agenda: [ALLOWED-AGENDA-ITEM]", "agenda: [ALLOWED-AGENDA-ITEM by CANARY-CHATHAM-HOST]"),
        ("text: Agreed a public decision.", "text: Agreed as CANARY-CHATHAM-CHAIR proposed."),
        (
            "outcomes: [ALLOWED-CHATHAM-OUTCOME]",
            "outcomes: ['ALLOWED-CHATHAM-OUTCOME: CANARY-CHATHAM-PARTICIPANT briefed us.']",
        ),
        ("statements:\n", "statements:\n  - text: CANARY-CHATHAM-ATTENDEE spoke.\n"),
    ],
    "records/actions/public-action.yaml": [
        ("Deliver the public thing.", "Deliver the public thing to CANARY-RESTRICTED-ORG-SHORT.")
    ],
    "records/meetings/jpa-1.yaml": [
        ("[Nine joint operations.]", "[Nine joint operations led by CANARY-PERSON-RESTRICTED.]")
    ],
}
WATCHED = {**{c: a for c, (a, _) in CANARIES.items()}, "CANARY-QUALIFIER": RESTRICTED}


def planted_records() -> dict[str, str]:
    """The canary records with hidden parties named in public free text."""
    records = {path: textwrap.dedent(text) for path, text in CANARY_RECORDS.items()}
    for path, swaps in PLANTED.items():
        for old, new in swaps:
            assert old in records[path], (path, old)
            records[path] = records[path].replace(old, new, 1)
    return records


@pytest.fixture(scope="module")
def planted_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsRepo]:
    """Committed twice: the plain canary records before the period, then the planted text.

    Why the first commit is dated 2016: the `--changes` appendix then shows only the planted
    change (a public organisation added by the first commit may rightly be named there).
    """
    with pytest.MonkeyPatch.context() as patch:
        for key, value in GIT_ENV.items():
            patch.setenv(key, value)
        root = tmp_path_factory.mktemp("planted") / "repo"
        root.mkdir()
        subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
        repo = RecordsRepo(root).write(CANARY_RECORDS)
        repo.commit("canary records", date="2016-06-01T12:00:00")
        repo.write(planted_records())
        repo.commit("name hidden parties in free text")
        yield repo


def leaks(text: str, audience: str) -> list[str]:
    """The watched names in `text` that `audience` may not see."""
    return [
        canary
        for canary, allowed in WATCHED.items()
        if canary.lower() in text.lower() and (allowed is NEVER or RANK[allowed] > RANK[audience])
    ]


def other_outputs(
    run_cli: Callable[..., Result], repo: RecordsRepo, audience: str, out: Path
) -> dict[str, str]:
    """The calendar, the diff in both formats and the progress report's changes appendix."""
    root = repo.root
    texts: dict[str, str] = {}
    ics = out / "meetings.ics"
    done = run_cli("export", "ics", "--repo", root, "--audience", audience, "-o", ics)
    texts["ics"] = ics.read_text(encoding="utf-8") + done.stdout + done.stderr
    for fmt in ("text", "md"):
        done = run_cli(
            "diff", "HEAD~1..HEAD", "--repo", root, "--audience", audience, "--format", fmt
        )
        assert done.returncode == 0, done.stderr
        texts[f"diff {fmt}"] = done.stdout + done.stderr
    appendix = out / "changes.md"
    done = run_cli(
        "report", "progress", "--until", "2017-10-31", "--changes", "--repo", root,
        "--audience", audience, "-o", appendix,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    texts["progress --changes"] = appendix.read_text(encoding="utf-8") + done.stderr
    return texts


@pytest.mark.parametrize("audience", AUDIENCES)
def test_free_text_never_names_a_hidden_party_in_any_output(
    planted_repo: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path, audience: str
) -> None:
    texts: dict[str, str] = {}
    for fmt in FORMATS:
        (tmp_path / fmt).mkdir()
        rendered = render_all(run_cli, planted_repo, audience, fmt, tmp_path / fmt, "--force")
        texts.update({f"{name} ({fmt})": text for name, text in rendered.items()})
    texts.update(other_outputs(run_cli, planted_repo, audience, tmp_path))
    found = {name: leaks(text, audience) for name, text in texts.items()}
    assert not {name: hit for name, hit in found.items() if hit}
    everything = "\n".join(texts.values())
    # The text around a withheld name is still there: it was redacted, not dropped.
    assert "ALLOWED-PUBLIC-UPDATE with " in everything
    assert "ALLOWED-CHATHAM-OUTCOME: (not named) briefed us." in everything
    assert "Deliver the public thing to " in everything


def test_the_qualifier_of_a_visible_party_is_kept_for_those_who_may_see_it(
    planted_repo: RecordsRepo, run_cli: Callable[..., Result]
) -> None:
    args = ("diff", "HEAD~1..HEAD", "--repo", planted_repo.root)
    done = run_cli(*args, "--audience", "restricted")
    assert "CANARY-QUALIFIER" in done.stdout
    assert "Canary-Restricted-Org-Name" in done.stdout
    assert "CANARY-QUALIFIER" not in run_cli(*args, "--audience", "members").stdout


def test_validate_points_at_every_planted_name(
    planted_repo: RecordsRepo, run_cli: Callable[..., Result]
) -> None:
    done = run_cli("validate", "--repo", planted_repo.root, "--format", "github")
    lines = [line for line in done.stdout.splitlines() if "WG404" in line]
    # 4 in the initiative (title, update twice, footnote), who_text, 5 at the Chatham House meeting, 2 more.
    assert len(lines) >= 11, done.stdout
    assert all(line.startswith("::warning file=records/") for line in lines)
