"""Belege aus der Beschriftung: how strongly two labels say "the same step", action and object scored apart.

``label_evidence`` is the only signal that can *create* a match between two labelled steps (besides a shared
obligation/§ key and an equal id). It combines

* the **object** similarity: a soft overlap of the business-object stems, each weighted by its rarity over both
  models (a word in every label, such as "Antrag" in a permit procedure, says little), and
* the **action** similarity: 1 for the same action, 0.8 for actions of one class (check / evaluate), 0.7 when one
  label names no action, 0.35 for actions of different classes (check / refuse),

as ``object × (ACTION_BASE + (1 − ACTION_BASE) × action)`` (ACTION_BASE 0.2): the same object with another
action ("Antrag prüfen" / "Antrag ablehnen") stays below the bands that count as a match; another object never
matches.
"""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz

from vollzug.diff.lexicon import ACTIONS, COMMUNICATING
from vollzug.diff.linguistics import Parsed

ACTION_BASE = 0.2
"""Share of the label evidence that the object carries on its own."""
SAME_CLASS = 0.8
"""Action similarity of two actions of one class."""
NO_ACTION = 0.7
"""Action similarity when one label names no action."""
OTHER_ACTION = 0.35
"""Action similarity of actions of different classes."""
COMMUNICATION_MISMATCH = 0.15
"""Action similarity when only one label communicates a result (publish, notify) — the other produces it."""
SOFT_TOKEN_RATIO = 0.85
"""Two different stems count as partly equal from this rapidfuzz ratio on (spelling variants)."""
CONTAINMENT = 0.6
"""Weight of the better direction of the object overlap ("Meldebestätigung" contains "Bestätigung")."""
CONTAINED_MIN = 0.3
"""The better direction counts more only when the other direction reaches this share."""
ONLY_ACTION_OBJECT = 0.6
"""Object similarity when one of the labels names no object (a bare "Prüfen")."""


def _best(token: str, others: tuple[str, ...]) -> float:
    if token in others:
        return 1.0
    if len(token) < 5:
        return 0.0
    best = max((fuzz.ratio(token, o) / 100.0 for o in others if len(o) >= 5), default=0.0)
    return best if best >= SOFT_TOKEN_RATIO else 0.0


def overlap(a: tuple[str, ...], b: tuple[str, ...], weight: Mapping[str, float]) -> float:
    """Weighted soft overlap of two stem tuples in [0, 1], symmetric (mean of both directions)."""
    if not a or not b:
        return 0.0

    def side(x: tuple[str, ...], y: tuple[str, ...]) -> float:
        total = sum(weight.get(t, 1.0) for t in x)
        return sum(weight.get(t, 1.0) * _best(t, y) for t in x) / total if total else 0.0

    one, other = side(a, b), side(b, a)
    if min(one, other) < CONTAINED_MIN:  # one shared word among many is no containment
        return 0.5 * (one + other)
    return CONTAINMENT * max(one, other) + (1 - CONTAINMENT) * min(one, other)


def action_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Similarity of two actions (stems) in [0, 1]."""
    if not a or not b:
        return NO_ACTION if a or b else 1.0
    if set(a) & set(b):
        return 1.0
    kinds_a = {ACTIONS[t] for t in a if t in ACTIONS}
    kinds_b = {ACTIONS[t] for t in b if t in ACTIONS}
    if bool(kinds_a & COMMUNICATING) != bool(kinds_b & COMMUNICATING) and (kinds_a or kinds_b):
        return COMMUNICATION_MISMATCH
    if kinds_a & kinds_b:
        return SAME_CLASS
    if any(_best(t, b) for t in a):
        return SAME_CLASS
    return OTHER_ACTION


def object_similarity(a: Parsed, b: Parsed, weight: Mapping[str, float]) -> float:
    """Similarity of the business objects in [0, 1]; without objects on both sides the action decides alone."""
    if not a.objects and not b.objects:
        return 1.0 if a.action and b.action else 0.0
    if not a.objects or not b.objects:
        # "Prüfen" vs "Antrag prüfen": the object of one side may be implied; the stems of the bare side count
        return ONLY_ACTION_OBJECT if overlap(a.stems, b.stems, weight) > 0 else 0.0
    return overlap(a.objects, b.objects, weight)


PART_FACTOR = 0.95
"""Evidence of one part of a label joining several actions, relative to a whole label."""


def label_evidence(a: Parsed, b: Parsed, weight: Mapping[str, float]) -> tuple[float, float, float]:
    """(evidence, object similarity, action similarity) of two parsed labels; a label joining several actions
    ("Antrag prüfen und bescheiden") is also compared part by part."""
    best = _evidence(a, b, weight)
    for part in a.parts:
        found = _evidence(part, b, weight)
        if found[0] * PART_FACTOR > best[0]:
            best = (round(found[0] * PART_FACTOR, 9), found[1], found[2])
    for part in b.parts:
        found = _evidence(a, part, weight)
        if found[0] * PART_FACTOR > best[0]:
            best = (round(found[0] * PART_FACTOR, 9), found[1], found[2])
    return best


def _evidence(a: Parsed, b: Parsed, weight: Mapping[str, float]) -> tuple[float, float, float]:
    if a.empty or b.empty:
        return 0.0, 0.0, 0.0
    if a.stems == b.stems:
        return 1.0, 1.0, 1.0
    obj = object_similarity(a, b, weight)
    if obj == 0.0:
        # the words may all be on one side of the action/object split ("Gewerbe angemeldet" / "Gewerbeanmeldung")
        whole = overlap(a.stems, b.stems, weight)
        return (round(0.8 * whole, 9) if whole >= 0.75 else 0.0), 0.0, 0.0
    act = action_similarity(a.action, b.action)
    return round(obj * (ACTION_BASE + (1 - ACTION_BASE) * act), 9), obj, act
