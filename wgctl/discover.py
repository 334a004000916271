"""Find record files under `records/`: never outside the repository, never silently skipping."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from wgctl.errors import InputError, Problem

RECORDS_DIR = "records"
_BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".bak", ".orig", ".tmp")


@dataclass(frozen=True)
class Found:
    """A record file to load, and its repository-relative POSIX path."""

    path: Path
    rel: str


def records_root(repo: Path) -> Path:
    """The `records/` folder of a repository, or an InputError saying what is wrong."""
    if not repo.is_dir():
        raise InputError(f"{repo}: not a directory")
    root = repo / RECORDS_DIR
    if not root.is_dir():
        raise InputError(f"{repo}: no {RECORDS_DIR}/ folder here (use --repo to point at one)")
    return root


def _ignored(name: str) -> bool:
    """Dot-files and editor backups never shadow real records."""
    return name.startswith((".", "#")) or name.endswith(_BACKUP_SUFFIXES)


def _problem(rel: str, message: str) -> Problem:
    return Problem(rel, 1, 1, "WG009", message)


def discover(repo: Path) -> tuple[list[Found], list[Problem]]:
    """Every `records/<kind>/<id>.yaml`, plus a problem for each file that cannot be one."""
    top = repo.resolve()
    root = records_root(repo)
    found: list[Found] = []
    problems: list[Problem] = []
    visited: set[Path] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        real = folder.resolve()
        if real in visited:
            problems.append(_problem(_rel(folder, repo), "symlink loop: folder already visited"))
            continue
        visited.add(real)
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if _ignored(entry.name):
                    continue
                path = Path(entry.path)
                rel = _rel(path, repo)
                if entry.is_symlink() and not _inside(path, top):
                    problems.append(_problem(rel, "symlink leads outside the repository"))
                elif entry.is_dir():
                    stack.append(path)
                elif entry.is_file():
                    _classify(path, rel, found, problems)
                else:
                    problems.append(_problem(rel, "not a regular file (or a broken symlink)"))
    found.sort(key=lambda f: f.rel)
    return found, problems


def _classify(path: Path, rel: str, found: list[Found], problems: list[Problem]) -> None:
    parts = rel.split("/")
    suffix = path.suffix
    if suffix.lower() in {".yaml", ".yml"} and suffix != ".yaml":
        problems.append(_problem(rel, f"record files end in .yaml, not {suffix}: rename it"))
    elif suffix != ".yaml":
        if path.name not in {"README.md", "README"}:
            problems.append(_problem(rel, "not a record file (records are .yaml files)"))
    elif len(parts) != 3:
        problems.append(_problem(rel, "records live at records/<kind>/<id>.yaml"))
    else:
        found.append(Found(path, rel))


def _inside(path: Path, top: Path) -> bool:
    try:
        path.resolve().relative_to(top)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _rel(path: Path, repo: Path) -> str:
    return path.relative_to(repo).as_posix()
