"""Graphkontext: similarity of the neighbours, iterated like similarity flooding (Melnik et al. 2002)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

NAME = "context"
WEIGHT = 0.2
ROUNDS = 2


def flood(
    base: NDArray[np.float64],
    left_neighbours: list[list[int]],
    right_neighbours: list[list[int]],
    allowed: NDArray[np.bool_],
    weights: NDArray[np.float64] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]]:
    """Blend each pair's score with how well their neighbourhoods match; returns (scores, context, applied).

    The neighbourhood score of (i, j) is the mean of "each left neighbour's best right neighbour" and "each right
    neighbour's best left neighbour", so it is symmetric in the two sides. ``weights`` gives the context weight per
    pair (default :data:`WEIGHT`); unlabelled gateways and events lean on their context more than activities.
    """
    weight = np.full(base.shape, WEIGHT) if weights is None else weights
    scores = base.copy()
    context = np.zeros_like(base)
    has = np.zeros_like(allowed)
    n_left, n_right = base.shape
    for _ in range(ROUNDS):
        new_context = np.zeros_like(base)
        has = np.zeros_like(allowed)
        for i in range(n_left):
            ln = left_neighbours[i]
            if not ln:
                continue
            for j in range(n_right):
                rn = right_neighbours[j]
                if not rn or not allowed[i, j]:
                    continue
                block = scores[np.ix_(ln, rn)]
                new_context[i, j] = 0.5 * (block.max(axis=1).mean() + block.max(axis=0).mean())
                has[i, j] = True
        context = np.where(has, new_context, 0.0)
        scores = np.where(has, (1 - weight) * base + weight * new_context, base)
    return scores, context, has
