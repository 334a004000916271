"""Coverage measures wgctl, not the libraries it calls: heavy library work can run untraced."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def untraced() -> Iterator[None]:
    """Run the block without the trace function (coverage's tracer, a debugger's), then put it
    back as it was. Only for code that never calls back into wgctl: coverage keeps its place in
    the frames around the block and goes on measuring them after it."""
    tracer = sys.gettrace()
    if tracer is None:
        yield
        return
    sys.settrace(None)
    try:
        yield
    finally:
        sys.settrace(tracer)


def untraced_function(function: F) -> F:
    """`function`, run untraced (see `untraced`)."""
    if getattr(function, "untraced", False):
        return function

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        with untraced():
            return function(*args, **kwargs)

    run.untraced = True  # type: ignore[attr-defined]
    return run  # type: ignore[return-value]
