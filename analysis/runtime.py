"""Runtime tuning shared by the entry points: pausing the cyclic garbage collector while extracting.

>>> import gc
>>> with cyclic_gc_paused():
...     gc.isenabled()
False
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["cyclic_gc_paused"]

_GC_LOCK = threading.Lock()
_gc_pauses = 0  # extractions running in this process
_gc_was_enabled = False


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while articles are extracted.

    Extraction makes no reference cycles (reference counting frees everything it drops; a test
    checks it), but it allocates so much that the collector runs again and again, and each full
    collection walks every object of the process (pandas, the gazetteer, the caches): about 5% of a
    long run, to free nothing. The collector's state is restored when the last extraction running
    in the process (in any thread) ends.
    """
    global _gc_pauses, _gc_was_enabled
    with _GC_LOCK:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
