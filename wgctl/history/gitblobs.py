"""Git objects in bulk: every record's blob at a commit, and many blobs in one stream.

Why apart from wgctl.gitio: these never go through GitPython's object database (one lookup
per object); one `git ls-tree` lists 10,000 records and one `git cat-file --batch` reads any
number of blobs, so a command reading a record's history or a diff's records pays per change.
"""

from __future__ import annotations

from wgctl.files.discover import RECORDS_DIR
from wgctl.files.textfile import MAX_BYTES
from wgctl.gitcmd import run_git
from wgctl.history.gitio import Git

_FILE_MODES = ("100644", "100755")  # not symlinks: their blob is a path, not a record


def tree_blobs(g: Git, rev: str) -> dict[str, str]:
    """{path: blob sha} of every regular file under records/ at `rev` (one `git ls-tree`)."""
    out = g.run(
        "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", rev, "--", g.top(RECORDS_DIR)
    )
    found: dict[str, str] = {}
    for entry in out.split("\0"):
        meta, _, path = entry.partition("\t")
        fields = meta.split()
        rel = g.rel(path)
        if len(fields) == 3 and fields[1] == "blob" and fields[0] in _FILE_MODES and rel:
            found[rel] = fields[2]
    return found


def read_blobs(g: Git, shas: list[str], max_bytes: int = MAX_BYTES) -> dict[str, bytes]:
    """The bytes of each blob in one `git cat-file --batch` stream (omitted: missing, too big)."""
    if not shas:
        return {}
    stream = "".join(f"{sha}\n" for sha in shas).encode()
    out = run_git(str(g.repo.working_tree_dir), "cat-file", "--batch", stdin=stream)
    at, found = 0, {}
    while at < len(out):
        end = out.index(b"\n", at)
        name, kind, *size = out[at:end].decode().split()
        at = end + 1
        if kind == "missing" or not size:
            continue
        length = int(size[0])
        if kind == "blob" and length <= max_bytes:
            found[name] = out[at : at + length]
        at += length + 1
    return found
