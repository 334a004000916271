"""Records over git history: what changed since a commit, between two commits, in one record's life.

Git itself is asked through wgctl.gitio; only changed files are parsed, through the same safe
loader as validation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wgctl import progress
from wgctl.errors import UserError
from wgctl.files import yamlio
from wgctl.files.yamlio import record_data as as_data
from wgctl.history.diffing import describe_change
from wgctl.history.gitblobs import blobs_at, read_blobs
from wgctl.history.gitio import (
    DELETED,
    FileChange,
    Git,
    GitError,
    Revision,
    diff_names,
    file_history,
    find_record_path,
    open_git,
)

if TYPE_CHECKING:  # the models and the audience filter only for diffs, not for `log`
    from wgctl.history.diff_audience import Seen
    from wgctl.history.marks import Unchanged
    from wgctl.models import Sensitivity

Data = dict[str, dict[str, Any] | None]


@dataclass
class Comparison:
    """Record data on both sides of a change, by path, with git's renames (old -> new)."""

    span: str
    before: dict[str, dict[str, Any] | None]
    after: dict[str, dict[str, Any] | None]
    renames: dict[str, str]
    base: str = ""


def record_diff(repo: Path, spec: str, audience: Sensitivity) -> tuple[str, Seen]:
    """What `audience` may see of the change `spec` names (`wgctl diff`), and its span in words.

    One open repository for both questions: the changed records, then what the audience
    filter needs about them (wgctl.history.marks).
    """
    from wgctl.history.diff_audience import diff_for_audience  # noqa: PLC0415 - the models

    with open_git(repo) as g:
        found = _compare(g, repo, spec)
        rest = _unchanged(g, found)
    return found.span, diff_for_audience((found.before, found.after), found.renames, audience, rest)


def unchanged(repo: Path, found: Comparison) -> Unchanged:
    """What the audience filter needs of every record `found` does not change."""
    with open_git(repo) as g:
        return _unchanged(g, found)


def _unchanged(g: Git, found: Comparison) -> Unchanged:
    """Unchanged files are the same on both sides: the records that name parties are read, and
    those the changed records mention stand in as marks from the marks cache
    (wgctl.history.marks); no other record is listed or read."""
    from wgctl.history.marks import mentioned_ids, unchanged_at  # noqa: PLC0415 - the models

    return unchanged_at(g, found.base, found.before, mentioned_ids(found.before, found.after))


def compare(repo: Path, spec: str = "HEAD") -> Comparison:
    """Record data changed between `BASE`, `BASE..HEAD` or `BASE...HEAD` (merge base).

    Only changed files are parsed, through the same safe loader as validation.
    """
    with open_git(repo) as g:
        return _compare(g, repo, spec)


def _compare(g: Git, repo: Path, spec: str) -> Comparison:
    """`compare` in an open repository: the changes' blobs come from `git diff --raw`."""
    from wgctl.history.marks import is_record  # noqa: PLC0415 - the models only where needed

    base, head, span = _endpoints(g, spec)
    result = Comparison(span, {}, {}, {}, base)
    changes = [c for c in diff_names(g, base, head) if is_record(c.path)]
    blobs = read_blobs(g, sorted(_blobs(changes, committed=head is not None)))
    for change in changes:
        if change.status != "A":
            result.before[change.old_path or change.path] = as_data(_get(blobs, change.old_blob))
        if change.status != DELETED:
            raw = _get(blobs, change.new_blob) if head else _worktree(repo, change.path)
            result.after[change.path] = as_data(raw)
        if change.status == "R" and change.old_path:
            result.renames[change.old_path] = change.path
    return result


def _blobs(changes: list[FileChange], *, committed: bool) -> set[str]:
    """The blobs to read: both sides' between commits, only the base's against the work tree."""
    sides = [(c.old_blob, c.new_blob if committed else None) for c in changes]
    return {sha for pair in sides for sha in pair if sha}


def _get(blobs: dict[str, bytes], sha: str | None) -> bytes | None:
    return blobs.get(sha) if sha else None


