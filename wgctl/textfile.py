"""Record file bytes to text: bounded before reading, UTF-8 only, every refusal located."""

from __future__ import annotations

import os
from pathlib import Path

from wgctl.errors import YamlError

MAX_BYTES = 1_000_000


def decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 (BOM allowed), never binary; errors name the line."""
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlError("WG002", "not a text file (contains NUL bytes)", line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError("WG002", "not valid UTF-8", line, column) from None


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a file as text, refusing it before reading when it is over `max_bytes`."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # never blocks on a FIFO
        try:
            size = os.fstat(fd).st_size
            raw = os.read(fd, max_bytes + 1) if size <= max_bytes else b""
            while (
                size <= max_bytes
                and len(raw) <= max_bytes
                and (more := os.read(fd, max_bytes + 1 - len(raw)))
            ):
                raw += more  # the file grew after the stat, or a short read
        finally:
            os.close(fd)
    except OSError as exc:
        raise YamlError("WG009", f"cannot read file: {exc.strerror or exc}") from None
    if size > max_bytes or len(raw) > max_bytes:
        size = max(size, len(raw))
        msg = f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for a record"
        raise YamlError("WG003", msg)
    return decode(raw)
