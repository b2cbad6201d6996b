"""Python's cyclic garbage collector held back while a big batch of small objects is made.

An import's preview and its writing, the morning agenda and the calendar file make
thousands to millions of rows, dicts and tuples, none of them in a cycle; the collector would walk all of them again at every full pass (a fifth of
a large import's time). Reference counting still frees each one as it goes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
