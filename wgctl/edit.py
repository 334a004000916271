"""Safe in-place writes of record files: locked, checked, round-tripped, validated, atomic.

Why so careful: records are hand-written and reviewed in git. A write must keep comments,
quoting and layout (the diff shows only what changed), must never load what the safe loader
refuses, must never lose a concurrent change, and must leave the old or the new file on a
crash, never half of one (R1, R2, R25-R28).
"""

from __future__ import annotations

import difflib
import fcntl
import hashlib
import io
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.resolver import VersionedResolver

from wgctl import yamlio
from wgctl.atomic import write_atomic
from wgctl.discover import RECORDS_DIR
from wgctl.errors import UserError
from wgctl.models import KINDS, Record
from wgctl.pydantic_errors import describe

LOCK_TIMEOUT = 10.0
_BOM = "\ufeff"


class EditError(UserError):
    """A write that was refused; the message names the file (and line) and the reason."""


def file_digest(path: Path) -> str:
    """sha256 of the file's bytes (for lost-update checks)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit_record(
    repo: Path,
    rel: str,
    mutate: Callable[[CommentedMap], None],
    *,
    expect_digest: str | None = None,
) -> str:
    """Change one record in place with round-trip YAML; returns the new text."""
    path = _target(repo, rel)
    _check_writable(path, rel)
    with _lock(repo, rel):
        raw = _read(path, rel)
        digest = hashlib.sha256(raw).hexdigest()
        if expect_digest is not None and digest != expect_digest:
            raise EditError(
                f"{rel}: the file changed since it was read; nothing written, try again"
            )
        text, crlf, bom = _split_encoding(raw, rel)
        _safe_parse(text, rel)
        data = load_text(text)
        mutate(data)
        try:
            new_text = dump_text(text, data)
        except (YAMLError, ValueError, TypeError) as exc:
            raise EditError(f"{rel}: cannot write the change: {str(exc)[:200]}") from None
        _check_result(new_text, rel, expected=to_plain(data))
        out = (_BOM if bom else "") + (new_text.replace("\n", "\r\n") if crlf else new_text)
        if hashlib.sha256(_read(path, rel)).hexdigest() != digest:
            raise EditError(f"{rel}: the file changed while it was being edited; nothing written")
        _atomic_write(path, out.encode("utf-8"), rel, mode=path.stat().st_mode)
    return out


def create_record(repo: Path, rel: str, text: str) -> None:
    """Write a new record file atomically; refuses to overwrite an existing file.

    The text must be a valid record of the folder's kind (parsed and validated first).
    """
    path = _target(repo, rel, must_exist=False)
    data = _check_result(text.removeprefix(_BOM).replace("\r\n", "\n"), rel)
    stem = PurePosixPath(rel).stem
    if data.get("id") != stem:
        raise EditError(f"{rel}: the record's id must be {stem!r}, the file's name [WG102]")
    with _lock(repo, rel):
        if path.exists() or path.is_symlink():
            raise EditError(f"{rel}: already exists; refusing to overwrite it")
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_no_symlink(repo, rel)
        _atomic_write(path, text.encode("utf-8"), rel, mode=None)


def _target(repo: Path, rel: str, *, must_exist: bool = True) -> Path:
    """The file for `rel`, refused unless it is `records/<kind>/<id>.yaml` inside the repo."""
    parts = PurePosixPath(rel).parts
    if (
        PurePosixPath(rel).is_absolute()
        or "\\" in rel
        or ".." in parts
        or len(parts) != 3
        or parts[0] != RECORDS_DIR
        or not rel.endswith(".yaml")
        or parts[-1].startswith(".")
    ):
        raise EditError(f"{rel}: not a record path (records/<kind>/<id>.yaml)")
    if parts[1] not in KINDS:
        raise EditError(f"{rel}: unknown record kind {parts[1]!r}")
    path = repo / rel
    _check_no_symlink(repo, rel)
    if must_exist and not path.is_file():
        raise EditError(f"{rel}: no such record file")
    return path


def _check_no_symlink(repo: Path, rel: str) -> None:
    """Refuse a path where the file or any folder under the repository is a symlink."""
    current = repo
    for part in PurePosixPath(rel).parts:
        current = current / part
        if current.is_symlink():
            raise EditError(
                f"{rel}: {current.relative_to(repo).as_posix()} is a symlink; refusing to write through it"
            )


def _check_writable(path: Path, rel: str) -> None:
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise EditError(f"{rel}: not a regular file")
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise EditError(f"{rel}: the file is read-only; refusing to change it")


def _read(path: Path, rel: str) -> bytes:
    try:
        if path.stat().st_size > yamlio.MAX_BYTES:
            raise EditError(f"{rel}: over the {yamlio.MAX_BYTES:,}-byte limit for a record")
        return path.read_bytes()
    except OSError as exc:
        raise EditError(f"{rel}: cannot read: {exc.strerror or exc}") from None


def _split_encoding(raw: bytes, rel: str) -> tuple[str, bool, bool]:
    """LF text, whether the file used CRLF line ends, and whether it had a BOM."""
    try:
        text = yamlio.decode(raw)
    except yamlio.YamlError as exc:
        raise EditError(f"{rel}:{exc.line}: {exc.message} [{exc.rule}]") from None
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    return text.replace("\r\n", "\n"), crlf, raw.startswith(b"\xef\xbb\xbf")


def _safe_parse(text: str, rel: str) -> dict[str, Any]:
    """The safe loader's verdict first: round-trip mode alone would accept python tags."""
    for line_no, line in enumerate(text.splitlines(), 1):
        if line.startswith("%YAML") and line.split()[1:2] != ["1.2"]:
            raise EditError(f"{rel}:{line_no}: only YAML 1.2 files can be edited [WG001]")
    try:
        return yamlio.load_record_text(text)
    except yamlio.YamlError as exc:
        raise EditError(f"{rel}:{exc.line}: {exc.message} [{exc.rule}]; not changed") from None


