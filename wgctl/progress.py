"""How long work says how far it got, without knowing who shows it (the commands decide).

Core loops call `step("files read", done, total)`; it costs one context lookup when nobody
listens. A command that shows a progress bar listens with `reporting(callback)`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar

Listener = Callable[[str, int, int], None]  # (what is counted, done, total)
_LISTENER: ContextVar[Listener | None] = ContextVar("wgctl_progress", default=None)


def step(what: str, done: int, total: int) -> None:
    """Say that `done` of `total` units of `what` are finished."""
    listener = _LISTENER.get()
    if listener is not None:
        listener(what, done, total)


@contextlib.contextmanager
def reporting(listener: Listener) -> Iterator[None]:
    """Send every step inside to `listener`."""
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)
