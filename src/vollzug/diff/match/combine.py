"""Kombination: weighted signals → pair scores → global one-to-one assignment, plus split/merge detection.

Deterministic and symmetric: every signal is symmetric, ties are broken by a tiny perturbation that depends only on
the *unordered* id pair, and the assignment is optimal (``scipy.optimize.linear_sum_assignment``), so ``diff(a, b)``
pairs exactly what ``diff(b, a)`` pairs.
"""

from __future__ import annotations

import hashlib
from types import ModuleType
from typing import Literal

import numpy as np

from vollzug.diff.changes import Match
from vollzug.diff.match import context_sim, gateway, ident, label, lane, obligation, position, types
from vollzug.diff.match.context import MatchContext
from vollzug.model.process import EVENT_TYPES, GATEWAY_TYPES, Step

MATCHERS: tuple[ModuleType, ...] = (label, obligation, lane, ident, gateway, position)
"""The additive signals; :mod:`.types` is a factor and :mod:`.context_sim` a second stage."""

THRESHOLD = 0.5
"""Smallest combined score accepted as a match."""
SPLIT_THRESHOLD = 0.6
"""Smallest score of the second partner of a split/merge."""

GATEWAY_CONTEXT_WEIGHT = 0.7
"""Context weight for unlabelled gateways (their position is all there is)."""
EVENT_CONTEXT_WEIGHT = 0.45
"""Context weight for events and labelled gateways (labels like "Ende" say little)."""
CONTEXT_FLOOR = 0.85
"""Two labelled steps keep at least this share of their own score whatever their neighbours: a step next to a
step found on one side only has no matching neighbours, which says nothing against the pair itself."""

MatchKind = Literal["one_to_one", "split", "merge"]


def _tiebreak(a: str, b: str) -> float:
    key = "\x00".join(sorted((a, b))).encode("utf-8")
    digest = int.from_bytes(hashlib.blake2b(key, digest_size=6).digest(), "big")
    return digest / float(1 << 48) * 1e-6


def _context_weight(left: Step, right: Step, ctx: MatchContext) -> float:
    """How much the neighbourhood counts: little for labelled activities, much for unlabelled gateways/events."""
    unlabelled = not ctx.left.labels[left.id] or not ctx.right.labels[right.id]
    if left.type in GATEWAY_TYPES or right.type in GATEWAY_TYPES:
        return GATEWAY_CONTEXT_WEIGHT if unlabelled else EVENT_CONTEXT_WEIGHT
    if left.type in EVENT_TYPES or right.type in EVENT_TYPES:
        return EVENT_CONTEXT_WEIGHT
    return context_sim.WEIGHT


def match_by_id(ctx: MatchContext) -> list[Match]:
    """Pair steps with equal ids (``--match id``)."""
    common = sorted(set(ctx.left.steps) & set(ctx.right.steps))
    return [Match(left=s, right=s, score=1.0, signals={"id": 1.0}) for s in common]


