"""Beschriftung: similarity of the normalised labels (German-aware, see :mod:`vollzug.diff.normalize`)."""

from __future__ import annotations

from rapidfuzz import fuzz

from vollzug.diff.match.context import MatchContext
from vollzug.model.process import Step

NAME = "label"
WEIGHT = 0.5


def similarity(a: str, b: str) -> float:
    """Similarity of two normalised labels in [0, 1] (token sort and token set ratio blended)."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return float(0.6 * fuzz.token_sort_ratio(a, b) + 0.4 * fuzz.token_set_ratio(a, b)) / 100.0


def score(left: Step, right: Step, ctx: MatchContext) -> float | None:
    """Label similarity; None for two unlabelled nodes (e.g. gateways)."""
    a, b = ctx.left.labels[left.id], ctx.right.labels[right.id]
    if not a and not b:
        return None
    return similarity(a, b)
