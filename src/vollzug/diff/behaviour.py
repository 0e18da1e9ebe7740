"""Verhaltensprofil: the behavioural relation of every activity pair, computed from the sequence-flow graph.

A behavioural profile (Weidlich et al.) in the form we need for explanations:

* ``loop``      — a and b lie on a common cycle (or a and b are the same looped step);
* ``sequence``  — b is reachable from a but not a from b (strict order);
* ``reverse``   — a is reachable from b only;
* ``parallel``  — neither reaches the other and their nearest common split is a parallel split (a parallel or
  inclusive gateway, or an activity/event with several outgoing flows);
* ``exclusive`` — neither reaches the other and the nearest common split is exclusive (exclusive or event-based
  gateway), or they have no common split at all.

Computed by plain graph search over the domain model (no pm4py or networkx import needed: reachability is all
the profile uses, and the diff should start fast).
"""

from __future__ import annotations

from vollzug.diff.changes import Relation
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel

_PARALLEL_SPLITS = frozenset({"parallelGateway", "inclusiveGateway", "complexGateway"})


class Profile:
    """Relations between the activities of one model."""

    def __init__(self, model: OperationalModel) -> None:
        self.types: dict[str, str] = {s.id: s.type for s in model.steps}
        succ: dict[str, set[str]] = {s.id: set() for s in model.steps}
        for flow in model.sequence_flows:
            if flow.source in succ and flow.target in succ:
                succ[flow.source].add(flow.target)
        for step in model.steps:  # a boundary event continues from its host activity
            if step.event is not None and step.event.attached_to in succ:
                succ[step.event.attached_to].add(step.id)
        self.successors = succ
        self.activities = sorted(s.id for s in model.steps if s.type in ACTIVITY_TYPES)
        self.looped = {s.id for s in model.steps if s.loop != "none"}
        self._reach: dict[str, set[str]] | None = None
        self._ancestors: dict[str, set[str]] = {}
        self._cache: dict[tuple[str, str], Relation] = {}

    @property
    def reach(self) -> dict[str, set[str]]:
        """Node → every node reachable from it (computed on first use, with :attr:`ancestors`)."""
        if self._reach is None:
            succ = self.successors
            self._reach = {n: _descendants(succ, n) for n in succ}
            self._ancestors = {n: set() for n in succ}
            for n, below in self._reach.items():
                for m in below:
                    self._ancestors[m].add(n)
        return self._reach

    @property
    def ancestors(self) -> dict[str, set[str]]:
        """Node → every node it is reachable from."""
        if self._reach is None:
            _ = self.reach
        return self._ancestors

    def same_as(self, other: Profile) -> bool:
        """True when both profiles are built from the same typed flow graph over the same ids (so every relation,
        and every relation triple, is the same on both sides); checked without computing any reachability."""
        return self.types == other.types and self.successors == other.successors

    def relation(self, a: str, b: str) -> Relation:
        """Relation of the ordered pair (a, b)."""
        key = (a, b)
        if key not in self._cache:
            self._cache[key] = self._relation(a, b)
        return self._cache[key]

    def _relation(self, a: str, b: str) -> Relation:
        reach = self.reach
        ab, ba = b in reach.get(a, ()), a in reach.get(b, ())
        if ab and ba:
            return "loop"
        if ab:
            return "sequence"
        if ba:
            return "reverse"
        ancestors = self._ancestors
        common = ancestors.get(a, set()) & ancestors.get(b, set())
        splits = [n for n in common if len(self.successors[n]) > 1]
        nearest = [n for n in splits if not any(n in ancestors.get(m, ()) for m in splits if m != n)]
        if not nearest:
            return "exclusive"
        kinds = {self.types[n] for n in nearest}
        if kinds & _PARALLEL_SPLITS or kinds & ACTIVITY_TYPES:
            return "parallel"
        return "exclusive"

    def triples(self, ids: list[str] | None = None) -> set[tuple[str, str, Relation]]:
        """All (a, b, relation) with a < b among ``ids`` (default: all activities)."""
        chosen = sorted(ids if ids is not None else self.activities)
        return {(a, b, self.relation(a, b)) for i, a in enumerate(chosen) for b in chosen[i + 1:]}


def _descendants(succ: dict[str, set[str]], start: str) -> set[str]:
    """Every node reachable from ``start`` by at least one edge."""
    seen: set[str] = set()
    stack = list(succ[start])
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(succ[node] - seen)
    return seen


def invert(relation: Relation) -> Relation:
    """The relation of (b, a) given that of (a, b)."""
    return {"sequence": "reverse", "reverse": "sequence"}.get(relation, relation)  # type: ignore[return-value]
