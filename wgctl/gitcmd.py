"""Plain git, run as a program: the one place wgctl starts a `git` process itself.

Why by hand rather than through GitPython: its import alone (over 100 ms) costs more than a
warm validation, a small diff or a log, and its per-object lookups more than one
`git cat-file --batch` stream. Every caller keeps the same discipline: argument lists, never a
shell; values from users or records after `--` or `--end-of-options` (R21); no lock taken from
other git processes; a time limit.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

TIMEOUT = 60


def run_git(repo: Path | str, *args: str, stdin: bytes | None = None) -> bytes:
    """Standard output of `git -C repo ARGS...`; raises OSError or subprocess.SubprocessError."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}  # never take the index lock from others
    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        input=stdin,
        capture_output=True,
        check=True,
        env=env,
        timeout=TIMEOUT,
    )
    return done.stdout
