"""A cold validation of the bundled records finds what it always found: a rule made faster
must report the same problems at the same places (refresh: WGCTL_UPDATE_GOLDEN=1)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT

GOLDEN = PROJECT / "tests" / "golden" / "bundled-problems.json"


def test_a_cold_run_over_the_bundled_records_finds_the_same_problems(tmp_path: Path) -> None:
    shutil.copytree(PROJECT / "records", tmp_path / "records")
    done = subprocess.run(
        [sys.executable, "-m", "wgctl", "validate", "--format", "json", "--today", "2018-01-01"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "WGCTL_NO_CACHE": "1", "PYTHONPATH": str(PROJECT)},
    )
    found = [
        [p["path"], p["line"], p["column"], p["rule"], p["message"]]
        for p in json.loads(done.stdout)["problems"]
    ]
    if os.environ.get("WGCTL_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n")
    assert found == json.loads(GOLDEN.read_text())
