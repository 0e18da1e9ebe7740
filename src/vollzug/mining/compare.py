"""Log-Vergleich: several municipalities' logs of the same procedure side by side.

The result is a pydantic model (:class:`LogComparison`) so the district report can place it next to model-based
results: activity coverage, variants, directly-follows differences, step durations, performers, deadline compliance
and (if a model is given) fitness/precision per town.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from vollzug.mining.conform import ConformanceResult
from vollzug.mining.deadlines import DeadlineCompliance, DeadlineRule, compliance, nearest_rank
from vollzug.mining.log import EventLog


class LogProfile(BaseModel):
    """Kennzahlen eines Logs (einer Kommune)."""

    model_config = ConfigDict(frozen=True)

    label: str
    """Label of the town/log."""
    log: str
    """Log file name."""
    cases: int
    """Cases."""
    events: int
    """Events."""
    activities: int
    """Distinct activities."""
    variants: int
    """Distinct variants."""
    top_variant_share: float
    """Share of cases in the most frequent variant."""
    top10_variant_share: float
    """Share of cases in the ten most frequent variants."""
    median_case_days: float | None
    """Median case duration (first to last event), nearest rank."""
    p90_case_days: float | None
    """90th percentile case duration."""
    performers: int
    """Distinct performers (resource values)."""


class ActivityRow(BaseModel):
    """Eine Aktivität über alle Logs: Abdeckung, Dauer, Ausführende."""

    model_config = ConfigDict(frozen=True)

    activity: str
    """Activity as in the logs."""
    label: str
    """Readable label."""
    case_share: dict[str, float] = Field(default_factory=dict)
    """Town label → share of cases containing the activity (absent: 0)."""
    median_days: dict[str, float] = Field(default_factory=dict)
    """Town label → median days since the previous event of the case (waiting + working time)."""
    performer: dict[str, str] = Field(default_factory=dict)
    """Town label → majority performer with its share, e.g. "560872 (81 %)"."""

    @property
    def spread(self) -> float:
        """Largest minus smallest coverage over the towns."""
        values = list(self.case_share.values())
        return max(values) - min(values) if values else 0.0


class EdgeRow(BaseModel):
    """Direkte Nachfolge a → b: share of cases with the pair, per town."""

    model_config = ConfigDict(frozen=True)

    source: str
    """Preceding activity."""
    target: str
    """Following activity."""
    case_share: dict[str, float] = Field(default_factory=dict)
    """Town label → share of cases in which ``target`` directly follows ``source``."""
    spread: float = 0.0
    """Largest minus smallest share."""


class TownConformance(BaseModel):
    """Konformität einer Kommune gegen das Referenzmodell (Kurzform)."""

    model_config = ConfigDict(frozen=True)

    fitness: float | None
    """Log fitness."""
    precision: float | None
    """Precision."""
    fitting_cases: float | None
    """Share of perfectly fitting cases."""
    top_deviations: tuple[str, ...] = ()
    """The largest step deviations, as text."""


class LogComparison(BaseModel):
    """Vergleich mehrerer Ereignislogs desselben Verfahrens."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["log_comparison"] = "log_comparison"
    """Document tag."""
    labels: tuple[str, ...]
    """Town labels in input order."""
    profiles: tuple[LogProfile, ...]
    """Key figures per town."""
    shared_activities: int
    """Activities present in every log."""
    shared_variants: int
    """Variants present in every log."""
    activities: tuple[ActivityRow, ...]
    """Activities, most widely used first."""
    edges: tuple[EdgeRow, ...]
    """Directly-follows pairs with the largest differences between towns."""
    deadlines: dict[str, tuple[DeadlineCompliance, ...]] = Field(default_factory=dict)
    """Town label → deadline compliance."""
    conformance: dict[str, TownConformance] = Field(default_factory=dict)
    """Town label → conformance against a reference model (if one was given)."""
    notes: tuple[str, ...] = ()
    """How figures were computed."""
    excluded: tuple[str, ...] = ()
    """Logs that could not be read and were left out (``file:line: reason``)."""


def _days(seconds: float) -> float:
    return round(seconds / 86400, 2)