def match_auto(ctx: MatchContext, threshold: float = THRESHOLD) -> list[Match]:
    """Score every left/right step pair and assign one-to-one; add split/merge partners."""
    left_ids, right_ids = sorted(ctx.left.steps), sorted(ctx.right.steps)
    if not left_ids or not right_ids:
        return []
    n_left, n_right = len(left_ids), len(right_ids)
    base = np.zeros((n_left, n_right))
    factor = np.zeros((n_left, n_right))
    parts: dict[tuple[int, int], dict[str, float]] = {}
    for i, lid in enumerate(left_ids):
        ls = ctx.left.steps[lid]
        for j, rid in enumerate(right_ids):
            rs = ctx.right.steps[rid]
            tf = types.factor(ls, rs, ctx)
            factor[i, j] = tf
            if tf == 0.0:
                continue
            values = {m.NAME: (m.score(ls, rs, ctx), float(m.WEIGHT)) for m in MATCHERS}
            applicable = {k: (v, w) for k, (v, w) in values.items() if v is not None}
            total_w = sum(w for _v, w in applicable.values())
            contrib = {k: v * w / total_w for k, (v, w) in applicable.items()} if total_w else {}
            parts[(i, j)] = contrib
            base[i, j] = sum(contrib.values())
    left_pos = {s: k for k, s in enumerate(left_ids)}
    right_pos = {s: k for k, s in enumerate(right_ids)}
    ln = [sorted(left_pos[n] for n in ctx.left.neighbours[s]) for s in left_ids]
    rn = [sorted(right_pos[n] for n in ctx.right.neighbours[s]) for s in right_ids]
    weights = np.array([[_context_weight(ctx.left.steps[a], ctx.right.steps[b], ctx) for b in right_ids]
                        for a in left_ids])
    flooded, ctx_part, applied = context_sim.flood(base, ln, rn, factor > 0, weights)
    scores = np.round(flooded * factor, 9)
    tie = np.array([[_tiebreak(a, b) for b in right_ids] for a in left_ids])
    ranked = scores + tie
    from scipy.optimize import linear_sum_assignment  # lazy: --match id never needs scipy

    rows, cols = linear_sum_assignment(-ranked)
    # second pass: neighbours already paired in the first pass are anchors ("both follow the same matched step")
    first = {i: j for i, j in zip(rows.tolist(), cols.tolist(), strict=True) if scores[i, j] >= threshold}
    anchors = np.zeros_like(base)
    for i in range(n_left):
        mapped = {first[n] for n in ln[i] if n in first}
        if not mapped:
            continue
        for j in range(n_right):
            if rn[j] and applied[i, j]:
                anchors[i, j] = len(mapped & set(rn[j])) / max(len(ln[i]), len(rn[j]))
    ctx_part = np.maximum(ctx_part, anchors)
    blended = np.where(applied, (1 - weights) * base + weights * ctx_part, base)
    labelled = np.array([[bool(ctx.left.labels[a]) and bool(ctx.right.labels[b]) for b in right_ids]
                         for a in left_ids])
    floor = np.where(labelled, CONTEXT_FLOOR * base, 0.0)
    lifted = applied & (floor > blended)
    ctx_part = np.where(lifted, (floor - (1 - weights) * base) / np.where(weights > 0, weights, 1.0), ctx_part)
    scores = np.round(np.maximum(blended, floor) * factor, 9)
    ranked = scores + tie
    rows, cols = linear_sum_assignment(-ranked)

    def make(i: int, j: int, kind: MatchKind = "one_to_one") -> Match:
        tf = float(factor[i, j])
        w = float(weights[i, j])
        keep = (1 - w) if applied[i, j] else 1.0
        signals = {k: round(v * keep * tf, 4) for k, v in sorted(parts.get((i, j), {}).items())}
        if applied[i, j]:
            signals["context"] = round(w * float(ctx_part[i, j]) * tf, 4)
        if tf != 1.0:
            signals["type_factor"] = round(tf, 4)
        return Match(left=left_ids[i], right=right_ids[j], score=round(float(scores[i, j]), 4), signals=signals,
                     kind=kind)

    matches = [make(i, j) for i, j in zip(rows.tolist(), cols.tolist(), strict=True) if scores[i, j] >= threshold]
    by_left = {m.left: m.right for m in matches}
    by_right = {m.right: m.left for m in matches}
    for j, rid in enumerate(right_ids):  # split: one left step → two sequential right steps
        i = int(np.argmax(ranked[:, j]))
        partner = by_left.get(left_ids[i])
        if rid not in by_right and scores[i, j] >= SPLIT_THRESHOLD and partner in ctx.right.neighbours[rid]:
            matches.append(make(i, j, "split"))
    for i, lid in enumerate(left_ids):  # merge: two sequential left steps → one right step
        j = int(np.argmax(ranked[i, :]))
        partner = by_right.get(right_ids[j])
        if lid not in by_left and scores[i, j] >= SPLIT_THRESHOLD and partner in ctx.left.neighbours[lid]:
            matches.append(make(i, j, "merge"))
    return sorted(matches, key=lambda m: (m.left, m.right))
