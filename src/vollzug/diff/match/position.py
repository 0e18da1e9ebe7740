"""Stelle im Ablauf: how far into the process each step lies (0 at the start, 1 at the end), compared.

Two drawings of one procedure keep its order even when their granularity differs, so a step at the beginning of
one model rarely corresponds to a step at the end of the other. The relative position is the shortest distance from
a start node divided by the sum of the distances from a start and to an end node (breadth-first over the sequence
flows, see :func:`positions`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

from vollzug.diff.match.context import MatchContext
from vollzug.model.process import Step

NAME = "position"
WEIGHT = 0.15
SLOPE = 2.0
"""Score = 1 − SLOPE × |position difference| (clamped at 0): half a process apart scores 0."""


def _distances(nodes: list[str], edges: Mapping[str, set[str]], sources: list[str]) -> dict[str, int]:
    dist = dict.fromkeys(sources, 0)
    queue = deque(sources)
    while queue:
        node = queue.popleft()
        for nxt in sorted(edges.get(node, ())):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


def positions(successors: Mapping[str, set[str]]) -> dict[str, float]:
    """Step id → relative position in [0, 1]; steps not on a path from a start to an end are left out."""
    nodes = sorted(successors)
    predecessors: dict[str, set[str]] = {n: set() for n in nodes}
    for node, targets in successors.items():
        for target in targets:
            predecessors.setdefault(target, set()).add(node)
    starts = [n for n in nodes if not predecessors[n]]
    ends = [n for n in nodes if not successors[n]]
    forward = _distances(nodes, successors, starts)
    backward = _distances(nodes, predecessors, ends)
    out: dict[str, float] = {}
    for node in nodes:
        if node in forward and node in backward:
            total = forward[node] + backward[node]
            if total:  # a node without any flow has no position
                out[node] = forward[node] / total
    return out


def score(left: Step, right: Step, ctx: MatchContext) -> float | None:
    """Closeness of the relative positions; None when either step is off the start-to-end paths (or alone)."""
    a, b = ctx.left.positions.get(left.id), ctx.right.positions.get(right.id)
    if a is None or b is None:
        return None
    return max(0.0, 1.0 - SLOPE * abs(a - b))
