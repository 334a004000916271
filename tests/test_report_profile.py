"""Branding and standing wording come from the records repository's `profile.yaml` (issue 13.7)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.repo import RecordsRepo

Result = subprocess.CompletedProcess[str]
UNTIL = ("--until", "2017-10-31")


def html(run_cli: Callable[..., Result], root: Path, *args: str) -> str:
    done = run_cli("report", *args, "--repo", root, "--format", "html")
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("progress", "--until", "2026-10-31"),
        ("annual", "fwg", "--year", "2025"),
        ("oral", "fwg", "--until", "2026-10-31"),
        ("actions", "--as-of", "2026-10-31"),
        ("meeting", "fwg-2024", "--as-of", "2026-10-31"),
    ],
)
def test_the_fictional_examples_never_read_as_the_bali_process(
    run_cli: Callable[..., Result], args: tuple[str, ...]
) -> None:
    text = html(run_cli, PROJECT / "examples", *args)
    assert "Bali" not in text
    assert "Example Process (fictional)" in text  # on the running header and the cover


def test_the_bundled_records_carry_the_bali_process_branding(
    run_cli: Callable[..., Result],
) -> None:
    text = html(run_cli, PROJECT, "progress", *UNTIL)
    assert '<span class="organisation">Bali Process</span>' in text
    assert "BP-AHG/PROGRESS/2017-10-31" in text


def test_without_a_profile_the_wording_is_neutral(
    run_cli: Callable[..., Result], repo: RecordsRepo
) -> None:
    done = run_cli("report", "progress", *UNTIL, "--repo", repo.root)
    assert done.stdout.startswith("# Progress Report: October 2017\n")
    assert "Bali" not in done.stdout


def test_a_profile_names_the_body_in_the_title_opening_and_marking(
    run_cli: Callable[..., Result], repo: RecordsRepo
) -> None:
    repo.write({"profile.yaml": "body: Harbour Council\npurpose: It tracks the harbour plan.\n"})
    done = run_cli("report", "progress", *UNTIL, "--repo", repo.root, "--audience", "members")
    assert done.stdout.startswith("# Harbour Council Progress Report: October 2017\n")
    assert (
        "previous Harbour Council Senior Officials Meeting (August 2014). It tracks" in done.stdout
    )
    assert "not for circulation beyond Harbour Council members" in done.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("body: [not, text]\n", "wgctl: profile.yaml: "),
        ("colour: blue\n", "wgctl: profile.yaml: "),
        ("body: a\nbody: b\n", "wgctl: profile.yaml:2: "),
    ],
)
def test_a_bad_profile_is_refused_in_one_line(
    run_cli: Callable[..., Result], repo: RecordsRepo, tmp_path: Path, text: str, expected: str
) -> None:
    repo.write({"profile.yaml": text})
    target = tmp_path / "out.md"
    done = run_cli("report", "progress", *UNTIL, "--repo", repo.root, "-o", target)
    assert done.returncode == 1
    assert done.stderr.startswith(expected) and len(done.stderr.strip().splitlines()) == 1
    assert not target.exists()
