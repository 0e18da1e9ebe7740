"""Verhaltensprofil: the behavioural relation of activity pairs, computed from the sequence-flow graph.

A behavioural profile (Weidlich et al.) in the form we need for explanations:

* ``loop``      — a and b lie on a common cycle (or a and b are the same looped step);
* ``sequence``  — b is reachable from a but not a from b (strict order);
* ``reverse``   — a is reachable from b only;
* ``parallel``  — neither reaches the other and their nearest common split is a parallel split (a parallel or
  inclusive gateway, or an activity/event with several outgoing flows);
* ``exclusive`` — neither reaches the other and the nearest common split is exclusive (exclusive or event-based
  gateway), or they have no common split at all.

No table of all pairs is ever built. Reachability is computed once per side on the condensation of the flow graph
(strongly connected components, in topological order) as bit sets — Python integers, one per node, whose bit *i*
says "reaches the *i*-th node of a chosen list". Two models are compared by :func:`differing_pairs`: the bit sets of
the paired activities are laid out in one common order (the left model's flow order), so an XOR of a left row with
the right row yields exactly the pairs whose order differs; only pairs where neither side reaches the other are
looked at one by one (their relation depends on the nearest common split). Work grows with the number of nodes,
the rows' length and the size of the change — not with a cache of every pair.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vollzug.diff.changes import Relation
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel

_PARALLEL_SPLITS = frozenset({"parallelGateway", "inclusiveGateway", "complexGateway"})


def bits(value: int) -> Iterator[int]:
    """Positions of the set bits of ``value``, lowest first."""
    while value:
        low = value & -value
        yield low.bit_length() - 1
        value ^= low


class Profile:
    """Relations between the activities of one model (reachability as bit sets over the SCC condensation)."""

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
        self._components: _Condensation | None = None
        self._nodes: list[str] = list(succ)
        self._node_reach: list[int] | None = None
        self._node_anc: list[int] | None = None
        self._node_pos: dict[str, int] = {n: i for i, n in enumerate(self._nodes)}
        self._splits = sum(1 << i for i, n in enumerate(self._nodes) if len(succ[n]) > 1)

    @property
    def condensation(self) -> _Condensation:
        """The strongly connected components in topological order (computed on first use)."""
        if self._components is None:
            self._components = _Condensation(self.successors)
        return self._components

    def same_as(self, other: Profile) -> bool:
        """True when both profiles are built from the same typed flow graph over the same ids (so every relation,
        and every relation triple, is the same on both sides); checked without computing any reachability."""
        return self.types == other.types and self.successors == other.successors

    def rank(self, node: str) -> int:
        """Position of the node's component in topological order (sources first)."""
        return self.condensation.rank[node]

    def rows(self, ids: Sequence[str]) -> list[int]:
        """For each of ``ids``: the bit set of the positions in ``ids`` of the nodes it reaches."""
        return self.condensation.reach_rows(ids, forward=True)

    def _space(self) -> tuple[list[int], list[int]]:
        if self._node_reach is None or self._node_anc is None:
            self._node_reach = self.condensation.reach_rows(self._nodes, forward=True)
            self._node_anc = self.condensation.reach_rows(self._nodes, forward=False)
        return self._node_reach, self._node_anc

    def reaches(self, a: str, b: str) -> bool:
        """Whether b is reachable from a by at least one flow."""
        reach, _ = self._space()
        return bool(reach[self._node_pos[a]] >> self._node_pos[b] & 1)

    def split_relation(self, a: str, b: str) -> Relation:
        """The relation of two nodes neither of which reaches the other: the kind of their nearest common split."""
        reach, anc = self._space()
        pos = self._node_pos
        common = anc[pos[a]] & anc[pos[b]] & self._splits
        kinds = {self.types[self._nodes[s]] for s in bits(common) if not reach[s] & common & ~(1 << s)}
        if kinds & _PARALLEL_SPLITS or kinds & ACTIVITY_TYPES:
            return "parallel"
        return "exclusive"

    def relation(self, a: str, b: str) -> Relation:
        """Relation of the ordered pair (a, b)."""
        return self.relation_from(self.reaches(a, b), self.reaches(b, a), a, b)

    def relation_from(self, ab: bool, ba: bool, a: str, b: str) -> Relation:
        """The relation given both reachabilities (the split is looked up only when neither holds)."""
        if ab and ba:
            return "loop"
        if ab:
            return "sequence"
        if ba:
            return "reverse"
        return self.split_relation(a, b)

    def triples(self, ids: list[str] | None = None) -> set[tuple[str, str, Relation]]:
        """All (a, b, relation) with a < b among ``ids`` (default: all activities). Quadratic: for small models."""
        chosen = sorted(ids if ids is not None else self.activities)
        return {(a, b, self.relation(a, b)) for i, a in enumerate(chosen) for b in chosen[i + 1:]}


