"""Bulk work over hundreds of thousands of rows: pausing the cyclic garbage collector."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_gc_lock = threading.Lock()
_gc_readers = 0
_gc_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a bulk read.

    An Excel read keeps its result alive (420,000 Members and Households for
    100,000 households) while openpyxl allocates millions of short-lived
    objects, so every full collection walks an ever larger heap: measured on
    100,000 households, 56 CPU-seconds with the collector, 40.5 without
    (bare openpyxl: 36). Reference counting still frees all acyclic garbage;
    only cycles wait until the read ends. The switch is process-wide, so
    concurrent reads share it: the last one to finish restores the state the
    first one found.
    """
    global _gc_readers, _gc_was_enabled
    with _gc_lock:
        if _gc_readers == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_readers += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_readers -= 1
            if _gc_readers == 0 and _gc_was_enabled:
                gc.enable()
