"""The shipped GitHub workflows: read them, and run a `run:` step as Actions would (bash with
-e and pipefail), with the wgctl under test first on the PATH whatever the caller's PATH says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import PROJECT

BIN = Path(sys.executable).parent  # this environment's scripts: its wgctl, not another one
FOLDER = PROJECT / ".github" / "workflows"


def workflow(name: str) -> dict[Any, Any]:
    """A workflow file as data (PyYAML reads the `on:` key as True: YAML 1.1)."""
    doc: dict[Any, Any] = yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))
    return doc


def step(name: str, job: str, part: str) -> dict[str, Any]:
    """The one step of `job` whose name contains `part`."""
    (found,) = [s for s in workflow(name)["jobs"][job]["steps"] if part in s.get("name", "")]
    return found


def run_step(
    script: str, cwd: Path, env: dict[str, str] | None = None, *, nounset: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run a step's script; `env` adds to (or replaces) the environment, PATH included."""
    full = {**os.environ, **(env or {})}
    full["PATH"] = f"{BIN}{os.pathsep}{full['PATH']}"
    flags = "-euo" if nounset else "-eo"
    return subprocess.run(
        ["bash", flags, "pipefail", "-c", script],
        cwd=cwd,
        env=full,
        capture_output=True,
        text=True,
        check=False,
    )
