"""Zuordnung: pluggable matchers (one per module) and their combination (:mod:`.combine`).

A matcher is a module with ``NAME``, ``WEIGHT`` and ``score(left, right, ctx) -> float | None`` comparing one left
step with one right step (``None``: the signal does not apply to this pair). Every matcher is symmetric:
``score(a, b)`` on (left, right) equals ``score(b, a)`` with the sides swapped.
"""

from __future__ import annotations

from vollzug.diff.match.context import MatchContext, Side

__all__ = ["MatchContext", "Side"]
