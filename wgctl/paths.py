"""Paths given on the command line, as repository-relative POSIX paths."""

from __future__ import annotations

from pathlib import Path

from wgctl.errors import InputError


def repo_relative(repo: Path, path: Path) -> str:
    """`path` (relative to the current folder, or absolute) relative to `repo`."""
    absolute = path if path.is_absolute() else Path.cwd() / path
    if not absolute.exists() and not path.is_absolute():
        absolute = repo / path  # allow paths given relative to --repo
    try:
        return absolute.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        raise InputError(f"{path}: not inside the repository {repo}") from None
