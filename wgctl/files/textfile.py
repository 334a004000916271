"""Record file bytes to text: bounded before reading, UTF-8 only, every refusal located."""

from __future__ import annotations

import os
from pathlib import Path

from wgctl.errors import YamlError

MAX_BYTES = 1_000_000


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 (BOM allowed), never binary; errors name the line and the encoding.

    Why name it: "contains NUL bytes" tells a user nothing when their editor saved UTF-16.
    """
    wide = _wide_encoding(raw)
    if wide:
        raise YamlError("WG002", f"saved as {wide}; save it as UTF-8")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlError("WG002", "not a text file (contains NUL bytes)", line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError("WG002", _not_utf8(raw, exc.start), line, column) from None


def _wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when the bytes are text in one of them (by BOM or by NUL pattern)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    sample = raw[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    quarters = [sample[i::4].count(0) / len(sample[i::4]) for i in range(4)]
    if sorted(q > 0.9 for q in quarters).count(True) == 3:  # ASCII in UTF-32: 3 NULs of 4
        return "UTF-32"
    even, odd = (quarters[0] + quarters[2]) / 2, (quarters[1] + quarters[3]) / 2
    if max(even, odd) > 0.5 and min(even, odd) < 0.05:  # ASCII in UTF-16: every other byte
        return "UTF-16"
    return None


def _not_utf8(raw: bytes, start: int) -> str:
    """The UTF-8 refusal, naming Latin-1 when the bytes read as text in it."""
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "not valid UTF-8"
    byte = raw[start]
    shown = bytes([byte]).decode("cp1252")
    return f"saved as Latin-1 (byte 0x{byte:02X} is {shown!r} there), not UTF-8; save it as UTF-8"


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
