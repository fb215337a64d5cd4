"""Pausing Python's cycle collector while a burst of acyclic objects is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cycle collector off for the block, then restore it as it was.

    Scoring 10,000 shoes makes ~40,000 small objects that refer to none of each other:
    reference counting frees them, and the collector's passes over the growing heap
    (~50 of them, one of the whole heap now and then) only cost time, about a sixth of
    a re-advice. When it is already off (the window's start, the short commands), this
    leaves it off. The collector is process-wide: another thread's collection waits for
    the block too, which for one scoring is tens of milliseconds.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
