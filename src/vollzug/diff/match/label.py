"""Beschriftung: similarity of the normalised labels (German-aware, see :mod:`vollzug.diff.normalize`).

Two views of the stems are blended: rapidfuzz's token-sort/token-set ratio on the whole string (robust to spelling
variants and word order), and a weighted soft overlap of the stems, each weighted by how rare it is among the
labels of both models (a stem in every label, such as "Antrag" in a permit procedure, says little). Steps whose
actions are of different kinds ("publish X" / "do X", see :data:`vollzug.diff.lexicon.ACTIONS`) are discounted.
"""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz

from vollzug.diff.lexicon import ACTIONS, COMMUNICATING
from vollzug.diff.match.context import MatchContext
from vollzug.model.process import Step

NAME = "label"
WEIGHT = 0.5

FUZZY_SHARE = 0.5
"""Share of the whole-string fuzzy ratio in the label score (the rest: weighted stem overlap)."""
SOFT_TOKEN_RATIO = 0.8
"""Two different stems count as partly equal from this rapidfuzz ratio on (``vorentwurf``/``entwurf``)."""
COMMUNICATION_MISMATCH = 0.75
"""Factor when only one label communicates a result (publish, notify, send) — the other produces it."""
ACTION_MISMATCH = 0.85
"""Factor when both labels name actions, of disjoint kinds (check vs decide)."""


def similarity(a: str, b: str) -> float:
    """Similarity of two normalised labels in [0, 1] (token sort and token set ratio blended)."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return float(0.6 * fuzz.token_sort_ratio(a, b) + 0.4 * fuzz.token_set_ratio(a, b)) / 100.0


def _best(token: str, others: tuple[str, ...]) -> float:
    if token in others:
        return 1.0
    best = max((fuzz.ratio(token, o) / 100.0 for o in others), default=0.0)
    return best if best >= SOFT_TOKEN_RATIO else 0.0


def overlap(a: tuple[str, ...], b: tuple[str, ...], weight: Mapping[str, float]) -> float:
    """Weighted soft overlap of two stem tuples in [0, 1], symmetric (mean of both directions)."""
    if not a or not b:
        return 0.0

    def side(x: tuple[str, ...], y: tuple[str, ...]) -> float:
        total = sum(weight.get(t, 1.0) for t in x)
        return sum(weight.get(t, 1.0) * _best(t, y) for t in x) / total if total else 0.0

    return 0.5 * (side(a, b) + side(b, a))


def action_factor(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """1, or a discount when the two labels do different kinds of things with their object."""
    kinds_a = {ACTIONS[t] for t in a if t in ACTIONS}
    kinds_b = {ACTIONS[t] for t in b if t in ACTIONS}
    if bool(kinds_a & COMMUNICATING) != bool(kinds_b & COMMUNICATING):
        return COMMUNICATION_MISMATCH
    if kinds_a and kinds_b and not kinds_a & kinds_b:
        return ACTION_MISMATCH
    return 1.0


def label_score(a: str, b: str, weight: Mapping[str, float]) -> float:
    """Label similarity of two normalised labels (fuzzy ratio and weighted stem overlap, action discount)."""
    if a == b:
        return 1.0 if a else 0.0
    ta, tb = tuple(a.split()), tuple(b.split())
    blended = max(similarity(a, b), overlap(ta, tb, weight))
    return blended * action_factor(ta, tb)


def score(left: Step, right: Step, ctx: MatchContext) -> float | None:
    """Label similarity; None for two unlabelled nodes (e.g. gateways)."""
    a, b = ctx.left.labels[left.id], ctx.right.labels[right.id]
    if not a and not b:
        return None
    return label_score(a, b, ctx.token_weight)