def _check_result(text: str, rel: str, expected: Any = None) -> dict[str, Any]:
    """Parse and validate the text to be written, before anything is replaced."""
    data = _safe_parse(text, rel)
    if expected is not None and data != expected:
        raise EditError(f"{rel}: the edited text would not read back as written; not changed")
    model: type[Record] = KINDS[PurePosixPath(rel).parts[1]]
    try:
        model.model_validate(data)
    except ValidationError as exc:
        loc, rule, message, at_key = describe(exc, model)[0]
        pos = yamlio.locate(yamlio.compose(text), loc, key=at_key)
        raise EditError(f"{rel}:{pos.line}: {message} [{rule}]; not changed") from None
    except (ValueError, TypeError) as exc:
        raise EditError(f"{rel}: invalid record: {exc}; not changed") from None
    return data


@contextmanager
def _lock(repo: Path, rel: str) -> Iterator[None]:
    """An advisory lock on one lock file per repository, held for the read-modify-write."""
    git = repo / ".git"
    lock_path = git / "wgctl.lock" if git.is_dir() else repo / ".wgctl.lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise EditError(
                        f"{rel}: another wgctl is writing this repository; try again"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _atomic_write(path: Path, data: bytes, rel: str, *, mode: int | None) -> None:
    """Replace the file keeping its mode, or (mode None) create it without ever overwriting."""
    try:
        if mode is None:
            write_atomic(path, data, exclusive=True)
        else:
            write_atomic(path, data, mode=stat.S_IMODE(mode))
    except FileExistsError:
        raise EditError(f"{rel}: already exists; refusing to overwrite it") from None
    except OSError as exc:
        raise EditError(f"{rel}: cannot write: {exc.strerror or exc}; not changed") from None


# --- round-trip YAML ------------------------------------------------------------------------


class _Resolver(VersionedResolver):
    """Exactly the safe loader's scalar resolution: no timestamps, no merge keys, no `0b`."""

    @property
    def versioned_resolver(self) -> Any:
        return {k: list(v) for k, v in yamlio.implicit_resolvers().items()}


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _Resolver
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never re-wrap long lines
    return yaml


def load_text(text: str) -> CommentedMap:
    """The round-trip tree of a record's text (which the safe loader has already accepted)."""
    data: CommentedMap = _yaml().load(text)
    return data


