"""Safe read-modify-write of record files: checked paths, locked, digest-checked, validated, atomic.

Why so careful: records are hand-written and reviewed in git. A write must never load what the
safe loader refuses, must never lose a concurrent change, and must leave the old or the new file
on a crash, never half of one (R1, R2, R25, R26, R28). Keeping comments, quoting and layout so
the diff shows only what changed (R27) is `wgctl.files.roundtrip`'s job.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from wgctl.errors import UserError
from wgctl.files import yamlio
from wgctl.files.atomic import write_atomic
from wgctl.files.discover import RECORDS_DIR
from wgctl.files.pydantic_errors import describe
from wgctl.files.roundtrip import BOM, dump_text, join_encoding, load_text, split_encoding, to_plain
from wgctl.models import KINDS, Record

LOCK_TIMEOUT = 10.0


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
    check: Callable[[dict[str, Any]], None] | None = None,
) -> str:
    """Change one record in place with round-trip YAML; returns the new text.

    `check` sees the edited record's plain data before anything is written, and may refuse it.
    """
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
        edited = _check_result(new_text, rel, expected=to_plain(data))
        if check is not None:
            check(edited)
        out = join_encoding(new_text, crlf=crlf, bom=bom)
        if hashlib.sha256(_read(path, rel)).hexdigest() != digest:
            raise EditError(f"{rel}: the file changed while it was being edited; nothing written")
        _atomic_write(path, out.encode("utf-8"), rel, mode=path.stat().st_mode)
    return out


def create_record(repo: Path, rel: str, text: str) -> None:
    """Write a new record file atomically; refuses to overwrite an existing file.

    The text must be a valid record of the folder's kind (parsed and validated first).
    """
    path = _target(repo, rel, must_exist=False)
    data = _check_result(text.removeprefix(BOM).replace("\r\n", "\n"), rel)
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
        return split_encoding(raw)
    except yamlio.YamlError as exc:
        raise EditError(f"{rel}:{exc.line}: {exc.message} [{exc.rule}]") from None


def _safe_parse(text: str, rel: str) -> dict[str, Any]:
    """The safe loader's verdict first: round-trip mode alone would accept python tags."""
    for line_no, line in enumerate(text.splitlines(), 1):
        if line.startswith("%YAML") and line.split()[1:2] != ["1.2"]:
            raise EditError(f"{rel}:{line_no}: only YAML 1.2 files can be edited [WG001]")
    try:
        return yamlio.load_record_text(text)
    except yamlio.YamlError as exc:
        more = f" (and {len(exc.all) - 1} more)" if len(exc.all) > 1 else ""
        raise EditError(
            f"{rel}:{exc.line}: {exc.message} [{exc.rule}]{more}; not changed"
        ) from None


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
