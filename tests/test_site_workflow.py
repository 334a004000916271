"""The shipped site workflow: public only, pinned wgctl, and its build step run for real."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import PROJECT
from tests.test_site import examples_repo

WORKFLOW = PROJECT / ".github" / "workflows" / "site.yml"


def _doc() -> dict[Any, Any]:
    doc: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return doc


def _step(name_part: str) -> dict[str, Any]:
    (step,) = [s for s in _doc()["jobs"]["build"]["steps"] if name_part in s.get("name", "")]
    return step


def test_publishes_on_push_to_main_with_a_pinned_wgctl() -> None:
    doc = _doc()
    assert doc[True]["push"]["branches"] == ["main"]  # PyYAML reads `on:` as True (YAML 1.1)
    assert doc["permissions"]["pages"] == "write"
    install = _step("Install")["run"]
    assert "@${WGCTL_REF}" in install
    # The same pin as the records workflow: a repository variable, else this very commit.
    records = yaml.safe_load((WORKFLOW.parent / "records.yml").read_text(encoding="utf-8"))
    assert doc["env"] == records["env"]
    assert doc["env"]["WGCTL_REF"] == "${{ vars.WGCTL_REF || github.sha }}"
    uses = [s.get("uses", "") for s in doc["jobs"]["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)


def test_build_step_builds_the_public_site_only(tmp_path: Path) -> None:
    run = _step("Build")["run"]
    assert "--audience public" in run
    repo = examples_repo(tmp_path / "repo")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", run],
        cwd=repo.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    site = repo.root / "_site"
    assert (site / "index.html").is_file() and (site / "pagefind").is_dir()
    assert "Public: for circulation" in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "initiatives" / "1-1-data-exchange-pilot.html").exists()  # members-only
