"""Atomic file writes: a reader sees the old file or the new one, never half of either (R25)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from wgctl.errors import UserError


def _default_mode() -> int:
    """0o666 less the process umask: what a plain `open(path, "w")` would create."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(
    path: Path,
    data: bytes,
    *,
    mode: int | None = None,
    exclusive: bool = False,
    durable: bool = True,
) -> None:
    """Write `data` to a temp file beside `path`, then move it into place.

    `exclusive` refuses to replace an existing file (FileExistsError, via a hard link, so a file
    that appears meanwhile is never overwritten). `durable` fsyncs the file and its folder, so
    a crash after return keeps the new content. The temp file is removed on any failure.
    """
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        tmp.chmod(_default_mode() if mode is None else mode)
        if exclusive:
            os.link(tmp, path)
        else:
            tmp.replace(path)
        if durable:
            _fsync_dir(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text atomically, creating the folder when needed (CODEOWNERS, calendars)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"))


def write_output(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write a command's output file (report, calendar) all or nothing, or refuse in one line.

    The folder must exist already (a typo in `-o` never creates a tree); every OS refusal
    becomes a UserError naming the path. `replace=False` refuses an existing file (exports
    overwrite only with `--force`), also one that appears while writing.
    """
    try:
        _check_output(path, replace=replace)
        write_atomic(path, data, exclusive=not replace)
    except FileExistsError:
        raise UserError(_EXISTS.format(path=path)) from None
    except OSError as exc:
        raise _cannot(path, exc) from None


def _cannot(path: Path, exc: OSError) -> UserError:
    return UserError(f"cannot write {path}: {exc.strerror or exc}")


def write_outputs(files: list[tuple[Path, bytes]], *, replace: bool = True) -> None:
    """Write several output files (a database and its metadata), refusing before writing any
    when one of them may not be written (an existing file without `replace`, a missing folder).
    """
    for path, _ in files:
        try:
            _check_output(path, replace=replace)
        except OSError as exc:
            raise _cannot(path, exc) from None
    for path, data in files:
        write_output(path, data, replace=replace)


_EXISTS = "{path}: already exists (--force replaces it)"


def _check_output(path: Path, *, replace: bool = True) -> None:
    folder = path.parent if str(path.parent) else Path()
    if path.is_dir():
        raise UserError(f"{path}: is a folder")
    if not replace and path.exists():
        raise UserError(_EXISTS.format(path=path))
    if not folder.is_dir():
        why = "is not a folder" if folder.exists() else "does not exist"
        raise UserError(f"{path}: folder {folder} {why}")


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
