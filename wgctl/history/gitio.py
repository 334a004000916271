"""Everything wgctl asks git: changed files, files at a revision, one file's history.

The only module importing gitpython. Every call passes user values after `--end-of-options`
or `--` and uses `-z` (R21); pathspecs are literal; each Repo is closed on the way out so no
`git` process outlives a command (R22); plain folders, unborn HEADs and bad refs are one-line
InputErrors (R23).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import git

from wgctl.errors import InputError, UserError
from wgctl.files import yamlio
from wgctl.files.discover import RECORDS_DIR

DELETED = "D"


@dataclass(frozen=True)
class FileChange:
    """One line of `git diff --name-status`: status letter, old path (renames) and path."""

    status: str
    path: str
    old_path: str | None = None


@dataclass(frozen=True)
class Revision:
    """One commit that touched a file, and the file's path and status in that commit."""

    sha: str
    author: str
    email: str
    date: datetime
    subject: str
    path: str
    status: str
    old_path: str | None = None
    blob: str | None = None  # the file's blob sha in this commit (None: deleted)


class Git:
    """An open repository: runs git with literal pathspecs, maps paths to the records repo."""

    def __init__(self, repo: git.Repo, prefix: str) -> None:
        self.repo = repo
        self.prefix = prefix  # the records repo's folder inside the git working tree ("" or "x/")

    def run(self, *args: str) -> str:
        """Run one git command (argument list, never a shell string) and return stdout."""
        return str(self.repo.git.execute(["git", *args], with_extended_output=False))

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
        except git.GitCommandError:
            raise InputError(f"{ref!r}: no such commit in this repository") from None


class NotGitRepositoryError(InputError):
    """The records repository is a plain folder: there is no git history to read or write."""


@contextmanager
def open_git(path: Path) -> Iterator[Git]:
    """The git repository holding `path`, closed on exit; InputError when there is none."""
    try:
        repo = git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise NotGitRepositoryError(
            f"{path.absolute()}: not a git repository (this command needs git history)"
        ) from None
    with repo:
        top = repo.working_tree_dir
        if top is None:
            raise InputError(f"{path}: a bare repository has no records to compare")
        if not repo.head.is_valid():
            raise InputError(f"{path}: the repository has no commits yet")
        repo.git.update_environment(GIT_LITERAL_PATHSPECS="1", GIT_OPTIONAL_LOCKS="0")
        inner = path.resolve().relative_to(Path(top).resolve()).as_posix()
        yield Git(repo, "" if inner == "." else inner + "/")


def _name_status(out: str) -> list[FileChange]:
    """Parse `--name-status -z` output: `S\\0path\\0` or `Rnn\\0old\\0new\\0`."""
    fields = out.split("\0")
    changes: list[FileChange] = []
    i = 0
    while i < len(fields) and fields[i].strip():
        status = fields[i].strip()[0]
        if status in "RC":
            changes.append(FileChange(status, fields[i + 2], fields[i + 1]))
            i += 3
        else:
            changes.append(FileChange(status, fields[i + 1]))
            i += 2
    return changes


def diff_names(g: Git, base: str, head: str | None = None) -> list[FileChange]:
    """Files under records/ that differ between two commits (head None: the working tree).

    Untracked files count as added, so a new record is seen before it is staged.
    """
    spec = g.top(RECORDS_DIR)
    revs = [base] if head is None else [base, head]
    out = g.run(
        "diff", "--name-status", "-z", "-M", "--no-ext-diff", "--end-of-options", *revs, "--", spec
    )
    changes = _name_status(out)
    if head is None:
        untracked = g.run("ls-files", "-z", "--others", "--exclude-standard", "--", spec)
        changes += [FileChange("A", p) for p in untracked.split("\0") if p]
    return list(_relative(g, changes))


def _relative(g: Git, changes: list[FileChange]) -> Iterator[FileChange]:
    for change in changes:
        path = g.rel(change.path)
        old = g.rel(change.old_path) if change.old_path is not None else None
        if path is not None:
            yield FileChange(change.status, path, old)


def blobs_at(g: Git, rev: str, max_bytes: int = yamlio.MAX_BYTES) -> dict[str, bytes | None]:
    """The bytes of every file under records/ at `rev` (None when over the size limit)."""
    tree = g.repo.commit(rev).tree
    spec = g.top(RECORDS_DIR)
    try:
        folder = tree / spec
    except KeyError:
        return {}
    blobs: dict[str, bytes | None] = {}
    for item in folder.traverse():
        if isinstance(item, git.Blob) and item.type == "blob":
            rel = g.rel(str(item.path))
            if rel is not None:
                blobs[rel] = item.data_stream.read() if item.size <= max_bytes else None
    return blobs


def blob_at(g: Git, rev: str, rel: str) -> bytes | None:
    """One file's bytes at a commit, or None when it does not exist there."""
    try:
        item = g.repo.commit(rev).tree / g.top(rel)
    except KeyError:
        return None
    if not isinstance(item, git.Blob) or item.size > yamlio.MAX_BYTES:
        return None
    data: bytes = item.data_stream.read()
    return data


