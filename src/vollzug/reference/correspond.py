"""Korrespondenzen: which activities of one model correspond to which of another (the one call into the matcher)."""

from __future__ import annotations

from dataclasses import dataclass

from vollzug.diff.match.combine import match_auto
from vollzug.diff.match.context import prepare
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel

SURE = 0.75
"""Score from which a correspondence counts as sure when the matcher gives no confidence band."""


@dataclass(frozen=True)
class Correspondence:
    """A one-to-one pair of activities with the matcher's score and confidence band."""

    left: str
    right: str
    score: float
    band: str


def _band(match: object, score: float) -> str:
    confidence = getattr(match, "confidence", None)
    band = getattr(confidence, "band", None) if confidence is not None else None
    if isinstance(band, str):
        return band
    return "sicher" if score >= SURE else "wahrscheinlich"


def correspondences(left: OperationalModel, right: OperationalModel) -> list[Correspondence]:
    """One-to-one activity correspondences from the default matcher; uncertain ones are left out."""
    lacts = {s.id for s in left.steps if s.type in ACTIVITY_TYPES}
    racts = {s.id for s in right.steps if s.type in ACTIVITY_TYPES}
    out: list[Correspondence] = []
    for match in match_auto(prepare(left, right)):
        if match.kind != "one_to_one" or match.left not in lacts or match.right not in racts:
            continue
        band = _band(match, match.score)
        if band != "unsicher":
            out.append(Correspondence(match.left, match.right, match.score, band))
    return out
