"""Memory housekeeping shared by the commands that read many files."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading a portfolio (or its history) makes millions of objects and no reference cycle
    worth collecting: Python's cyclic garbage collector would walk the growing heap again
    and again for nothing (a quarter of the time at 10,000 products), so it rests until the
    work is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
