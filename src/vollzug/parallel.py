"""Ordered, bounded collection of chunk results from any executor (a local process pool or a Dask client).

The one place for the pattern every parallel run uses: chunks are submitted lazily, at most ``limit`` are in flight,
results come back in input order, and ``progress(n)`` is called as each chunk's ``n`` results are collected.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

T_co = TypeVar("T_co", covariant=True)


class Pending(Protocol[T_co]):
    """A submitted chunk (``concurrent.futures.Future``, a Dask future): its results once done."""

    def result(self) -> Sequence[T_co]: ...


def in_order(submitted: Iterable[Pending[T_co]], limit: int,
             progress: Callable[[int], None] | None = None) -> Iterator[T_co]:
    """The results of the submitted chunks in order, pulling (so submitting) a new chunk only while fewer than
    ``limit`` are pending."""
    pending: deque[Pending[T_co]] = deque()

    def collect() -> Sequence[T_co]:
        done = pending.popleft().result()
        if progress:
            progress(len(done))
        return done

    for chunk in submitted:
        pending.append(chunk)
        while len(pending) >= max(1, limit):
            yield from collect()
    while pending:
        yield from collect()
