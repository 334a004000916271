"""Everything wgctl asks git about records: changed files, one file's history, what is unrecorded.

Git runs as a program (wgctl.history.gitrepo: the handle), never through GitPython, whose
import alone costs more than a small diff or a log. Every call passes user values after
`--end-of-options` or `--` and uses `-z` (R21); pathspecs are literal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from wgctl.errors import UserError
from wgctl.files.discover import RECORDS_DIR
from wgctl.history.gitrepo import Git, GitError, NotGitRepositoryError, open_git

__all__ = [
    "DELETED",
    "FileChange",
    "Git",
    "GitError",
    "NotGitRepositoryError",
    "Revision",
    "commit_times",
    "diff_names",
    "dirty",
    "file_history",
    "find_record_path",
    "open_git",
    "refuse_unrecorded",
]

DELETED = "D"
_RAW_DIFF = ("diff", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff", "--end-of-options")
NO_BLOB = "0" * 40  # what `git diff --raw` says of a side it has not hashed (or that is absent)


@dataclass(frozen=True)
class FileChange:
    """One line of `git diff --raw`: status letter, path, old path (renames), and the blobs."""

    status: str
    path: str
    old_path: str | None = None
    # The blob on each side (None: absent, or a working-tree file git has not hashed).
    old_blob: str | None = field(default=None, compare=False)
    new_blob: str | None = field(default=None, compare=False)


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


def _raw_changes(out: str) -> list[FileChange]:
    """Parse `diff --raw -z`: `:modes old new S\0path\0`, renames `... Rnn\0old\0new\0`."""
    fields = out.split("\0")
    changes: list[FileChange] = []
    i = 0
    while i + 1 < len(fields) and fields[i].startswith(":"):
        _, _, old, new, status = fields[i][1:].split()
        blobs = {"old_blob": _blob(old), "new_blob": _blob(new)}
        if status[0] in "RC":
            changes.append(FileChange(status[0], fields[i + 2], fields[i + 1], **blobs))
            i += 3
        else:
            changes.append(FileChange(status[0], fields[i + 1], **blobs))
            i += 2
    return changes


def _blob(sha: str) -> str | None:
    return None if sha == NO_BLOB else sha


def diff_names(g: Git, base: str, head: str | None = None) -> list[FileChange]:
    """Files under records/ that differ between two commits (head None: the working tree).

    Untracked files count as added, so a new record is seen before it is staged. Each change
    carries its blobs (`--raw`), so reading a changed file needs no lookup by path.
    """
    spec = g.top(RECORDS_DIR)
    revs = [base] if head is None else [base, head]
    out = g.run(*_RAW_DIFF, *revs, "--", spec)
    changes = _raw_changes(out)
    if head is None:
        untracked = g.run("ls-files", "-z", "--others", "--exclude-standard", "--", spec)
        changes += [FileChange("A", p) for p in untracked.split("\0") if p]
    return list(_relative(g, changes))


def _relative(g: Git, changes: list[FileChange]) -> Iterator[FileChange]:
    for change in changes:
        path = g.rel(change.path)
        old = g.rel(change.old_path) if change.old_path is not None else None
        if path is not None:
            yield FileChange(change.status, path, old, change.old_blob, change.new_blob)


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
    root = g.root / g.top(RECORDS_DIR)
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
