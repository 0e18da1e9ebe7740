"""Helpers shared by rules (not a rule module): values remembered per long-lived owner object."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class OwnerMemo(Generic[K, V]):
    """Values computed once per (owner, key), for owners that live as long as a run (a catalogue, a rule's frozen
    options) and are expensive or impossible to hash. Entries are keyed by the owner's ``id`` and keep the owner,
    so an ``id`` reused by a later object never matches; the memo empties itself at ``limit`` entries."""

    def __init__(self, limit: int) -> None:
        self._entries: dict[tuple[int, K], tuple[object, V]] = {}
        self._limit = limit

    def get(self, owner: object, key: K, compute: Callable[[], V]) -> V:
        """The remembered value for ``owner`` and ``key``, computed with ``compute()`` on first use."""
        hit = self._entries.get((id(owner), key))
        if hit is not None and hit[0] is owner:
            return hit[1]
        value = compute()
        if len(self._entries) >= self._limit:
            self._entries.clear()
        self._entries[(id(owner), key)] = (owner, value)
        return value
