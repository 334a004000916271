"""Preview a built site on 127.0.0.1 and rebuild it when a record or template changes.

Why polling: one stat per file a second is cheap for a records repository and needs no
file-watching dependency; a rebuild writes only the files that changed.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from wgctl.errors import UserError

HOST = "127.0.0.1"


class _Quiet(SimpleHTTPRequestHandler):
    """Serve files without logging every request to the terminal."""

    def log_message(self, format: str, *args: Any) -> None:
        return


def fingerprint(repo: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every record and template file."""
    found = []
    for folder in (repo / "records", repo / "templates"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def server(out: Path, port: int) -> ThreadingHTTPServer:
    """An HTTP server for `out` on 127.0.0.1 only (port 0: any free port)."""
    handler = functools.partial(_Quiet, directory=str(out))
    return ThreadingHTTPServer((HOST, port), handler)


def watch(
    repo: Path,
    rebuild: Callable[[], None],
    report: Callable[[str], None],
    stop: threading.Event,
    interval: float = 1.0,
) -> None:
    """Call `rebuild` whenever the records or templates change, until `stop` is set."""
    seen = fingerprint(repo)
    while not stop.wait(interval):
        now = fingerprint(repo)
        if now == seen:
            continue
        seen = now
        try:
            rebuild()
        except UserError as exc:
            report(f"not rebuilt: {exc}")
