"""Verhaltensprofil: the behavioural relation of every activity pair, computed from the sequence-flow graph.

A behavioural profile (Weidlich et al.) in the form we need for explanations:

* ``loop``      — a and b lie on a common cycle (or a and b are the same looped step);
* ``sequence``  — b is reachable from a but not a from b (strict order);
* ``reverse``   — a is reachable from b only;
* ``parallel``  — neither reaches the other and their nearest common split is a parallel split (a parallel or
  inclusive gateway, or an activity/event with several outgoing flows);
* ``exclusive`` — neither reaches the other and the nearest common split is exclusive (exclusive or event-based
  gateway), or they have no common split at all.

Computed with networkx over the domain model (no pm4py needed; the brief allowed either).
"""

from __future__ import annotations

import networkx as nx

from vollzug.diff.changes import Relation
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel

_PARALLEL_SPLITS = frozenset({"parallelGateway", "inclusiveGateway", "complexGateway"})


class Profile:
    """Relations between the activities of one model."""

    def __init__(self, model: OperationalModel) -> None:
        graph: nx.DiGraph = nx.DiGraph()
        for step in model.steps:
            graph.add_node(step.id, type=step.type)
        for flow in model.sequence_flows:
            if flow.source in graph and flow.target in graph:
                graph.add_edge(flow.source, flow.target)
        for step in model.steps:  # a boundary event continues from its host activity
            if step.event is not None and step.event.attached_to in graph:
                graph.add_edge(step.event.attached_to, step.id)
        self.graph = graph
        self.activities = sorted(s.id for s in model.steps if s.type in ACTIVITY_TYPES)
        self.looped = {s.id for s in model.steps if s.loop != "none"}
        self.reach: dict[str, set[str]] = {n: set(nx.descendants(graph, n)) for n in graph}
        self.ancestors: dict[str, set[str]] = {n: set(nx.ancestors(graph, n)) for n in graph}
        self._cache: dict[tuple[str, str], Relation] = {}

    def relation(self, a: str, b: str) -> Relation:
        """Relation of the ordered pair (a, b)."""
        key = (a, b)
        if key not in self._cache:
            self._cache[key] = self._relation(a, b)
        return self._cache[key]

    def _relation(self, a: str, b: str) -> Relation:
        ab, ba = b in self.reach.get(a, ()), a in self.reach.get(b, ())
        if ab and ba:
            return "loop"
        if ab:
            return "sequence"
        if ba:
            return "reverse"
        common = self.ancestors.get(a, set()) & self.ancestors.get(b, set())
        splits = [n for n in common if self.graph.out_degree(n) > 1]
        nearest = [n for n in splits if not any(n in self.ancestors.get(m, ()) for m in splits if m != n)]
        if not nearest:
            return "exclusive"
        kinds = {self.graph.nodes[n]["type"] for n in nearest}
        if kinds & _PARALLEL_SPLITS or kinds & ACTIVITY_TYPES:
            return "parallel"
        return "exclusive"

    def triples(self, ids: list[str] | None = None) -> set[tuple[str, str, Relation]]:
        """All (a, b, relation) with a < b among ``ids`` (default: all activities)."""
        chosen = sorted(ids if ids is not None else self.activities)
        return {(a, b, self.relation(a, b)) for i, a in enumerate(chosen) for b in chosen[i + 1:]}


def invert(relation: Relation) -> Relation:
    """The relation of (b, a) given that of (a, b)."""
    return {"sequence": "reverse", "reverse": "sequence"}.get(relation, relation)  # type: ignore[return-value]