class _Condensation:
    """Strongly connected components of a successor map (iterative Tarjan), sinks first, with their edges."""

    def __init__(self, succ: dict[str, set[str]]) -> None:
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        on_stack: set[str] = set()
        stack: list[str] = []
        self.comp: dict[str, int] = {}
        members: list[list[str]] = []
        counter = 0
        for root in succ:
            if root in index:
                continue
            work: list[tuple[str, Iterator[str]]] = [(root, iter(succ[root]))]
            index[root] = low[root] = counter
            counter += 1
            stack.append(root)
            on_stack.add(root)
            while work:
                node, children = work[-1]
                advanced = False
                for child in children:
                    if child not in index:
                        index[child] = low[child] = counter
                        counter += 1
                        stack.append(child)
                        on_stack.add(child)
                        work.append((child, iter(succ[child])))
                        advanced = True
                        break
                    if child in on_stack:
                        low[node] = min(low[node], index[child])
                if advanced:
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        self.comp[member] = len(members)
                        group.append(member)
                        if member == node:
                            break
                    members.append(group)
        self.members = members  # sinks first (Tarjan's order is a reverse topological order)
        self.cyclic = [len(g) > 1 or g[0] in succ[g[0]] for g in members]
        self.succ: list[set[int]] = [set() for _ in members]
        self.pred: list[set[int]] = [set() for _ in members]
        for node, targets in succ.items():
            c = self.comp[node]
            for target in targets:
                d = self.comp[target]
                if d != c:
                    self.succ[c].add(d)
                    self.pred[d].add(c)
        count = len(members)
        self.rank = {node: count - 1 - c for node, c in self.comp.items()}

    def reach_rows(self, ids: Sequence[str], *, forward: bool) -> list[int]:
        """Bit sets over the positions of ``ids``: what each id reaches (forward) or is reached from (backward)."""
        own = [0] * len(self.members)
        for position, node in enumerate(ids):
            own[self.comp[node]] |= 1 << position
        edges = self.succ if forward else self.pred
        order = range(len(self.members)) if forward else range(len(self.members) - 1, -1, -1)
        below = [0] * len(self.members)
        for c in order:  # forward: sinks first, so every successor is done; backward: sources first
            acc = 0
            for d in edges[c]:
                acc |= own[d] | below[d]
            below[c] = acc
        return [below[self.comp[n]] | (own[self.comp[n]] if self.cyclic[self.comp[n]] else 0) for n in ids]


def differing_pairs(
    lprof: Profile, rprof: Profile, pairs: Sequence[tuple[str, str]]
) -> list[tuple[int, int, Relation, Relation]]:
    """Pairs (i, j), i < j, of paired nodes whose relation differs: (i, j, left relation, right relation).

    ``pairs`` are (left id, right id) of paired activities; i and j index into it; the result is sorted by (i, j).
    """
    k = len(pairs)
    order = sorted(range(k), key=lambda i: (lprof.rank(pairs[i][0]), i))  # left flow order: few reverse pairs
    left_rows = lprof.rows([pairs[i][0] for i in order])
    right_rows = rprof.rows([pairs[i][1] for i in order])
    full = (1 << k) - 1
    found: set[tuple[int, int]] = set()
    for p in range(k):
        for q in bits((left_rows[p] ^ right_rows[p]) & ~(1 << p)):  # p reaches q on one side only
            found.add((p, q) if p < q else (q, p))
        later = full & ~((1 << (p + 1)) - 1)
        for q in bits(later & ~left_rows[p] & ~right_rows[p]):  # p reaches q on neither side
            if not (left_rows[q] >> p & 1 or right_rows[q] >> p & 1):  # nor q p: the splits decide
                la, lb, ra, rb = pairs[order[p]][0], pairs[order[q]][0], pairs[order[p]][1], pairs[order[q]][1]
                if lprof.split_relation(la, lb) != rprof.split_relation(ra, rb):
                    found.add((p, q))
    out: list[tuple[int, int, Relation, Relation]] = []
    for p, q in found:
        if order[p] > order[q]:
            p, q = q, p
        i, j = order[p], order[q]
        out.append((i, j, _relation(lprof, left_rows, p, q, pairs[i][0], pairs[j][0]),
                    _relation(rprof, right_rows, p, q, pairs[i][1], pairs[j][1])))
    out.sort()
    return out


def _relation(prof: Profile, rows: list[int], p: int, q: int, a: str, b: str) -> Relation:
    """The relation of (a, b) on one side, read from the rows at their flow-order positions p and q."""
    return prof.relation_from(bool(rows[p] >> q & 1), bool(rows[q] >> p & 1), a, b)


def invert(relation: Relation) -> Relation:
    """The relation of (b, a) given that of (a, b)."""
    return {"sequence": "reverse", "reverse": "sequence"}.get(relation, relation)  # type: ignore[return-value]
