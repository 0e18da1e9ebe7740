"""Kooperationskandidaten: towns of neighbouring size that do the same small job separately.

For each step of a reference (a Kreis SOLL or a merged reference process), every town's corresponding step is found
(the matcher, or an equal obligation id). Towns whose unit for that step is of the same kind (planning, climate,
council, …) and whose staff share is small (below ``max_fte`` VZÄ each) are candidates for pooling the work
(Zweckverband, öffentlich-rechtliche Vereinbarung, a Kreis service unit). Within each such set, towns are grouped by
size: sorted by population, a group spans at most ``size_ratio`` (largest / smallest). Groups naming the same towns
for several steps are reported once, with every step. The towns' distance to each other is the mean Jaccard
distance of the reference steps they perform.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from vollzug.compare.features import unit_family
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel, Step
from vollzug.model.resources import staff_and_money
from vollzug.reference.correspond import correspondences


@dataclass(frozen=True)
class Share:
    """One town's part in one reference step."""

    town: str
    ags: str
    population: int | None
    step: str
    unit: str
    family: str
    fte: float
    eur: float


@dataclass
class Candidate:
    """Towns that could pool the listed reference steps."""

    towns: tuple[str, ...]
    ags: tuple[str, ...]
    populations: tuple[int, ...]
    family: str
    steps: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    fte: float = 0.0
    eur: float = 0.0
    distance: float = 0.0


def _town(model: OperationalModel, fallback: str) -> tuple[str, str, int | None]:
    m = model.municipality
    if m is None:
        return fallback, "", None
    return m.name, m.ags or "", m.population.count if m.population is not None else None


def shares(towns: Sequence[tuple[str, OperationalModel]], reference: OperationalModel) -> list[Share]:
    """Every town's share in every reference activity it performs."""
    ref_acts = {s.id: s for s in reference.steps if s.type in ACTIVITY_TYPES}
    by_obligation: dict[str, str] = {}
    for step in ref_acts.values():
        for ob in step.obligations:
            by_obligation.setdefault(ob, step.id)
    out: list[Share] = []
    for key, model in towns:
        name, ags, population = _town(model, key)
        units = {u.id: u for u in model.org_units}
        pairs: dict[str, Step] = {}
        steps = {s.id: s for s in model.steps}
        for c in correspondences(model, reference):
            pairs.setdefault(c.right, steps[c.left])
        for step in model.steps:
            for ob in step.obligations:
                if ob in by_obligation:
                    pairs.setdefault(by_obligation[ob], step)
        for ref_id, step in sorted(pairs.items()):
            unit = units.get(step.lane or "")
            unit_name = unit.name if unit is not None else (step.lane or "")
            fte = sum(staff_and_money(r)[0] for r in step.resources)
            eur = sum(staff_and_money(r)[1] for r in step.resources)
            family = unit_family(step.lane, unit_name, unit.kind if unit is not None else "")
            out.append(Share(name, ags, population, ref_id, unit_name, family, fte, eur))
    return out


def _size_groups(items: list[Share], ratio: float) -> list[list[Share]]:
    ordered = sorted((s for s in items if s.population), key=lambda s: (s.population or 0, s.town))
    groups: list[list[Share]] = []
    current: list[Share] = []
    for share in ordered:
        if current and (share.population or 0) > ratio * (current[0].population or 1):
            groups.append(current)
            current = []
        current.append(share)
    if current:
        groups.append(current)
    return [g for g in groups if len(g) >= 2]


NOT_POOLABLE = frozenset({"council", "committee", "mayor", "board"})
"""Kinds of unit whose work cannot be handed to a shared service: decisions of the council and of the executive."""


MIN_POOLED_FTE = 0.2
"""Pooled staff below this (VZÄ) is not worth a shared service: such groups are not proposed."""


def candidates(all_shares: Sequence[Share], reference: OperationalModel, *, max_fte: float = 0.5,
               size_ratio: float = 2.0, min_pooled: float = MIN_POOLED_FTE) -> list[Candidate]:
    """Cooperation candidates, the largest pooled staff first (political decisions are never pooled; groups whose
    pooled staff stays below ``min_pooled`` VZÄ are left out)."""
    ref = {s.id: s for s in reference.steps}
    performed: dict[str, set[str]] = {}
    for s in all_shares:
        performed.setdefault(s.town, set()).add(s.step)
    found: dict[tuple[tuple[str, ...], str], Candidate] = {}
    by_step_family: dict[tuple[str, str], list[Share]] = {}
    for s in all_shares:
        if 0 < s.fte < max_fte and s.family and s.family not in NOT_POOLABLE:
            by_step_family.setdefault((s.step, s.family), []).append(s)
    for (step_id, family), items in sorted(by_step_family.items()):
        for group in _size_groups(items, size_ratio):
            towns = tuple(s.town for s in group)
            cand = found.get((towns, family))
            if cand is None:
                pairs = list(combinations(towns, 2))
                dist = sum(1 - len(performed[a] & performed[b]) / max(len(performed[a] | performed[b]), 1)
                           for a, b in pairs) / len(pairs)
                cand = Candidate(towns, tuple(s.ags for s in group), tuple(s.population or 0 for s in group),
                                 family, distance=round(dist, 4))
                found[(towns, family)] = cand
            step = ref.get(step_id)
            cand.steps.append(step_id)
            cand.labels.append(step.name if step is not None else step_id)
            for citation in step.citations if step is not None else ():
                if citation not in cand.citations:
                    cand.citations.append(citation)
            cand.fte = round(cand.fte + sum(s.fte for s in group), 3)
            cand.eur = round(cand.eur + sum(s.eur for s in group), 2)
    kept = [c for c in found.values() if c.fte >= min_pooled]
    return sorted(kept, key=lambda c: (-c.fte, -len(c.towns), c.towns))
