"""The leak test for `wgctl due` and `wgctl som-pack`: every format, every audience, over the
report canary records; every file an output writes is searched for every canary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.repo import RecordsRepo
from tests.system import need_weasyprint
from tests.test_report_canary import (
    AUDIENCES,
    CANARIES,
    NEVER,
    RANK,
    RESTRICTED,
    Result,
    canary_repo,  # noqa: F401 - the module-scoped canary repository fixture
    docx_text,
    pdf_text,
)

DUE_FORMATS = ("text", "md", "json", "ics", "github-issues")
# What `due` must show an audience cleared for it (so the test cannot pass by showing nothing).
DUE_SHOWS = {RESTRICTED: ("CANARY-RESTRICTED-ACTION", "CANARY-RESTRICTED-ORG-SHORT")}


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide text table: a canary folded over two lines would go unseen."""
    monkeypatch.setenv("COLUMNS", "2000")


def leaks(text: str, audience: str) -> list[str]:
    """Canaries in `text` that `audience` may not see."""
    folded = text.lower()
    return [
        canary
        for canary, (allowed, _) in CANARIES.items()
        if canary.lower() in folded and (allowed is NEVER or RANK[allowed] > RANK[audience])
    ]


@pytest.mark.parametrize("fmt", DUE_FORMATS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_due_shows_no_canary_to_an_audience_that_may_not_see_it(
    canary_repo: RecordsRepo,  # noqa: F811
    run_cli: Callable[..., Result],
    tmp_path: Path,
    audience: str,
    fmt: str,
) -> None:
    target = tmp_path / f"due.{fmt}"
    args = ["due", "--repo", canary_repo.root, "--as-of", "2018-01-15", "--audience", audience]
    done = run_cli(*args, "--format", fmt, "-o", target)
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8") + done.stdout + done.stderr
    assert not leaks(text, audience), f"{audience}/{fmt}"
    for canary in DUE_SHOWS.get(audience, ()):
        assert canary in text, f"{audience}/{fmt}: {canary} missing"
    assert "action-public-action" in text  # the public action is listed for everyone


PACK_FORMATS = ("md", "html", "docx", "pdf")
# What the pack must show an audience cleared for it.
PACK_SHOWS = {
    "public": ("ALLOWED-PUBLIC-UPDATE", "ALLOWED-AGENDA-ITEM"),
    "members": ("CANARY-MEMBERS-UPDATE",),
    RESTRICTED: ("CANARY-RESTRICTED-UPDATE-1", "CANARY-RESTRICTED-MEETING"),
}


@pytest.mark.parametrize("fmt", PACK_FORMATS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_som_pack_shows_no_canary_to_an_audience_that_may_not_see_it(
    canary_repo: RecordsRepo,  # noqa: F811
    run_cli: Callable[..., Result],
    tmp_path: Path,
    audience: str,
    fmt: str,
) -> None:
    if fmt == "pdf":
        need_weasyprint()
    target = tmp_path / f"pack.{fmt}"
    args = ["som-pack", "som-2017", "--group", "ewg", "--repo", canary_repo.root]
    done = run_cli(*args, "--audience", audience, "--format", fmt, "-o", target)
    assert done.returncode == 0, done.stderr
    readers = {"docx": docx_text, "pdf": pdf_text}
    body = readers[fmt](target) if fmt in readers else target.read_text(encoding="utf-8")
    text = body + done.stdout + done.stderr
    assert not leaks(text, audience), f"{audience}/{fmt}"
    for level in AUDIENCES[: RANK[audience] + 1]:
        for canary in PACK_SHOWS[level]:
            assert canary in text, f"{audience}/{fmt}: {canary} missing"
