"""Each record page's history: the commits that changed the record, as its audience may see them.

Like `wgctl log`, one entry per commit (date, what changed field by field), but for every page
in one pass: one `git log --raw` over records/ and one `git cat-file --batch` stream for the
revisions shown, never a git process per record. Each revision is judged by the same audience
filter as the rest of the site (`audience.as_seen`, against the build's view): a commit whose
change the audience may not see is left out, and a revision the audience may not see counts as
absent. Commit messages (free text) and authors (personal data) reach the restricted build only.
Bounded: the last `LOG_LIMIT` commits of each record, and a count of the earlier ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from wgctl import dates
from wgctl.confidentiality.audience import View, as_seen
from wgctl.confidentiality.seen import seen_data
from wgctl.errors import InputError
from wgctl.files.discover import RECORDS_DIR
from wgctl.files.yamlio import record_data
from wgctl.history.diffing import describe_change
from wgctl.history.gitblobs import read_blobs, tree_blobs
from wgctl.history.gitio import DELETED, Git, diff_names, open_git
from wgctl.history.marks import as_record
from wgctl.models import Record, Sensitivity
from wgctl.site.history_memo import HistoryMemo
from wgctl.site.links import FOLDERS
from wgctl.site.past_parties import PARTY_KINDS, with_past_parties

LOG_LIMIT = 20
_FORMAT = "--format=%x1e%H%x00%an%x00%aI%x00%s"


@dataclass(frozen=True)
class Touch:
    """One commit's change to one record file."""

    sha: str
    author: str
    when: datetime
    subject: str
    status: str  # git's letter: A, M, D, R...
    blob: str | None  # the file's blob after the commit (None: deleted)


@dataclass
class Histories:
    """The history shown on each record page, by the record file's path."""

    by_path: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    earlier: dict[str, int] = field(default_factory=dict)  # commits older than those shown

    def of(self, path: str) -> dict[str, Any]:
        """One page's history: its entries, newest first, and how many earlier commits."""
        return {"entries": self.by_path.get(path, []), "earlier": self.earlier.get(path, 0)}


def record_histories(repo: Path, view: View) -> Histories:
    """The history of every record that has a page, for the view's audience (none without git)."""
    paged = tuple(FOLDERS)
    paths = [r.path for r in view.records if isinstance(r, paged)]
    out = Histories()
    try:
        with open_git(repo) as g:
            touches, counts, parties = _touches(g, paths)
            current = _clean_blobs(g)
            view = with_past_parties(
                g, view, {b: k for b, k in parties.items() if b not in current}
            )
            memo = HistoryMemo(g.git_dir, view)
            keys = {
                p: memo.key(p, [(t.sha, t.status, t.blob) for t in ts]) for p, ts in touches.items()
            }
            for path in touches:
                remembered = memo.get(keys[path])
                if remembered is not None:
                    out.by_path[path] = remembered
            pending = [p for p in touches if p not in out.by_path]
            judge = _judge(g, view, current, [t for p in pending for t in touches[p]])
    except InputError:  # a plain folder, or no commits yet: pages without history
        return Histories()
    for path in pending:
        out.by_path[path] = _entries(judge, touches[path], path.split("/")[-2], view.audience)
        memo.put(keys[path], out.by_path[path])
    memo.save()
    for path, revisions in touches.items():
        out.earlier[path] = counts[path] - min(len(revisions), LOG_LIMIT)
    return out


def _judge(g: Git, view: View, current: dict[str, str], revisions: list[Touch]) -> _Judge:
    """A judge of these revisions: the working tree's from the view, the others read from git."""
    if not revisions:
        return _Judge(view, current, {})
    wanted = {t.blob for t in revisions if t.blob}
    return _Judge(view, current, read_blobs(g, sorted(wanted - current.keys())))


def _touches(
    g: Git, paths: list[str]
) -> tuple[dict[str, list[Touch]], dict[str, int], dict[str, str]]:
    """The last LOG_LIMIT + 1 commits of each path (renames followed), newest first; counts;
    and every version of a party record the history holds ({blob: kind}, see past_parties)."""
    out = g.run(
        "log", "-z", "--raw", "--no-abbrev", "-M", _FORMAT, "HEAD", "--", g.top(RECORDS_DIR)
    )
    tracked = {g.top(p): p for p in paths}  # the file's path at this point of history -> record
    touches: dict[str, list[Touch]] = {p: [] for p in paths}
    counts = dict.fromkeys(paths, 0)
    parties: dict[str, str] = {}
    for chunk in out.split("\x1e")[1:]:
        sha, author, day, subject, *rest = chunk.split("\0")
        for status, (was, blob), path, old in _raw(rest):
            kind = path.split("/")[-2:][0]  # the folder a record file is in
            if kind in PARTY_KINDS:
                parties.update({b: kind for b in (was, blob) if b})
            record = tracked.get(path)
            if record is None:
                continue
            counts[record] += 1
            if len(touches[record]) <= LOG_LIMIT:
                when = datetime.fromisoformat(day)
                touches[record].append(Touch(sha, author, when, subject, status, blob))
            if old is not None:  # older commits knew the file by its old name
                del tracked[path]
                tracked[old] = record
    return touches, counts, parties


