"""Ähnlichkeitsmaße nach Dijkman et al. (2011): node matching, structural and behavioural similarity.

* node matching: ``2 · Σ score(m) / (|N1| + |N2|)`` over the one-to-one matches;
* structural: ``1 − (fskipn + fskipe + fsubn) / 3`` with the fraction of skipped (unmatched) nodes, of skipped edges
  (an edge is kept when both ends are matched and the mapped edge exists) and the mean substitution cost
  ``1 − score`` of the matched nodes (equal weights; Dijkman et al. tune them, we keep them plain and documented);
* behavioural: Jaccard similarity of the behavioural profiles (relation triples of activity pairs, left pairs
  translated into right ids; pairs with an unmatched activity can only be in one of the sets);
* overall: the mean of the three.
"""

from __future__ import annotations

from math import fsum

from vollzug.diff.behaviour import Profile, differing_pairs
from vollzug.diff.changes import Match, Similarity
from vollzug.model.process import OperationalModel


def _round(x: float) -> float:
    return round(max(0.0, min(1.0, x)), 4)


def similarity(left: OperationalModel, right: OperationalModel, matches: list[Match],
               lprof: Profile, rprof: Profile, paired: int, differing: int) -> Similarity:
    """All four scores for one diff."""
    one = [m for m in matches if m.kind == "one_to_one"]
    n1, n2 = len(left.steps), len(right.steps)
    # fsum: exactly rounded, so the figure does not depend on the order of the matches (diff(a, b) vs diff(b, a))
    node = 2 * fsum(m.score for m in one) / (n1 + n2) if n1 + n2 else 1.0
    mapping = {m.left: m.right for m in one}
    ledges = {(f.source, f.target) for f in left.sequence_flows}
    redges = {(f.source, f.target) for f in right.sequence_flows}
    kept = {(mapping[s], mapping[t]) for s, t in ledges if s in mapping and t in mapping} & redges
    skipped_nodes = (n1 - len(one)) + (n2 - len(one))
    fskipn = skipped_nodes / (n1 + n2) if n1 + n2 else 0.0
    fskipe = (len(ledges) + len(redges) - 2 * len(kept)) / (len(ledges) + len(redges)) if ledges or redges else 0.0
    fsubn = 2 * fsum(1 - m.score for m in one) / (2 * len(one)) if one else 0.0
    structural = 1 - (fskipn + fskipe + fsubn) / 3
    behavioural = behaviour_jaccard(len(lprof.activities), len(rprof.activities), paired, differing)
    overall = (node + structural + behavioural) / 3
    return Similarity(node=_round(node), structural=_round(structural), behavioural=_round(behavioural),
                      overall=_round(overall))


def behaviour_jaccard(left_activities: int, right_activities: int, paired: int, differing: int) -> float:
    """Jaccard of the two profiles' relation triples (one per unordered activity pair), counted, not built.

    A left triple can equal a right one only if both its activities are paired with right activities; ``paired``
    such activities give C(paired, 2) candidate triples, of which ``differing`` have another relation on the right.
    """
    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    left, right = pairs(left_activities), pairs(right_activities)
    if not left and not right:
        return 1.0
    shared = pairs(paired) - differing
    return shared / (left + right - shared)


def behaviour_similarity(lprof: Profile, rprof: Profile, mapping: dict[str, str]) -> float:
    """Jaccard of the relation triples for an activity mapping (left id → right id)."""
    acts = sorted((a, mapping[a]) for a in lprof.activities if mapping.get(a) in set(rprof.activities))
    differing = 0 if lprof.same_as(rprof) and all(a == b for a, b in acts) else len(differing_pairs(lprof, rprof, acts))
    return behaviour_jaccard(len(lprof.activities), len(rprof.activities), len(acts), differing)
