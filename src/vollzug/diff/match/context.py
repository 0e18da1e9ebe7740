"""Shared, precomputed facts of both sides for the matchers (parsed labels, lanes, neighbours, stem weights)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from vollzug.diff.linguistics import LABEL_LIMIT, Parsed, language_of, parse
from vollzug.diff.normalize import normalized, vocabulary_of
from vollzug.model.process import OperationalModel, Step


@dataclass
class Side:
    """One model prepared for matching."""

    model: OperationalModel
    steps: dict[str, Step]
    labels: dict[str, str]
    """Step id → normalised label (stems joined by blanks)."""
    lane_labels: dict[str, str]
    """Step id → normalised name of its lane (or of its RACI A/R parties)."""
    neighbours: dict[str, set[str]]
    """Step id → ids of the steps directly before or after it (sequence flows, either direction)."""
    successors: dict[str, set[str]] = field(default_factory=dict)
    """Step id → direct successors."""
    positions: dict[str, float] = field(default_factory=dict)
    """Step id → relative position between start (0) and end (1), see :func:`.position.positions`."""
    predecessors: dict[str, set[str]] = field(default_factory=dict)
    """Step id → direct predecessors."""
    parsed: dict[str, Parsed] = field(default_factory=dict)
    """Step id → its label as action and business object (:func:`vollzug.diff.linguistics.parse`)."""
    strings: dict[str, str] = field(default_factory=dict)
    """Step id → the label normalised as one string of stems (:func:`vollzug.diff.normalize.normalized`)."""


@dataclass
class MatchContext:
    """Both sides plus the shared vocabulary for compound splitting."""

    left: Side
    right: Side
    vocabulary: frozenset[str]
    token_weight: dict[str, float] = field(default_factory=dict)
    """Stem → weight by rarity over the labels of both models (inverse document frequency, at least 0.2)."""
    string_weight: dict[str, float] = field(default_factory=dict)
    """The same weights over the stems of :attr:`Side.strings`."""


def _lane_text(model: OperationalModel, step: Step, units: dict[str, str]) -> str:
    parties = [step.lane] if step.lane else []
    parties += sorted(r.party for r in step.raci if r.letter in ("A", "R"))
    names = [units.get(p, p) for p in parties if p]
    return " ".join(dict.fromkeys(names))


def prepare(left: OperationalModel, right: OperationalModel) -> MatchContext:
    """Precompute labels, lanes and neighbourhoods of both models."""
    labels = [s.name[:LABEL_LIMIT] for m in (left, right) for s in m.steps]
    labels += [u.name[:LABEL_LIMIT] for m in (left, right) for u in m.org_units]
    vocab = vocabulary_of(labels)

    from vollzug.diff.match.position import positions  # the matcher module imports this one

    def side(model: OperationalModel) -> Side:
        units = {u.id: u.name for u in model.org_units} | {r.id: r.name for r in model.roles}
        steps = {s.id: s for s in model.steps}
        neighbours: dict[str, set[str]] = {s: set() for s in steps}
        successors: dict[str, set[str]] = {s: set() for s in steps}
        predecessors: dict[str, set[str]] = {s: set() for s in steps}
        for flow in model.sequence_flows:
            if flow.source in steps and flow.target in steps:
                neighbours[flow.source].add(flow.target)
                neighbours[flow.target].add(flow.source)
                successors[flow.source].add(flow.target)
                predecessors[flow.target].add(flow.source)
        for sid, s in steps.items():  # a boundary event follows the activity it is attached to
            host = s.event.attached_to if s.event is not None else None
            if host is not None and host in steps:
                neighbours[sid].add(host)
                neighbours[host].add(sid)
                predecessors[sid].add(host)
                successors[host].add(sid)
        language = language_of([s.name for s in model.steps])
        parsed = {sid: parse(s.name[:LABEL_LIMIT], language) for sid, s in steps.items()}
        return Side(
            model=model,
            steps=steps,
            labels={sid: " ".join(p.stems) for sid, p in parsed.items()},
            lane_labels={sid: normalized(_lane_text(model, s, units)[:LABEL_LIMIT], vocab)
                         for sid, s in steps.items()},
            neighbours=neighbours,
            successors=successors,
            positions=positions(successors),
            predecessors=predecessors,
            parsed=parsed,
            strings={sid: normalized(s.name[:LABEL_LIMIT], vocab) for sid, s in steps.items()},
        )

    sides = side(left), side(right)
    counts: Counter[str] = Counter()
    for s in sides:
        for p in s.parsed.values():
            counts.update(set(p.stems))
    n = sum(1 for s in sides for p in s.parsed.values() if not p.empty)
    weight = {t: max(0.2, math.log((1 + n) / c) / math.log(1 + n)) for t, c in counts.items()} if n else {}
    string_counts: Counter[str] = Counter()
    for s in sides:
        for text in s.strings.values():
            string_counts.update(set(text.split()))
    string_weight = ({t: max(0.2, math.log((1 + n) / c) / math.log(1 + n)) for t, c in string_counts.items()}
                     if n else {})
    return MatchContext(left=sides[0], right=sides[1], vocabulary=vocab, token_weight=weight,
                        string_weight=string_weight)
