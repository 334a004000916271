"""Keep Python's cyclic garbage collector off the records while there are many of them.

Why: each full GC pass walks every live object. Loading 10,000 records makes hundreds of
passes over a growing heap (quadratic), and the checks' temporaries trigger more passes over
all the records; records hold no reference cycles, so those passes only cost time (about a
quarter of a cold validate at 50k records).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No GC passes inside: for bulk loading or (un)pickling of many small objects."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def gc_frozen() -> Iterator[None]:
    """GC passes inside ignore every object made before: for work over loaded records."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