def _raw(
    tokens: list[str],
) -> list[tuple[str, tuple[str | None, str | None], str, str | None]]:
    """`:modes shas STATUS\\0path\\0` (two paths for a rename) ->
    (status, (blob before, blob after), path, old path)."""
    found = []
    i = 0
    while i < len(tokens):
        meta = tokens[i].strip()
        i += 1
        if not meta.startswith(":"):
            continue
        fields = meta.split()
        status = fields[4][0]
        was = None if status == "A" else fields[2]
        blobs = (was, None if status == DELETED else fields[3])
        if status in "RC":
            found.append((status, blobs, tokens[i + 1], tokens[i] if status == "R" else None))
            i += 2
        else:
            found.append((status, blobs, tokens[i], None))
            i += 1
    return found


def _clean_blobs(g: Git) -> dict[str, str]:
    """{blob sha: path} of record files whose working copy is as committed at HEAD."""
    changed = {c.path for c in diff_names(g, "HEAD")}
    return {sha: rel for rel, sha in tree_blobs(g, "HEAD").items() if rel not in changed}


class _Judge:
    """Each blob's record as the audience sees it (None: hidden or unreadable), and its data.

    Both on demand: most commits need only to know whether the audience sees the record.
    """

    def __init__(self, view: View, current: dict[str, str], raw: dict[str, bytes]) -> None:
        self.view, self.current, self.raw = view, current, raw
        self.by_path = {r.path: r for r in view.records}
        self.records: dict[tuple[str, str], Record | None] = {}
        self.datas: dict[tuple[str, str], dict[str, Any]] = {}

    def seen(self, blob: str | None, kind: str) -> bool:
        """True when the audience may see the record as it is in `blob`."""
        return blob is not None and self._record(blob, kind) is not None

    def data(self, blob: str, kind: str) -> dict[str, Any]:
        """The record in `blob` as the audience sees it, as plain data (`seen` must be True)."""
        if (blob, kind) not in self.datas:
            record = self._record(blob, kind)
            assert record is not None  # noqa: S101 - callers ask `seen` first
            self.datas[blob, kind] = seen_data(self.view, record)
        return self.datas[blob, kind]

    def _record(self, blob: str, kind: str) -> Record | None:
        if (blob, kind) not in self.records:
            if blob in self.current:  # as in the working tree: the view has already judged it
                found = self.by_path.get(self.current[blob])
            else:
                old = as_record(kind, record_data(self.raw.get(blob)))
                found = as_seen(self.view, old) if old is not None else None
            self.records[blob, kind] = found
        return self.records[blob, kind]


def _entries(
    judge: _Judge, revisions: list[Touch], kind: str, audience: Sensitivity
) -> list[dict[str, Any]]:
    """What the audience may see of each commit shown, newest first (the oldest one kept only
    stands as the version before, when there are more than LOG_LIMIT)."""
    entries: list[dict[str, Any]] = []
    for at, touch in enumerate(revisions[:LOG_LIMIT]):
        before = revisions[at + 1] if at + 1 < len(revisions) else None
        lines = _lines(judge, kind, touch, before)
        if lines:
            entries.append(_entry(touch, lines, audience))
    return entries


def _lines(judge: _Judge, kind: str, touch: Touch, before: Touch | None) -> tuple[str, ...]:
    """What a commit changed, in sentences; nothing when the audience sees no change."""
    old_seen = before is not None and judge.seen(before.blob, kind)
    if touch.blob is None or not judge.seen(touch.blob, kind):
        return ("deleted",) if touch.status == DELETED and old_seen else ()
    if before is None or before.blob is None or not old_seen:
        first = before is None and touch.status == "A"
        return ("created",) if first else ("first version shown here",)
    old, new = judge.data(before.blob, kind), judge.data(touch.blob, kind)
    head = ("renamed",) if touch.status == "R" else ()
    return head + describe_change(old, new) if old != new or head else ()


def _entry(touch: Touch, lines: tuple[str, ...], audience: Sensitivity) -> dict[str, Any]:
    """One commit on a page: commit message and author only for the restricted audience."""
    named = audience is Sensitivity.RESTRICTED
    return {
        "when": dates.label(touch.when.date()),
        "commit": touch.sha[:10] if named else "",
        "author": touch.author if named else "",
        "subject": touch.subject if named else "",
        "changes": list(lines),
    }
