"""The bit-set behavioural comparison against a plain all-pairs oracle, on random flow graphs (hypothesis).

The oracle is the textbook definition written out pair by pair: reachability by search, the nearest common splits
from ancestor sets. The engine must name exactly the pairs whose relation differs, with both relations, and the
behavioural similarity must equal the Jaccard of the explicitly built triple sets.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vollzug.diff.behaviour import Profile, differing_pairs, invert
from vollzug.diff.similarity import behaviour_similarity
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel, SequenceFlow, Step

TYPES = ["task", "userTask", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
         "intermediateCatchEvent"]


def _model(types: list[str], edges: list[tuple[int, int]]) -> OperationalModel:
    steps = tuple(Step(id=f"n{i:02d}", type=t) for i, t in enumerate(types))  # type: ignore[arg-type]
    flows = tuple(SequenceFlow(id=f"f{k}", source=f"n{a:02d}", target=f"n{b:02d}") for k, (a, b) in enumerate(edges))
    return OperationalModel(steps=steps, sequence_flows=flows)


def _oracle(model: OperationalModel, a: str, b: str) -> str:
    succ: dict[str, set[str]] = {s.id: set() for s in model.steps}
    for f in model.sequence_flows:
        succ[f.source].add(f.target)

    def reach(n: str) -> set[str]:
        seen: set[str] = set()
        stack = list(succ[n])
        while stack:
            m = stack.pop()
            if m not in seen:
                seen.add(m)
                stack.extend(succ[m])
        return seen

    r = {n: reach(n) for n in succ}
    ab, ba = b in r[a], a in r[b]
    if ab and ba:
        return "loop"
    if ab:
        return "sequence"
    if ba:
        return "reverse"
    anc = {n: {m for m in succ if n in r[m]} for n in succ}
    splits = [n for n in anc[a] & anc[b] if len(succ[n]) > 1]
    nearest = [n for n in splits if not any(m in r[n] for m in splits if m != n)]
    kinds = {next(s.type for s in model.steps if s.id == n) for n in nearest}
    if kinds & {"parallelGateway", "inclusiveGateway", "complexGateway"} or kinds & ACTIVITY_TYPES:
        return "parallel"
    return "exclusive"


graphs = st.integers(min_value=2, max_value=11).flatmap(lambda n: st.tuples(
    st.lists(st.sampled_from(TYPES), min_size=n, max_size=n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=4),
    st.permutations(list(range(n)))))


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_differing_pairs_match_the_all_pairs_oracle(case: tuple[list[str], list[tuple[int, int]],
                                                                list[tuple[int, int]], list[int]]) -> None:
    types, edges, changes, perm = case
    left = _model(types, edges)
    changed_edges = [e for e in edges if e not in changes[:1]] + changes[1:]
    right = _model(types, changed_edges)
    lprof, rprof = Profile(left), Profile(right)
    acts = sorted((a, f"n{perm[int(a[1:])]:02d}") for a in lprof.activities
                  if types[perm[int(a[1:])]] in ACTIVITY_TYPES)
    expected = []
    for i, (la, ra) in enumerate(acts):
        for j in range(i + 1, len(acts)):
            lb, rb = acts[j]
            lrel, rrel = _oracle(left, la, lb), _oracle(right, ra, rb)
            if lrel != rrel:
                expected.append((i, j, lrel, rrel))
    assert differing_pairs(lprof, rprof, acts) == expected
    for i, (la, _) in enumerate(acts):
        for lb, _ in acts[i + 1:]:
            assert lprof.relation(la, lb) == _oracle(left, la, lb)
            assert lprof.relation(lb, la) == invert(lprof.relation(la, lb))

    mapping = dict(acts)

    def canon(x: str, y: str, rel: str) -> tuple[str, str, str]:
        return (x, y, rel) if x <= y else (y, x, invert(rel))  # type: ignore[arg-type]

    left_triples = {canon(mapping.get(x, "\x00" + x), mapping.get(y, "\x00" + y), r) for x, y, r in lprof.triples()}
    right_triples = set(rprof.triples())
    union = left_triples | right_triples
    jaccard = len(left_triples & right_triples) / len(union) if union else 1.0
    assert abs(behaviour_similarity(lprof, rprof, mapping) - jaccard) < 1e-12
