"""The shipped site workflow: public only, pinned wgctl, and its build step run for real."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_site import examples_repo
from tests.workflows import run_step, step, workflow


def _doc() -> dict[Any, Any]:
    return workflow("site.yml")


def _step(name_part: str) -> dict[str, Any]:
    return step("site.yml", "build", name_part)


def test_publishes_on_push_to_main_with_a_pinned_wgctl() -> None:
    doc = _doc()
    assert doc[True]["push"]["branches"] == ["main"]  # PyYAML reads `on:` as True (YAML 1.1)
    assert doc["permissions"]["pages"] == "write"
    install = _step("Install")["run"]
    assert "@${WGCTL_REF}" in install
    # The same pin as the records workflow: a repository variable, else this very commit.
    records = workflow("records.yml")
    assert doc["env"] == records["env"]
    assert doc["env"]["WGCTL_REF"] == "${{ vars.WGCTL_REF || github.sha }}"
    uses = [s.get("uses", "") for s in doc["jobs"]["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)


def test_build_step_builds_the_public_site_only(tmp_path: Path) -> None:
    run = _step("Build")["run"]
    assert "--audience public" in run
    repo = examples_repo(tmp_path / "repo")
    done = run_step(run, repo.root, nounset=True)
    assert done.returncode == 0, done.stderr
    site = repo.root / "_site"
    assert (site / "index.html").is_file() and (site / "pagefind").is_dir()
    assert "Public: for circulation" in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "initiatives" / "1-1-data-exchange-pilot.html").exists()  # members-only
