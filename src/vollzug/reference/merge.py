"""Zusammenführung: cluster the activities of many models into reference steps through the matcher.

Models are taken largest first. The first one seeds one cluster per activity; each further model is matched against
the reference built so far (one representative step per cluster: the most common label, type, unit, obligations and
citations of its members, chained in the current majority order), so N models cost N matcher calls, not N². An
activity the matcher pairs with a cluster joins it; every other activity opens a new cluster. Uncertain
correspondences are not used: an activity that is only possibly the same opens its own cluster (a variant) rather
than merging two different steps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

from vollzug.compare.features import unit_family
from vollzug.diff.behaviour import Profile
from vollzug.model.actors import OrgUnit
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel, SequenceFlow, Step
from vollzug.model.resources import staff_and_money
from vollzug.reference.correspond import Correspondence, correspondences

Matcher = Callable[[OperationalModel, OperationalModel], list[Correspondence]]


@dataclass(frozen=True)
class Member:
    """One model's activity inside a reference step."""

    model: str
    """Key of the model (town name or file name)."""
    step: Step
    unit: str
    """Name of the responsible unit (the step's lane), '' if none."""
    family: str
    """Comparable kind of that unit (planning, climate, council, …)."""
    position: float
    """Position among the model's activities in flow order, 0 (first) … 1 (last)."""
    fte: float
    eur: float


@dataclass
class Cluster:
    """A reference step: the activities of several models that do the same thing."""

    id: str
    members: list[Member] = field(default_factory=list)

    @property
    def models(self) -> list[str]:
        """Keys of the models having this step (each once, in order of joining)."""
        return list(dict.fromkeys(m.model for m in self.members))

    @property
    def support(self) -> int:
        """How many models have the step."""
        return len(self.models)

    @property
    def label(self) -> str:
        """The most common label (case-insensitive); ties: the shorter, then alphabetical."""
        return _modal([m.step.name.strip() for m in self.members if m.step.name.strip()], key=str.casefold) or self.id

    @property
    def type(self) -> str:
        """The most common activity type."""
        return _modal([m.step.type for m in self.members]) or "task"

    @property
    def unit(self) -> str:
        """The most common responsible unit name."""
        return _modal([m.unit for m in self.members if m.unit], key=str.casefold) or ""

    @property
    def position(self) -> float:
        """Median position in the models' flow order."""
        return median(m.position for m in self.members)

    def majority(self, values: Callable[[Member], Iterable[str]]) -> tuple[str, ...]:
        """Values carried by at least half of the members (e.g. obligations, citations), in first-seen order."""
        counts: Counter[str] = Counter(v for m in self.members for v in dict.fromkeys(values(m)))
        need = len(self.members) / 2
        return tuple(v for v, n in counts.items() if n >= need)

    @property
    def fte(self) -> float | None:
        """Median VZÄ of the members that state staff, None if none does."""
        values = [m.fte for m in self.members if m.fte > 0]
        return median(values) if values else None

    @property
    def eur(self) -> float | None:
        """Median EUR of the members that state money, None if none does."""
        values = [m.eur for m in self.members if m.eur > 0]
        return median(values) if values else None


def _modal(values: list[str], key: Callable[[str], str] = str) -> str | None:
    if not values:
        return None
    groups: dict[str, list[str]] = {}
    for v in values:
        groups.setdefault(key(v), []).append(v)
    best = max(groups.values(), key=lambda g: (len(g), -len(g[0]), [-ord(c) for c in key(g[0])]))
    return Counter(best).most_common(1)[0][0]


def members_of(key: str, model: OperationalModel) -> list[Member]:
    """The model's activities as members, in flow order."""
    profile = Profile(model)
    units = {u.id: u for u in model.org_units}
    index = {s.id: i for i, s in enumerate(model.steps)}
    acts = sorted((s for s in model.steps if s.type in ACTIVITY_TYPES), key=lambda s: (profile.rank(s.id), index[s.id]))
    last = max(len(acts) - 1, 1)
    out: list[Member] = []
    for k, step in enumerate(acts):
        unit = units.get(step.lane or "")
        name = unit.name if unit is not None else (step.lane or "")
        fte = sum(staff_and_money(r)[0] for r in step.resources)
        eur = sum(staff_and_money(r)[1] for r in step.resources)
        family = unit_family(step.lane, name, unit.kind if unit is not None else "")
        out.append(Member(key, step, name, family, k / last if len(acts) > 1 else 0.0, fte, eur))
    return out


def ordered(clusters: Sequence[Cluster]) -> list[Cluster]:
    """Clusters in the majority order: by median position, ties by the number of clusters each precedes."""
    return sorted(clusters, key=lambda c: (c.position, -c.support, c.id))


def lane_for(cluster: Cluster, units: dict[str, OrgUnit]) -> str | None:
    """The lane of a reference step: one per distinct unit name (added to ``units``), None without a unit."""
    if not cluster.unit:
        return None
    lane = "Lane_" + ("".join(ch if ch.isalnum() else "_" for ch in cluster.unit.casefold()).strip("_")[:40] or "unit")
    units.setdefault(lane, OrgUnit(id=lane, name=cluster.unit))
    return lane


def representative(clusters: Sequence[Cluster], title: str = "Referenz") -> OperationalModel:
    """The reference so far as a model: one step per cluster, chained in majority order, lanes by unit name."""
    chain = ordered(clusters)
    units: dict[str, OrgUnit] = {}
    steps: list[Step] = []
    for cluster in chain:
        steps.append(Step(id=cluster.id, name=cluster.label, type=cluster.type, lane=lane_for(cluster, units),
                          obligations=cluster.majority(lambda m: m.step.obligations),
                          citations=cluster.majority(lambda m: m.step.citations)))
    flows = tuple(SequenceFlow(id=f"Flow_{a.id}_{b.id}", source=a.id, target=b.id)
                  for a, b in pairwise(steps))
    return OperationalModel(id="Process_Reference", title=title, org_units=tuple(units.values()),
                            steps=tuple(steps), sequence_flows=flows)


def merge(models: Sequence[tuple[str, OperationalModel]], matcher: Matcher = correspondences) -> list[Cluster]:
    """Cluster the activities of the models (keys must be unique) into reference steps."""
    prepared = [(key, model, members_of(key, model)) for key, model in models]
    prepared.sort(key=lambda item: (-len(item[2]), item[0]))
    clusters: list[Cluster] = []
    by_id: dict[str, Cluster] = {}

    def open_cluster(member: Member) -> None:
        cluster = Cluster(id=f"Ref_{len(clusters) + 1:03d}", members=[member])
        clusters.append(cluster)
        by_id[cluster.id] = cluster

    for key, model, members in prepared:
        if not clusters:
            for member in members:
                open_cluster(member)
            continue
        pairs = {c.left: c.right for c in matcher(model, representative(clusters))}
        for member in members:
            target = pairs.get(member.step.id)
            if target is not None and key not in by_id[target].models:
                by_id[target].members.append(member)
            else:
                open_cluster(member)
    return clusters