def dump_text(original: str, data: CommentedMap) -> str:
    """New text for `data`, touching only the lines that changed where that can be proved."""
    _dates_to_text(data)
    yaml = _yaml()
    before = yaml.load(original)
    mapping, sequence, offset = _indentation(before)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    unchanged = _dump(yaml, before)
    changed = _dump(yaml, data)
    merged = _merge(original, unchanged, changed)
    if merged is not None and _same_data(merged, changed):
        return merged
    return changed


def _dump(yaml: YAML, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _same_data(left: str, right: str) -> bool:
    try:
        return yamlio.load_record_text(left) == yamlio.load_record_text(right)
    except yamlio.YamlError:
        return False


def _indentation(data: Any) -> tuple[int, int, int]:
    """(mapping, sequence, offset) as used by the file's block collections, most common first."""
    maps: list[int] = []
    seqs: list[tuple[int, int]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if not isinstance(node, CommentedMap):
            if isinstance(node, CommentedSeq):
                stack.extend(node)
            continue
        for key, value in node.items():
            stack.append(value)
            if (
                not isinstance(value, CommentedMap | CommentedSeq)
                or value.fa.flow_style()
                or not value
            ):
                continue
            line, col = node.lc.key(key)
            if value.lc.line == line:
                continue
            if isinstance(value, CommentedMap):
                maps.append(value.lc.col - col)
            else:
                seqs.append((value.lc.item(0)[1] - col, value.lc.col - col))
    mapping = max(set(maps), key=maps.count) if maps else 2
    sequence, offset = max(set(seqs), key=seqs.count) if seqs else (mapping, 0)
    return mapping, max(sequence, offset + 2), offset


def _dates_to_text(data: Any) -> None:
    """Dates set by callers become `YYYY-MM-DD` text, as the safe loader reads them."""
    stack = [data]
    while stack:
        node = stack.pop()
        items = (
            node.items()
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else ()
        )
        for key, value in list(items):
            if isinstance(value, date):
                node[key] = value.isoformat()
            else:
                stack.append(value)


def to_plain(data: Any) -> Any:
    """Round-trip data as the plain dicts, lists and scalars the safe loader would build."""
    if isinstance(data, dict):
        return {str(k): to_plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [to_plain(v) for v in data]
    if isinstance(data, bool) or data is None:
        return data
    if isinstance(data, int):
        return int(data)
    if isinstance(data, float):
        return float(data)
    if isinstance(data, date):
        return data.isoformat()
    return str(data)


def _merge(original: str, unchanged: str, changed: str) -> str | None:
    """Apply the change (unchanged -> changed) to the original lines, or None if unsure.

    Why: ruamel re-spaces flow collections and comments it did not touch; replaying only the
    changed hunks on the original keeps the diff to the keys that changed (R27).
    """
    orig = original.splitlines(keepends=True)
    base = unchanged.splitlines(keepends=True)
    new = changed.splitlines(keepends=True)
    if base == orig:
        return changed
    where: dict[int, int] = {}
    for tag, i1, i2, j1, _ in difflib.SequenceMatcher(
        None, base, orig, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            where.update((i1 + k, j1 + k) for k in range(i2 - i1))
    where[len(base)] = len(orig)
    out: list[str] = []
    pos = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, base, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            continue
        span = _span(where, i1, i2)
        if span is None or span[0] < pos:
            return None
        out += orig[pos : span[0]] + new[j1:j2]
        pos = span[1]
    return "".join(out + orig[pos:])


def _span(where: dict[int, int], i1: int, i2: int) -> tuple[int, int] | None:
    """The original lines standing for base lines [i1, i2), if they map one to one."""
    if i1 == i2:  # an insertion: next to a neighbour that maps (both must agree if both do)
        before, after = where.get(i1 - 1, -1 if i1 == 0 else None), where.get(i1)
        if before is not None and after is not None and after != before + 1:
            return None
        at = after if after is not None else None if before is None else before + 1
        return None if at is None else (at, at)
    if any(where.get(i) != where.get(i1, -2) + (i - i1) for i in range(i1, i2)):
        return None
    return where[i1], where[i1] + (i2 - i1)
