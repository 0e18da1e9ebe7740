"""Ähnlichkeit: town ↔ reference and town × town similarity per dimension (numpy for the matrices).

Each dimension turns a model's features into a token set (Jaccard) or a weight vector (Ruzicka, Σmin/Σmax), so
the all-pairs matrices are a few matrix products instead of N² Python comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from vollzug.compare.features import ModelFeatures
from vollzug.compare.results import DIMENSIONS, DimensionScores, SimilarityMatrix

_SET_DIMENSIONS = ("obligations", "responsibility", "stakeholders", "structure")
EUR_SCALE = 100_000.0
"""EUR are divided by this so that budget and staff weigh alike in the resource vector."""


@dataclass(slots=True)
class Signature:
    """The comparable essence of one model: token sets and the resource vector."""

    sets: dict[str, frozenset[str]]
    resources: dict[str, float]


def signature(features: ModelFeatures) -> Signature:
    """Signature of a model from its features."""
    present = {o: f for o, f in features.obligations.items() if f.steps}
    sets = {
        "obligations": frozenset(present),
        "responsibility": frozenset(f"{o}>{features.family_of(f.responsible)}" for o, f in present.items()),
        "stakeholders": frozenset(f"{o}>{k}" for o, f in present.items() for k in f.stakeholders),
        "structure": frozenset(f"{a}>{b}" for a, b in features.edges),
    }
    resources: dict[str, float] = {}
    for o, f in present.items():
        resources[f"{o}:fte"] = f.fte
        resources[f"{o}:eur"] = f.eur / EUR_SCALE
    return Signature(sets, resources)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _ruzicka(a: dict[str, float], b: dict[str, float]) -> float:
    keys = [*a, *(k for k in b if k not in a)]  # a fixed order: a set's order (string hashes) varies per process,
    # and the float sums with it in the last bit, which changed rounded scores and the ranking between runs
    high = sum(max(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    if high <= 0:
        return 1.0
    return sum(min(a.get(k, 0.0), b.get(k, 0.0)) for k in keys) / high


def scores(town: Signature, reference: Signature) -> DimensionScores:
    """Similarity of one town to the reference."""
    values = {d: _jaccard(town.sets[d], reference.sets[d]) for d in _SET_DIMENSIONS}
    values["resources"] = _ruzicka(town.resources, reference.resources)
    overall = sum(values.values()) / len(values)
    return DimensionScores(overall=round(overall, 4), **{k: round(v, 4) for k, v in values.items()})


FloatMatrix = npt.NDArray[np.float64]


def _pairwise_jaccard(sets: Sequence[frozenset[str]]) -> FloatMatrix:
    vocab: dict[str, int] = {}
    for s in sets:
        for token in s:
            vocab.setdefault(token, len(vocab))
    n = len(sets)
    if not vocab:
        return np.ones((n, n))
    matrix = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, s in enumerate(sets):
        matrix[row, [vocab[t] for t in s]] = 1.0
    inter = (matrix @ matrix.T).astype(np.float64)
    size = matrix.sum(axis=1, dtype=np.float64)
    union = size[:, None] + size[None, :] - inter
    with np.errstate(invalid="ignore", divide="ignore"):
        result = np.where(union > 0, inter / np.where(union > 0, union, 1.0), 1.0)
    return np.asarray(result, dtype=np.float64)


def _pairwise_ruzicka(vectors: Sequence[dict[str, float]]) -> FloatMatrix:
    vocab: dict[str, int] = {}
    for v in vectors:
        for key in v:
            vocab.setdefault(key, len(vocab))
    n = len(vectors)
    dense = np.zeros((n, max(len(vocab), 1)), dtype=np.float64)
    for row, v in enumerate(vectors):
        for key, value in v.items():
            dense[row, vocab[key]] = value
    result = np.ones((n, n))
    for i in range(n):  # row-wise to keep memory at n × vocab
        low = np.minimum(dense[i], dense).sum(axis=1)
        high = np.maximum(dense[i], dense).sum(axis=1)
        result[i] = np.where(high > 0, low / np.where(high > 0, high, 1.0), 1.0)
    return result


def pairwise(signatures: Sequence[Signature]) -> dict[str, FloatMatrix]:
    """All-pairs similarity per dimension plus "overall" (their mean)."""
    out: dict[str, FloatMatrix] = {d: _pairwise_jaccard([s.sets[d] for s in signatures]) for d in _SET_DIMENSIONS}
    out["resources"] = _pairwise_ruzicka([s.resources for s in signatures])
    out["overall"] = sum((out[d] for d in DIMENSIONS), np.zeros_like(out["obligations"])) / len(DIMENSIONS)
    return out


def to_result(keys: Sequence[str], matrices: dict[str, FloatMatrix]) -> SimilarityMatrix:
    """Rounded, JSON-friendly form of the matrices."""

    def rows(m: FloatMatrix) -> tuple[tuple[float, ...], ...]:
        return tuple(tuple(float(x) for x in row) for row in np.round(m, 3))

    return SimilarityMatrix(towns=tuple(keys), overall=rows(matrices["overall"]),
                            dimensions={d: rows(matrices[d]) for d in DIMENSIONS})
