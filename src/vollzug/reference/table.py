"""Tabellen zum Referenzprozess: support per reference step, each model's distance to the reference, order fit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vollzug.reference.merge import Cluster, ordered


@dataclass(frozen=True)
class SupportRow:
    """One reference step with its support (one row of ``--table``)."""

    step: str
    label: str
    position: int
    support: int
    total: int
    share: float
    core: bool
    unit: str
    units: str
    models: str
    labels: str
    obligations: str
    citations: str
    fte_median: float | None
    eur_median: float | None


@dataclass(frozen=True)
class Distance:
    """How one model differs from the reference: core steps it lacks, variant steps it adds."""

    model: str
    lacks: tuple[str, ...]
    adds: tuple[str, ...]
    distance: float
    """(lacking + added) / (core steps + added): 0 = exactly the core, 1 = nothing in common."""


def support_rows(clusters: Sequence[Cluster], total: int, min_support: int) -> list[SupportRow]:
    """Rows in reference order."""
    rows: list[SupportRow] = []
    for k, c in enumerate(ordered(clusters), 1):
        units: dict[str, int] = {}
        for m in c.members:
            if m.unit:
                units[m.unit] = units.get(m.unit, 0) + 1
        rows.append(SupportRow(
            step=c.id, label=c.label, position=k, support=c.support, total=total,
            share=round(c.support / total, 4) if total else 0.0, core=c.support >= min_support, unit=c.unit,
            units="; ".join(f"{u} ({n})" for u, n in sorted(units.items(), key=lambda x: (-x[1], x[0]))),
            models="; ".join(c.models),
            labels="; ".join(dict.fromkeys(m.step.name for m in c.members if m.step.name)),
            obligations="; ".join(c.majority(lambda m: m.step.obligations)),
            citations="; ".join(c.majority(lambda m: m.step.citations)),
            fte_median=round(c.fte, 3) if c.fte is not None else None,
            eur_median=round(c.eur, 2) if c.eur is not None else None))
    return rows


def distances(clusters: Sequence[Cluster], models: Sequence[str], min_support: int) -> list[Distance]:
    """Each model's distance to the reference (in the order the models were given)."""
    core = [c for c in ordered(clusters) if c.support >= min_support]
    variants = [c for c in ordered(clusters) if c.support < min_support]
    out: list[Distance] = []
    for key in models:
        lacks = tuple(c.label for c in core if key not in c.models)
        adds = tuple(c.label for c in variants if key in c.models)
        denominator = len(core) + len(adds)
        out.append(Distance(key, lacks, adds, round((len(lacks) + len(adds)) / denominator, 4) if denominator else 0.0))
    return out


def order_agreement(clusters: Sequence[Cluster]) -> float | None:
    """Share of step pairs (both in some model) whose reference order is the order of most models having both."""
    chain = ordered(clusters)
    positions = [{m.model: m.position for m in c.members} for c in chain]
    agree = disagree = 0
    for i in range(len(chain)):
        for j in range(i + 1, len(chain)):
            shared = positions[i].keys() & positions[j].keys()
            before = sum(1 for k in shared if positions[i][k] < positions[j][k])
            after = sum(1 for k in shared if positions[i][k] > positions[j][k])
            if before > after:
                agree += 1
            elif after > before:
                disagree += 1
    return round(agree / (agree + disagree), 4) if agree + disagree else None
