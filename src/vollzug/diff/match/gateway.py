"""Gatewayart: two unlabelled gateways of the same kind are a plausible pair (their context decides which)."""

from __future__ import annotations

from vollzug.diff.match.context import MatchContext
from vollzug.model.process import GATEWAY_TYPES, Step

NAME = "gateway_kind"
WEIGHT = 0.5


def score(left: Step, right: Step, ctx: MatchContext) -> float | None:
    """1.0 for the same gateway type, 0.5 for different ones; None unless both are unlabelled gateways."""
    if left.type not in GATEWAY_TYPES or right.type not in GATEWAY_TYPES:
        return None
    if ctx.left.labels[left.id] and ctx.right.labels[right.id]:
        return None
    return 1.0 if left.type == right.type else 0.5
