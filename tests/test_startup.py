"""Startup: a command imports only what it needs, since imports are most of a small run's time."""

from __future__ import annotations

import subprocess
import sys

from tests.repo import RecordsRepo

PROBE = """\
import sys
sys.argv = ["wgctl", "validate", "--repo", sys.argv[1]]
from wgctl.cli import main
try:
    main()
except SystemExit:
    pass
heavy = ("pydantic", "jinja2", "ruamel", "git", "docx", "yaml")
print(sorted({m.split(".")[0] for m in sys.modules} & set(heavy)))
print(sorted(m for m in ("wgctl.checks", "wgctl.models", "wgctl.files.load") if m in sys.modules))
"""


def test_validate_of_an_unchanged_tree_imports_neither_models_nor_checks(
    repo: RecordsRepo,
) -> None:
    """The second run of an unchanged tree comes from the memo and says the same."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", PROBE, str(repo.root)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        for _ in range(2)
    ]
    first, second = runs
    assert first[-1] == "['wgctl.checks', 'wgctl.files.load', 'wgctl.models']"
    assert second[-1] == "[]"
    assert first[:-2] == second[:-2]
    assert "files checked" in second[-3]


def test_validate_of_an_unchanged_tree_imports_no_heavy_library(repo: RecordsRepo) -> None:
    """Answered from the memo, `validate` needs neither pydantic (not even for reading its
    options), nor YAML, templates, git or Word: they would be most of its time."""
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(repo.root)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    assert "files checked" in out[-3]
    assert out[-2] == "[]"


def test_log_imports_no_models(repo: RecordsRepo) -> None:
    """A record's history compares plain data: building the models would double its time."""
    probe = PROBE.replace(
        '"validate", "--repo", sys.argv[1]', '"log", "iom", "--repo", sys.argv[1]'
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(repo.root)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert any("created" in line for line in out)
    assert out[-1] == "[]"
    assert "pydantic" not in out[-2]
