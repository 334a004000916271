"""The one atomic writer: modes, no overwrite when creating, no temp file left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from wgctl.files.atomic import write_atomic, write_text_atomic


def test_new_file_gets_the_umask_mode_not_mkstemps_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.md", b"# Report\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.md").stat().st_mode) == 0o644


def test_replacing_keeps_the_given_mode_and_content(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    write_atomic(target, b"new\n", mode=0o600)
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_exclusive_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("mine\n")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"theirs\n", exclusive=True)
    assert target.read_text() == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_failure_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "folder-in-the-way"
    (target / "child").mkdir(parents=True)
    with pytest.raises(OSError, match="directory"):
        write_atomic(target, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder-in-the-way"]


def test_text_writer_creates_the_folder(tmp_path: Path) -> None:
    write_text_atomic(tmp_path / ".github" / "CODEOWNERS", "records/ @rso\n")
    assert (tmp_path / ".github" / "CODEOWNERS").read_text() == "records/ @rso\n"
