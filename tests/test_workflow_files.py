"""The shipped GitHub workflow and pre-commit hook, run for real against temporary repositories."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import PROJECT
from tests.repo import RecordsRepo
from tests.workflows import BIN, run_step, step, workflow

HOOKS = PROJECT / ".pre-commit-hooks.yaml"
BROKEN_THEME = (
    "id: broken\nsensitivity: public\nnumber: 1\ntitle: Broken\nsources: [{document: tor}]\n"
)


def _steps() -> list[dict[str, Any]]:
    doc = workflow("records.yml")
    assert "pull_request" in doc[True]  # PyYAML reads the `on:` key as True (YAML 1.1)
    steps: list[dict[str, Any]] = doc["jobs"]["validate"]["steps"]
    return steps


def _step(name_part: str) -> dict[str, Any]:
    return step("records.yml", "validate", name_part)


_bash = run_step


def test_workflow_checks_out_history_and_installs_a_pinned_wgctl() -> None:
    steps = _steps()
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    env = workflow("records.yml")["env"]
    # A records repository names wgctl's repository and a tag or commit; wgctl's own uses itself.
    assert env["WGCTL_REPOSITORY"] == "${{ vars.WGCTL_REPOSITORY || github.repository }}"
    assert env["WGCTL_REF"] == "${{ vars.WGCTL_REF || github.sha }}"
    assert "pip install ." not in _step("Install")["run"]


def test_workflow_installs_wgctl_in_a_records_repository(repo: RecordsRepo, tmp_path: Path) -> None:
    """The install step, run where a records repository runs it: no wgctl source in sight."""
    commit = subprocess.run(
        ["git", "-C", str(PROJECT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    target = tmp_path / "site-packages"
    env = {
        "GITHUB_SERVER_URL": "file://",  # what Actions sets, here pointing at this project's history
        "WGCTL_REPOSITORY": PROJECT.as_posix().lstrip("/"),  # like owner/name: no leading slash
        "WGCTL_REF": commit,
        # Install wgctl alone, into a folder of its own; its dependencies are this environment's.
        "PIP_NO_DEPS": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip's spelling of --no-build-isolation: hatchling is here
        "PIP_TARGET": str(target),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    installed = _bash(_step("Install")["run"], repo.root, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (target / "wgctl" / "cli.py").is_file()
    assert not (repo.root / "wgctl").exists()
    validate = _step("Validate")["run"].replace("wgctl ", f"{sys.executable} -m wgctl ", 1)
    clean = _bash(validate, repo.root, {"PYTHONPATH": str(target)})
    assert (clean.returncode, clean.stdout) == (0, ""), clean.stderr
    repo.write({"records/themes/broken.yaml": BROKEN_THEME})
    broken = _bash(validate, repo.root, {"PYTHONPATH": str(target)})
    assert broken.returncode == 1
    assert broken.stdout.startswith("::error file=records/themes/broken.yaml,line=3,col=9,title=WG")


def test_workflow_validate_command_runs_and_annotates(repo: RecordsRepo) -> None:
    command = _step("Validate")["run"]
    assert command == "wgctl validate --format github"
    clean = _bash(command, repo.root)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")
    repo.write({"records/themes/broken.yaml": BROKEN_THEME})
    broken = _bash(command, repo.root)
    assert broken.returncode == 1
    assert broken.stdout.startswith("::error file=records/themes/broken.yaml,line=3,col=9,title=WG")


def test_workflow_diff_step_posts_markdown(repo: RecordsRepo, tmp_path: Path) -> None:
    step = _step("Say what")
    repo.git("branch", "base")
    repo.edit("records/organisations/aland.yaml", "name: Aland", "name: Åland")
    repo.commit("rename Aland")
    fake = tmp_path / "bin"
    fake.mkdir()
    record = tmp_path / "gh-calls"
    # A stand-in for the GitHub CLI that records what it was asked to post.
    (fake / "gh").write_text(f'#!/bin/sh\necho "$@" >> {record}\ncat "$5" >> {record}\n')
    (fake / "gh").chmod(0o755)
    env = {"PR": "7", "BASE": "base", "GH_TOKEN": "x", "PATH": f"{fake}:{BIN}:{os.environ['PATH']}"}
    done = _bash(step["run"], repo.root, env)
    assert done.returncode == 0, done.stderr
    posted = record.read_text()
    assert posted.startswith("pr comment 7 --body-file records-diff.md --edit-last\n")
    assert "### What this change does to the records" in posted
    assert "for a public audience" in posted
    # One Markdown escaper for every output: '>' is escaped (it renders as '>').
    assert '- name: "Aland" -\\> "Åland"' in posted


def test_hook_manifest_declares_the_validate_hook() -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "wgctl-validate"
    assert hook["entry"] == "wgctl validate"
    assert (hook["language"], hook["files"], hook["pass_filenames"]) == (
        "python",
        "^records/",
        False,  # the whole repository: a change can break references in files not committed
    )


def test_hook_entry_as_pre_commit_runs_it_sees_problems_in_other_files(repo: RecordsRepo) -> None:
    """pre-commit runs the entry without file names: a change that breaks another file fails."""
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert _bash(hook["entry"], repo.root).returncode == 0
    repo.edit("records/meetings/som-2014.yaml", "id: som-2014", "id: som-2014-moved")
    moved = _bash(hook["entry"], repo.root)
    assert moved.returncode == 1
    assert "records/groups/ewg.yaml:" in moved.stdout
    repo.remove("records/meetings/som-2014.yaml")  # a deletion: no file name to pass at all
    deleted = _bash(hook["entry"], repo.root)
    assert deleted.returncode == 1
    assert "records/groups/ewg.yaml:" in deleted.stdout


@pytest.mark.skipif(
    shutil.which("pre-commit", path=str(BIN)) is None, reason="pre-commit not installed"
)
def test_hook_through_pre_commit_try_repo(repo: RecordsRepo, tmp_path: Path) -> None:
    """pre-commit installs wgctl from this project (local package index; no network) and runs it."""
    repo.write({"records/themes/broken.yaml": BROKEN_THEME})
    repo.git("add", "-A")
    # pip need not byte-compile the hook environment's thousands of files: the hook runs the same.
    env = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PIP_NO_COMPILE": "1"}
    done = _bash(f"pre-commit try-repo {PROJECT} wgctl-validate --all-files", repo.root, env)
    out = done.stdout + done.stderr
    unreachable = ("Could not find a version", "No matching distribution", "NewConnectionError")
    if "An error has occurred" in out and any(reason in out for reason in unreachable):
        pytest.skip("pre-commit could not build the hook environment (no package index reachable)")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "wgctl validate" in done.stdout
    assert "- hook id: wgctl-validate" in done.stdout
    assert "records/themes/broken.yaml:3:9: error:" in done.stdout
    assert "records/themes/cooperation.yaml:" not in done.stdout
