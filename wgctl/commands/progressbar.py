"""A progress bar on stderr for long work, only where a person is watching.

Shown after half a second (short runs never flash one), only when stderr is a terminal, the
output is for people (not --format json/github) and no CI variable is set; it disappears
when the work is done, so nothing of it reaches a log or a pipe.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from typing import Any

from wgctl import progress

DELAY = 0.5  # seconds of work before a bar appears (WGCTL_PROGRESS_DELAY overrides it)
REFRESH = 0.1  # seconds between updates of the bar


def wanted(for_people: bool = True) -> bool:
    """Whether a bar may be shown: a terminal, output for people, not CI."""
    return for_people and sys.stderr.isatty() and not os.environ.get("CI")


@contextlib.contextmanager
def progress_bar(for_people: bool = True) -> Iterator[None]:
    """Show the core's progress steps inside as a bar on stderr, when `wanted`."""
    if not wanted(for_people):
        yield
        return
    bar = _LateBar()
    try:
        with progress.reporting(bar.update):
            yield
    finally:
        bar.stop()


class _LateBar:
    """A rich bar that starts only once the work has lasted DELAY seconds."""

    def __init__(self) -> None:
        self._delay = float(os.environ.get("WGCTL_PROGRESS_DELAY") or DELAY)
        self._start = time.monotonic()
        self._next = self._start + self._delay
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def update(self, what: str, done: int, total: int) -> None:
        """Record a step; redraw at most every REFRESH seconds, and the last one."""
        now = time.monotonic()
        if now < self._next and done < total:
            return
        self._next = now + REFRESH
        if self._bar is None:
            if now - self._start < self._delay:
                return
            self._bar = self._open()
        if what not in self._tasks:
            self._tasks[what] = self._bar.add_task(what, total=total)
        self._bar.update(self._tasks[what], completed=done, total=total)

    def stop(self) -> None:
        """Take the bar away (it was transient: nothing stays on the screen)."""
        if self._bar is not None:
            self._bar.stop()

    @staticmethod
    def _open() -> Any:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        bar.start()
        return bar