def _endpoints(g: Git, spec: str) -> tuple[str, str | None, str]:
    """The base and head commits `spec` names (head None: the working tree), and the span in
    words: one `git log` resolves both and says their short names."""
    base_ref, dots, head_ref = spec.partition("..")
    refs = [base_ref or "HEAD", *([head_ref.removeprefix(".") or "HEAD"] if dots else [])]
    peeled = [f"{ref}^{{commit}}" for ref in refs]
    try:
        out = g.run("log", *_NAMES, "--end-of-options", *peeled, "--").split()
    except GitError:
        for ref in reversed(refs):  # which one is not a commit (head first, as always)
            g.commit(ref)
        raise
    shas = out[::2]  # in the order asked; one commit named twice is listed once
    short = dict(zip(shas, out[1::2], strict=True))
    base, head = shas[0], (shas[-1] if dots else None)
    if head is not None and head_ref.startswith("."):
        base = g.run("merge-base", "--end-of-options", base, head).strip()
        short[base] = g.run("rev-parse", "--short", "--end-of-options", base).strip()
    return base, head, f"from {short[base]} to {short[head] if head else 'the working tree'}"


_NAMES = ("--no-walk=unsorted", "--no-show-signature", "--format=%H %h")


def _worktree(repo: Path, rel: str) -> bytes | None:
    path = repo / rel
    try:
        if path.is_symlink() or path.stat().st_size > yamlio.MAX_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


@dataclass(frozen=True)
class LogEntry:
    """One commit in a record's life and what it changed, in sentences."""

    revision: Revision
    changes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        r = self.revision
        return {
            "commit": r.sha,
            "author": r.author,
            "email": r.email,
            "date": r.date.isoformat(),
            "subject": r.subject,
            "path": r.path,
            "status": r.status,
            "old_path": r.old_path,
            "changes": list(self.changes),
        }


def record_log(repo: Path, record: str) -> tuple[str, list[LogEntry]]:
    """A record's history from git, oldest first: who changed which field when."""
    with open_git(repo) as g:
        rel = find_record_path(g, record)
        revisions = file_history(g, rel)
        blobs = read_blobs(g, sorted({r.blob for r in revisions if r.blob}))
    entries = []
    previous: dict[str, Any] | None = None
    parsed: dict[str, dict[str, Any] | None] = {}
    for done, rev in enumerate(revisions, 1):
        progress.step("revisions read", done, len(revisions))
        data = None
        if rev.blob is not None:
            if rev.blob not in parsed:
                parsed[rev.blob] = as_data(blobs.get(rev.blob))
            data = parsed[rev.blob]
        entries.append(LogEntry(rev, _log_lines(rev, previous, data)))
        previous = data
    if not entries:
        raise UserError(f"{rel}: git has no history for this file (is it committed?)")
    return rel, entries


def _log_lines(
    rev: Revision, old: dict[str, Any] | None, new: dict[str, Any] | None
) -> tuple[str, ...]:
    if rev.status == DELETED:
        return ("deleted",)
    head: tuple[str, ...] = ()
    if rev.status == "A":
        return ("created" if new is not None else "created (not a readable record)",)
    if rev.status == "R":
        head = (f"renamed from {rev.old_path}",)
    return head + (describe_change(old, new) if old != new else ())


def changes_since(repo: Path, day: date, audience: Sensitivity) -> Seen:
    """What `audience` may see of the record changes from the last commit before `day` to HEAD.

    For the progress report's appendix ("changes to the records since the previous SOM"); when
    the history starts after `day`, every record counts as added. Filtered exactly like
    `wgctl diff`: what the audience may not see is counted, never named.
    """
    from wgctl.history.diff_audience import diff_for_audience  # noqa: PLC0415
    from wgctl.history.marks import is_record  # noqa: PLC0415

    with open_git(repo) as g:
        before = g.run(
            "rev-list", "-1", f"--before={day.isoformat()}T00:00:00", "HEAD", "--"
        ).strip()
    if before:
        return record_diff(repo, f"{before}..HEAD", audience)[1]
    with open_git(repo) as g:
        after = {rel: as_data(raw) for rel, raw in blobs_at(g, "HEAD").items() if is_record(rel)}
    return diff_for_audience(({}, after), {}, audience)
