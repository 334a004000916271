"""Progress bars: on a terminal's stderr for long work, never in pipes, JSON, GitHub or CI."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.repo import RecordsRepo


def _run(repo: Path, args: list[str], *, terminal: bool, **env: str) -> tuple[str, str]:
    """Run wgctl with stderr on a real pseudo-terminal (or a pipe); (stdout, stderr)."""
    environ = {k: v for k, v in os.environ.items() if k != "CI"}
    environ |= {"TERM": "xterm", "WGCTL_PROGRESS_DELAY": "0", "COLUMNS": "100", **env}
    command = [sys.executable, "-m", "wgctl", *args, "--repo", str(repo)]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, env=environ, check=False)
        return done.stdout, done.stderr
    main, side = pty.openpty()
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=side, env=environ
    )
    os.close(side)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closes with the child
            break
        if not chunk:
            break
        seen += chunk
    out = child.communicate(timeout=60)[0]
    os.close(main)
    return out.decode(), seen.decode(errors="replace")


@pytest.mark.parametrize(
    ("args", "counted"),
    [
        (["validate"], "files read"),
        (["log", "records/organisations/iom.yaml"], "revisions read"),
        (["report", "actions", "--format", "md"], "files read"),
    ],
)
def test_a_terminal_sees_a_bar_and_a_pipe_never_does(
    repo: RecordsRepo, args: list[str], counted: str
) -> None:
    out, err = _run(repo.root, args, terminal=True, WGCTL_NO_CACHE="1")
    assert counted in err
    piped_out, piped_err = _run(repo.root, args, terminal=False, WGCTL_NO_CACHE="1")
    assert counted not in piped_err and "\x1b" not in piped_err
    assert piped_out == out  # the bar never touches the output itself


def test_no_bar_for_machine_formats_or_ci(repo: RecordsRepo) -> None:
    for args, env in (
        (["validate", "--format", "json"], {}),
        (["validate", "--format", "github"], {}),
        (["log", "records/organisations/iom.yaml", "--format", "json"], {}),
        (["validate"], {"CI": "true"}),
    ):
        _, err = _run(repo.root, args, terminal=True, WGCTL_NO_CACHE="1", **env)
        assert "read" not in err and "checked" not in err, (args, err)


def test_site_shows_a_bar_on_a_terminal_only(repo: RecordsRepo, tmp_path: Path) -> None:
    args = ["site", "--out", str(tmp_path / "site"), "--as-of", "2017-10-01"]
    _, err = _run(repo.root, args, terminal=True, WGCTL_NO_CACHE="1")
    assert "files read" in err
    _, piped = _run(repo.root, args, terminal=False, WGCTL_NO_CACHE="1")
    assert "files read" not in piped and "\x1b" not in piped
    assert "wrote" in piped
