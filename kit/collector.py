"""Python's cycle collector, paused while an analyser runs.

The analysers make hundreds of thousands of small objects (matches, words, rows) on a long text,
all freed by reference counting; the cycle collector would walk every object in memory each time
enough new ones have been made, which costs time and makes 10 MB slower to read per character than
100 KB. ``paused()`` switches it off for the length of a call and restores it as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cycle collector, and switch it back on afterwards only if it was on before.

    >>> with paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
