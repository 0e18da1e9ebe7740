"""Pause Python's cyclic garbage collector around allocation-heavy, bounded work (reading one file, one diff).

Reading a model creates thousands of short-lived objects (lxml proxies, dicts, pydantic models) but no garbage
cycles worth collecting mid-way; with the collector on, every 700 allocations start a collection that scans all
young objects again (and now and then every object of the process). Measured: 10,754 synthetic towns compared
with 28 % less CPU, see docs/decisions/0004-gc-pause.md. Reference counting still frees everything at once; the
collector runs again as soon as the work is done. Nesting and threads are safe: only the outermost pause that
found the collector on turns it back on, and nothing ever leaves it off.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(func: Callable[P, R]) -> Callable[P, R]:
    """Decorator: run ``func`` with the cyclic garbage collector paused (restored afterwards, also on errors)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper
