"""An open git repository: the handle every history question goes through.

Git runs as a program through wgctl.gitcmd (argument lists, never a shell; no optional locks;
a time limit), not through GitPython: its import alone costs more than a small diff or a log.
Each git process has ended before its call returns, so none outlives a command (R22); plain
folders, unborn HEADs, bad refs and a failing git are one-line errors (R23).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from wgctl.errors import InputError, WgctlError
from wgctl.gitcmd import TIMEOUT, run_git


class GitError(WgctlError):
    """Git itself failed (a damaged repository, git missing or too slow): said in one line."""

    exit_code = 2


@dataclass(frozen=True)
class Git:
    """An open repository: runs git with literal pathspecs, maps paths to the records repo."""

    root: Path  # the working tree's top folder
    git_dir: Path
    prefix: str  # the records repo's folder inside the git working tree ("" or "x/")

    def output(self, *args: str, stdin: bytes | None = None) -> bytes:
        """The standard output of one git command (argument list, never a shell string)."""
        return _git(self.root, "--literal-pathspecs", *args, stdin=stdin)

    def run(self, *args: str) -> str:
        """The standard output of one git command, as text."""
        return self.output(*args).decode("utf-8", "surrogateescape")

    def top(self, rel: str) -> str:
        """A records-repo-relative path as a pathspec relative to the working tree."""
        return self.prefix + rel

    def rel(self, top: str) -> str | None:
        """A working-tree path relative to the records repo (None when outside it)."""
        return top[len(self.prefix) :] if top.startswith(self.prefix) else None

    def commit(self, ref: str) -> str:
        """The full sha of the commit `ref` names, or an InputError (exit 2)."""
        try:
            return self.run(
                "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
            ).strip()
        except GitError:
            raise InputError(f"{ref!r}: no such commit in this repository") from None


def _git(where: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """`git ARGS` in `where`; a GitError saying git's own first line when it fails."""
    try:
        return run_git(where, *args, stdin=stdin)
    except subprocess.CalledProcessError as exc:
        said = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise _RefusedError(f"git {_verb(args)}: {said[0] if said else 'failed'}", exc) from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {_verb(args)}: no answer within {TIMEOUT} s") from None
    except OSError as exc:
        raise GitError(f"git could not be started: {exc}") from None


class _RefusedError(GitError):
    """Git ran and said no (an exit status other than 0); `failed` holds what it said."""

    def __init__(self, message: str, failed: subprocess.CalledProcessError) -> None:
        super().__init__(message)
        self.failed = failed


def _verb(args: tuple[str, ...]) -> str:
    return next((a for a in args if not a.startswith("-")), "")


class NotGitRepositoryError(InputError):
    """The records repository is a plain folder: there is no git history to read or write."""


@contextmanager
def open_git(path: Path) -> Iterator[Git]:
    """The git repository holding `path`; InputError when there is none or it has no commits.

    One `git rev-parse` says where the repository is and whether HEAD is born. A context
    manager, as callers have always used it: nothing stays open, since every git process
    ends within its call.
    """
    asked = ("--absolute-git-dir", "--show-prefix", "--show-toplevel", "--verify", "-q", "HEAD")
    try:
        lines = _git(path, "rev-parse", *asked).decode("utf-8", "surrogateescape").split("\n")
    except _RefusedError as exc:
        raise _unusable(path, exc.failed) from None
    git_dir, inner, top = lines[:3]
    yield Git(Path(top), Path(git_dir), inner)


def _unusable(path: Path, failed: subprocess.CalledProcessError) -> InputError:
    """Why git found no usable repository at `path`, in one line."""
    said = (failed.stderr or b"").decode("utf-8", "replace")
    if failed.returncode == 1 and not said.strip():  # found, but HEAD is not a commit yet
        return InputError(f"{path}: the repository has no commits yet")
    if "must be run in a work tree" in said:
        return InputError(f"{path}: a bare repository has no records to compare")
    return _not_git(path)


def _not_git(path: Path) -> NotGitRepositoryError:
    return NotGitRepositoryError(
        f"{path.absolute()}: not a git repository (this command needs git history)"
    )