def profile(log: EventLog, label: str) -> LogProfile:
    """Key figures of one log."""
    variants = log.variants()
    total = max(1, len(log.traces))
    durations = sorted(
        (t.events[-1].timestamp - t.events[0].timestamp).total_seconds()
        for t in log.traces if t.events and t.events[0].timestamp and t.events[-1].timestamp
    )
    performers = {e.resource for t in log.traces for e in t.events if e.resource}
    return LogProfile(
        label=label, log=log.path.name, cases=len(log.traces), events=log.event_count,
        activities=len(log.activity_counts()), variants=len(variants),
        top_variant_share=round(variants.most_common(1)[0][1] / total, 4) if variants else 0.0,
        top10_variant_share=round(sum(n for _, n in variants.most_common(10)) / total, 4),
        median_case_days=_days(nearest_rank(durations, 0.5)) if durations else None,
        p90_case_days=_days(nearest_rank(durations, 0.9)) if durations else None,
        performers=len(performers),
    )


def _step_waits(log: EventLog) -> dict[str, list[float]]:
    waits: dict[str, list[float]] = defaultdict(list)
    for trace in log.traces:
        for before, after in pairwise(trace.events):
            if before.timestamp and after.timestamp:
                waits[after.activity].append((after.timestamp - before.timestamp).total_seconds())
    return waits


def _edges(log: EventLog) -> Counter[tuple[str, str]]:
    return Counter(pair for t in log.traces for pair in set(pairwise(t.activities)))


def compare_logs(logs: Sequence[EventLog], labels: Sequence[str], *, rules: Sequence[DeadlineRule] = (),
                 conformance: dict[str, ConformanceResult] | None = None, top_edges: int = 30) -> LogComparison:
    """Compare logs (one per town) of the same procedure."""
    case_shares: dict[str, dict[str, float]] = defaultdict(dict)
    medians: dict[str, dict[str, float]] = defaultdict(dict)
    performer: dict[str, dict[str, str]] = defaultdict(dict)
    edge_shares: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    names: dict[str, str] = {}
    variant_sets = []
    for log, label in zip(logs, labels, strict=True):
        total = max(1, len(log.traces))
        for activity, n in log.case_counts().items():
            case_shares[activity][label] = round(n / total, 4)
            names.setdefault(activity, log.label(activity))
        for activity, waits in _step_waits(log).items():
            medians[activity][label] = _days(statistics.median(waits))
        for activity, counter in log.performers().items():
            top, n = counter.most_common(1)[0]
            performer[activity][label] = f"{top} ({n / sum(counter.values()):.0%})"
        for pair, n in _edges(log).items():
            edge_shares[pair][label] = round(n / total, 4)
        variant_sets.append(set(log.variants()))
    rows = [
        ActivityRow(activity=a, label=names[a], case_share={lb: shares.get(lb, 0.0) for lb in labels},
                    median_days=medians.get(a, {}), performer=performer.get(a, {}))
        for a, shares in case_shares.items()
    ]
    rows.sort(key=lambda r: (-sum(r.case_share.values()), r.activity))
    edges = []
    for (source, target), shares in edge_shares.items():
        full = {lb: shares.get(lb, 0.0) for lb in labels}
        edges.append(EdgeRow(source=source, target=target, case_share=full,
                             spread=round(max(full.values()) - min(full.values()), 4)))
    edges.sort(key=lambda e: (-e.spread, e.source, e.target))
    shared_variants = set.intersection(*variant_sets) if variant_sets else set()
    return LogComparison(
        labels=tuple(labels), profiles=tuple(profile(log, lb) for log, lb in zip(logs, labels, strict=True)),
        shared_activities=sum(1 for r in rows if all(v > 0 for v in r.case_share.values())),
        shared_variants=len(shared_variants), activities=tuple(rows), edges=tuple(edges[:top_edges]),
        deadlines={lb: compliance(log, rules) for log, lb in zip(logs, labels, strict=True)} if rules else {},
        conformance={lb: summarise(res) for lb, res in (conformance or {}).items()},
        notes=("Dauer je Schritt: Median der Zeit seit dem vorigen Ereignis des Falls (Warte- und Bearbeitungszeit).",
               "Perzentile nach dem Nearest-Rank-Verfahren; Anteile beziehen sich auf Fälle."),
    )


def summarise(result: ConformanceResult, top: int = 5) -> TownConformance:
    """A short conformance summary for the comparison."""
    parts = []
    for dev in [d for d in result.steps if d.total][:top]:
        kinds = [f"{label} {n}" for label, n in (("übersprungen", dev.skipped), ("Reihenfolge", dev.out_of_order),
                                                 ("wiederholt", dev.repeated), ("andere Einheit", dev.other_unit))
                 if n]
        parts.append(f"{dev.name or dev.step}: {', '.join(kinds)}")
    return TownConformance(fitness=result.fitness, precision=result.precision, fitting_cases=result.fitting_cases,
                           top_deviations=tuple(parts))