def file_history(g: Git, rel: str) -> list[Revision]:
    """Every commit that touched `rel`, oldest first, following renames.

    One `git log` gives the commits, their authors and the file's blob at each (`--raw`), so
    no process or object lookup is spent per revision.
    """
    out = g.run(
        "log",
        "--follow",
        "-z",
        "-M",
        "--raw",
        "--no-abbrev",
        "--format=%x1e%H%x00%an%x00%ae%x00%aI%x00%s",
        "--end-of-options",
        "HEAD",
        "--",
        g.top(rel),
    )
    revisions = [r for chunk in out.split("\x1e")[1:] if (r := _revision(g, chunk))]
    revisions.reverse()
    return revisions


def _revision(g: Git, chunk: str) -> Revision | None:
    """One commit of `git log --raw -z` output: header fields, then `:modes shas S\\0path\\0`."""
    sha, author, email, day, subject, raw, *paths = chunk.split("\0")
    fields = raw.split()
    if len(fields) < 5 or not paths:
        return None
    status = fields[4][0]
    renamed = status in "RC" and len(paths) > 2
    path, old = (g.rel(paths[1]), g.rel(paths[0])) if renamed else (g.rel(paths[0]), None)
    if path is None:
        return None
    return Revision(
        sha=sha,
        author=author,
        email=email,
        date=datetime.fromisoformat(day),
        subject=subject,
        path=path,
        status=status,
        old_path=old,
        blob=None if status == DELETED else fields[3],
    )


def dirty(g: Git, rel: str) -> bool:
    """True when git has changes to `rel` it has not recorded (staged, unstaged or untracked)."""
    return bool(g.run("status", "--porcelain", "-z", "--", g.top(rel)).strip("\0"))


def refuse_unrecorded(repo: Path, rel: str, *, force: bool) -> None:
    """Refuse to write `rel` where git could not show or undo the change, unless `force`.

    One policy for every command that writes into a repository (edits, roster apply,
    CODEOWNERS): changes git has not recorded would mix with wgctl's, and outside git there
    is no history to show or undo the write.
    """
    if force:
        return
    try:
        with open_git(repo) as g:
            changed = dirty(g, rel)
    except NotGitRepositoryError:
        raise UserError(
            f"{repo.absolute()}: not a git repository, so git could not show or undo this "
            "change; use --force to write anyway"
        ) from None
    if changed:
        raise UserError(
            f"{rel}: has changes git has not recorded; commit them first, or use --force"
        )


def find_record_path(g: Git, record: str) -> str:
    """A record's repo-relative path from an id or a path, looking at HEAD's tree too.

    A path must stay inside records/ (no `..`, not absolute): git is never asked about a file
    outside the repository.
    """
    if "/" in record or record.endswith(".yaml"):
        path = PurePosixPath(record)
        if (
            path.is_absolute()
            or ".." in path.parts
            or len(path.parts) != 3
            or path.parts[0] != RECORDS_DIR
        ):
            raise UserError(f"{record!r}: not a record path (give an id or records/KIND/ID.yaml)")
        return path.as_posix()
    root = Path(str(g.repo.working_tree_dir)) / g.top(RECORDS_DIR)
    hits = sorted(p.relative_to(root.parent).as_posix() for p in root.glob(f"*/{record}.yaml"))
    if not hits:
        names = g.run(
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            "--end-of-options",
            "HEAD",
            "--",
            g.top(RECORDS_DIR),
        )
        hits = sorted(
            r
            for n in names.split("\0")
            if (r := g.rel(n)) and PurePosixPath(r).name == f"{record}.yaml"
        )
    if not hits:
        raise UserError(f"no record with id {record!r} (give its path to see a deleted record)")
    if len(hits) > 1:
        raise UserError(f"{record!r} names several records: {', '.join(hits)}; give the path")
    return hits[0]


def commit_times(g: Git, folder: str) -> tuple[datetime | None, dict[str, list[datetime]]]:
    """HEAD's commit time, and for each file under `folder` the times of the commits touching it.

    Why one `git log`: a calendar needs every meeting's revision count and last change, and one
    log for the folder is one process instead of one per file. Times are UTC, newest first.
    """
    head = g.run("log", "-1", "--format=%ct", "--end-of-options", "HEAD").strip()
    out = g.run(
        "log",
        "-z",
        "--format=%x1e%ct",
        "--name-only",
        "--end-of-options",
        "HEAD",
        "--",
        g.top(folder),
    )
    times: dict[str, list[datetime]] = {}
    for chunk in out.split("\x1e")[1:]:
        stamp, *names = chunk.split("\0")
        when = datetime.fromtimestamp(int(stamp), UTC)
        for name in names:
            rel = g.rel(name.strip("\n"))
            if rel:
                times.setdefault(rel, []).append(when)
    return (datetime.fromtimestamp(int(head), UTC) if head else None), times
