"""Zuständigkeit: similarity of the performing unit (lane name and A/R parties)."""

from __future__ import annotations

from vollzug.diff.match.context import MatchContext
from vollzug.diff.match.label import similarity
from vollzug.model.process import Step

NAME = "lane"
WEIGHT = 0.1


def score(left: Step, right: Step, ctx: MatchContext) -> float | None:
    """Similarity of the lane/role texts; None when either step has no lane and no RACI."""
    a, b = ctx.left.lane_labels[left.id], ctx.right.lane_labels[right.id]
    if not a or not b:
        return None
    return similarity(a, b)
