"""Git objects in bulk: the files under records/ at a commit, and many blobs in one stream.

Why apart from wgctl.history.gitio: one `git ls-tree` lists any part of a tree and one
`git cat-file --batch` reads any number of blobs, so a command reading a record's history or a
diff's records pays one process per question, never one per file or per revision.
"""

from __future__ import annotations

from collections.abc import Iterable

from wgctl.files.discover import RECORDS_DIR
from wgctl.files.textfile import MAX_BYTES
from wgctl.history.gitrepo import Git

_FILE_MODES = ("100644", "100755")  # not symlinks: their blob is a path, not a record
_LINK_MODE = "120000"
MANY_PATHS = 500


def tree_blobs(g: Git, rev: str, paths: Iterable[str] = (RECORDS_DIR,)) -> dict[str, str]:
    """{path: blob sha} of every regular file at or under `paths` (records-repo paths) at `rev`."""
    listed = _listing(g, rev, paths)
    return {rel: sha for rel, (mode, sha) in listed.items() if mode in _FILE_MODES}


def pathspecs(paths: set[str]) -> list[str]:
    """What to ask `tree_blobs` about so its answer holds `paths`: themselves, or their folders.

    Why by path: the records a diff's audience decision needs are a handful out of thousands,
    and naming them asks git about those entries only. Past `MANY_PATHS` their folders are
    asked instead (the argument list stays short; git matches each entry once).
    """
    if len(paths) <= MANY_PATHS:
        return sorted(paths)
    return sorted({p.rpartition("/")[0] for p in paths})


def _listing(g: Git, rev: str, paths: Iterable[str]) -> dict[str, tuple[str, str]]:
    """{path: (mode, blob sha)} of the blobs at or under `paths` at `rev`."""
    specs = [g.top(p) for p in paths]
    if not specs:
        return {}
    out = g.run("ls-tree", "-r", "-z", "--full-tree", "--end-of-options", rev, "--", *specs)
    found: dict[str, tuple[str, str]] = {}
    for entry in out.split("\0"):
        meta, _, path = entry.partition("\t")
        fields = meta.split()
        rel = g.rel(path)
        if len(fields) == 3 and fields[1] == "blob" and rel:
            found[rel] = (fields[0], fields[2])
    return found


def blobs_at(g: Git, rev: str, max_bytes: int = MAX_BYTES) -> dict[str, bytes | None]:
    """The bytes of every file under records/ at `rev` (None when over the size limit).

    Symbolic links count as files here, their blob being the path they point to: a record
    file that is a link is a file that is not a record, as elsewhere.
    """
    listed = {
        rel: sha
        for rel, (mode, sha) in _listing(g, rev, (RECORDS_DIR,)).items()
        if mode in (*_FILE_MODES, _LINK_MODE)
    }
    blobs = read_blobs(g, sorted(set(listed.values())), max_bytes)
    return {rel: blobs.get(sha) for rel, sha in listed.items()}


def read_blobs(g: Git, shas: list[str], max_bytes: int = MAX_BYTES) -> dict[str, bytes]:
    """The bytes of each blob in one `git cat-file --batch` stream (omitted: missing, too big)."""
    if not shas:
        return {}
    stream = "".join(f"{sha}\n" for sha in shas).encode()
    out = g.output("cat-file", "--batch", stdin=stream)
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
