"""Find record files under `records/`: never outside the repository, never silently skipping."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from wgctl.errors import InputError, Problem

RECORDS_DIR = "records"
_BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".bak", ".orig", ".tmp")


@dataclass(frozen=True)
class Found:
    """A record file to load: where it is (as walked) and its repository-relative POSIX path."""

    file: str
    rel: str

    @property
    def path(self) -> Path:
        """The file as a Path."""
        return Path(self.file)

    @property
    def stem(self) -> str:
        """The file name without .yaml: the record's id when all is well."""
        return self.rel.rsplit("/", 1)[-1].removesuffix(".yaml")


def records_root(repo: Path) -> Path:
    """The `records/` folder of a repository, or an InputError saying what is wrong."""
    if not repo.is_dir():
        raise InputError(f"{repo}: not a directory")
    root = repo / RECORDS_DIR
    if not root.is_dir():
        raise InputError(f"{repo}: no {RECORDS_DIR}/ folder here (use --repo to point at one)")
    return root


def find_repo(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `records/`, as git finds `.git/`.

    Why: a user working in `records/organisations/` means the repository around it.
    """
    here = start.absolute()
    for folder in (here, *here.parents):
        if (folder / RECORDS_DIR).is_dir():
            return folder if folder != Path.cwd() else Path()
    raise InputError(
        f"no {RECORDS_DIR}/ folder in {here} or any folder above it (use --repo to point at one)"
    )


def _ignored(name: str) -> bool:
    """Dot-files and editor backups never shadow real records."""
    return name.startswith((".", "#")) or name.endswith(_BACKUP_SUFFIXES)


def _problem(rel: str, message: str) -> Problem:
    return Problem(rel, 1, 1, "WG009", message)


def discover(repo: Path) -> tuple[list[Found], list[Problem]]:
    """Every `records/<kind>/<id>.yaml`, plus a problem for each file that cannot be one."""
    root = records_root(repo)
    walk = _Walk(repo)
    if root.is_symlink() and not _inside(root, walk.top):
        return [], [_problem(RECORDS_DIR, "records/ is a symlink leading outside the repository")]
    if root.is_symlink() and _in_git_dir(root, walk.top):
        return [], [_problem(RECORDS_DIR, "records/ is a symlink into git's own .git/ folder")]
    walk.run(root)
    walk.found.sort(key=lambda f: f.rel)
    return walk.found, walk.problems


class _Walk:
    """One walk over records/: iterative, each real folder once, every entry accounted for."""

    def __init__(self, repo: Path) -> None:
        self.repo = repo
        self.top = repo.resolve()
        self.found: list[Found] = []
        self.problems: list[Problem] = []

    def run(self, root: Path) -> None:
        visited: set[Path] = set()
        stack = [(root, RECORDS_DIR)]
        while stack:
            folder, folder_rel = stack.pop()
            real = folder.resolve()
            if real in visited:
                self.problems.append(_problem(folder_rel, "symlink loop: folder already visited"))
                continue
            visited.add(real)
            try:
                with os.scandir(folder) as scan:
                    entries = sorted(scan, key=lambda e: e.name)
            except OSError as exc:
                self.problems.append(_problem(folder_rel, f"cannot read folder: {exc.strerror}"))
                continue
            for entry in entries:
                if not _ignored(entry.name):
                    rel = f"{folder_rel}/{entry.name}"
                    if self._visit(entry, rel):
                        stack.append((Path(entry.path), rel))

    def _visit(self, entry: os.DirEntry[str], rel: str) -> bool:
        """Record the entry; True when it is a folder to walk."""
        problem = _bad_name(rel)
        if problem:
            self.problems.append(_problem(_printable(rel), problem))
        elif entry.is_symlink() and not _inside(Path(entry.path), self.top):
            self.problems.append(_problem(rel, _symlink_problem(Path(entry.path))))
        elif entry.is_symlink() and _in_git_dir(Path(entry.path), self.top):
            self.problems.append(_problem(rel, "symlink leads into git's own .git/ folder"))
        elif entry.is_dir():
            return True
        elif entry.is_file():
            _classify(entry.path, rel, self.found, self.problems)
        else:
            self.problems.append(_problem(rel, "not a regular file (or a broken symlink)"))
        return False


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _bad_name(rel: str) -> str | None:
    """Why a file name cannot be reported or loaded safely, if it cannot."""
    if not rel.isascii():
        try:
            rel.encode("utf-8")
        except UnicodeEncodeError:
            return "file name is not valid UTF-8: rename it"
    if _CONTROL.search(rel):
        return "file name contains control characters: rename it"
    return None


def _printable(rel: str) -> str:
    raw = rel.encode("utf-8", "surrogateescape")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(c if ord(c) >= 32 and ord(c) != 127 else f"\\x{ord(c):02x}" for c in text)


def _symlink_problem(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symlink loop"
    except OSError:
        pass
    return "symlink leads outside the repository"


def _classify(file: str, rel: str, found: list[Found], problems: list[Problem]) -> None:
    parts = rel.split("/")
    name = parts[-1]
    dot = name.rfind(".")  # as os.path.splitext for names that do not start with a dot (ignored)
    suffix = name[dot:] if dot > 0 else ""
    if suffix.lower() in {".yaml", ".yml"} and suffix != ".yaml":
        problems.append(_problem(rel, f"record files end in .yaml, not {suffix}: rename it"))
    elif suffix != ".yaml":
        if parts[-1] not in {"README.md", "README"}:
            problems.append(_problem(rel, "not a record file (records are .yaml files)"))
    elif len(parts) != 3:
        problems.append(_problem(rel, "records live at records/<kind>/<id>.yaml"))
    else:
        found.append(Found(file, rel))


def _in_git_dir(path: Path, top: Path) -> bool:
    """True when a symlink inside the repository resolves into a `.git` folder (git's data)."""
    try:
        parts = path.resolve().relative_to(top).parts
    except (ValueError, OSError, RuntimeError):
        return True
    return ".git" in parts


def readable(repo: Path, rel: str) -> bool:
    """True for a regular file under records/, inside the repository and outside any .git/."""
    parts = rel.split("/")
    if parts[0] != RECORDS_DIR or ".." in parts or _bad_name(rel):
        return False
    path = repo / rel
    top = repo.resolve()
    try:
        regular = path.is_file()
    except OSError:
        return False
    return regular and _inside(path, top) and not _in_git_dir(path, top)


def _inside(path: Path, top: Path) -> bool:
    try:
        path.resolve().relative_to(top)
    except (ValueError, OSError, RuntimeError):
        return False
    return True
