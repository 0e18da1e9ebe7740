"""Zuordnung der Schritte: precise by default — evidence creates a match, structure only confirms or ranks it.

1. **Candidates** come from an inverted index (:mod:`.index`): two steps are compared only when they share a label
   stem, an obligation/§ key or their id, so the cost grows with the plausible pairs, not with n².
2. **Evidence** (:mod:`.evidence`): a labelled step is matched only on positive evidence of its own label (object
   and action scored apart), a shared obligation or citation, or an equal id. Lane, position and neighbours never
   create a match; matched neighbours add a small *confirmation* (at most :data:`CONFIRM`) and rank candidates.
3. **Assignment**: optimal one-to-one per connected component of the candidate graph
   (``scipy.optimize.linear_sum_assignment``), ties broken by a perturbation of the unordered id pair, so
   ``diff(a, b)`` pairs what ``diff(b, a)`` pairs. "No counterpart" is the outcome whenever evidence is missing.
4. **Unlabelled gateways and events**, and labelled ones that their label did not match ("Ende" / "Verfahren
   abgeschlossen"), are matched only through matched neighbours (their predecessors' partners precede the
   candidate, their successors' partners follow it), repeated while new pairs appear. Activities never are.
5. **n:m**: a step whose label joins several actions ("Antrag prüfen und bescheiden") or whose second-best partner
   follows its partner is reported with its extra partners as ``split`` (one left, several right) or ``merge``.

Every match carries its score, the signals behind it and a **confidence band** (:data:`BANDS`): ``sicher``,
``wahrscheinlich`` or ``unsicher``; the diff treats only the first two as the same element and reports uncertain
pairs as possible correspondences.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Literal

import numpy as np

from vollzug.diff.changes import Confidence, Match
from vollzug.diff.match import index, obligation, types
from vollzug.diff.match.context import MatchContext
from vollzug.diff.match.evidence import label_evidence
from vollzug.diff.match.label import label_score
from vollzug.model.process import EVENT_TYPES, GATEWAY_TYPES, Step

THRESHOLD = 0.4
"""Smallest score of any reported correspondence (below: no counterpart)."""
BANDS: tuple[tuple[float, Confidence], ...] = ((0.8, "sicher"), (0.5, "wahrscheinlich"), (0.4, "unsicher"))
"""Lower bound of each confidence band."""
ACTING: frozenset[Confidence] = frozenset({"sicher", "wahrscheinlich"})
"""Bands the diff treats as "the same element"; ``unsicher`` is a possible correspondence only."""
SPLIT_THRESHOLD = 0.6
"""Smallest evidence of the extra partner of a split/merge."""
CONFIRM = 0.2
"""Largest addition of matched neighbours to a pair that has evidence of its own."""
WEAK = 0.25
"""Smallest label evidence of a pair that matched neighbours may lift into a band (they never create a pair)."""
RANK = 0.02
"""Weight of the relative position in ranking candidates (never enough to create or reject a pair)."""
SAME = 0.03
"""Ranking bonus of an equal id and of an equal label as written (two versions of one drawing pair each step
with itself even where labels repeat, e.g. "Task")."""
ID_BASE = 0.6
"""Score of two steps with equal id and compatible type before their label evidence is added."""
OBLIGATION_BASE = 0.7
"""Score of two steps sharing an obligation id before their label evidence is added."""
STRING_SHARE = 0.9
"""Factor on the whole-string label similarity (:func:`.label.label_score`) when it beats the parsed evidence."""
NEIGHBOUR_THRESHOLD = 0.5
"""Smallest share of agreeing matched neighbours for a gateway/event paired through its neighbours."""
STRING_MIN = 0.55
"""… and only when it is at least this high (two long labels sharing two words are no evidence)."""
STRING_OBJECT_MIN = 0.15
"""The whole-string similarity counts only for labels whose business objects overlap at least this much."""
COMPONENT_LIMIT = 1500
"""Connected components with more steps than this are assigned greedily (best pair first) instead of optimally."""

MatchKind = Literal["one_to_one", "split", "merge"]


def band(score: float) -> Confidence:
    """The confidence band of a score (``unsicher`` below the lowest bound too)."""
    for bound, name in BANDS:
        if score >= bound:
            return name
    return "unsicher"


def _tiebreak(a: str, b: str) -> float:
    key = "\x00".join(sorted((a, b))).encode("utf-8")
    digest = int.from_bytes(hashlib.blake2b(key, digest_size=6).digest(), "big")
    return digest / float(1 << 48) * 1e-6


def _node(step: Step) -> bool:
    """A gateway or an event (may be matched through its neighbours when its label gives no match)."""
    return step.type in GATEWAY_TYPES or step.type in EVENT_TYPES


def _structural(step: Step, parsed_empty: bool) -> bool:
    """An unlabelled gateway or event (matched through its neighbours only)."""
    return parsed_empty and (step.type in GATEWAY_TYPES or step.type in EVENT_TYPES)


def match_by_id(ctx: MatchContext) -> list[Match]:
    """Pair steps with equal ids (``--match id``)."""
    common = sorted(set(ctx.left.steps) & set(ctx.right.steps))
    return [Match(left=s, right=s, score=1.0, signals={"id": 1.0}) for s in common]


class _Scorer:
    """Evidence of candidate pairs, cached."""

    def __init__(self, ctx: MatchContext) -> None:
        self.ctx = ctx
        self.cache: dict[tuple[str, str], tuple[float, dict[str, float]]] = {}

    def __call__(self, lid: str, rid: str) -> tuple[float, dict[str, float]]:
        key = (lid, rid)
        found = self.cache.get(key)
        if found is None:
            found = self._score(lid, rid)
            self.cache[key] = found
        return found

    def _score(self, lid: str, rid: str) -> tuple[float, dict[str, float]]:
        ctx = self.ctx
        ls, rs = ctx.left.steps[lid], ctx.right.steps[rid]
        tf = types.factor(ls, rs, ctx)
        if tf == 0.0:
            return 0.0, {}
        lp, rp = ctx.left.parsed[lid], ctx.right.parsed[rid]
        evidence, obj, act = label_evidence(lp, rp, ctx.token_weight)
        whole = STRING_SHARE * label_score(ctx.left.strings[lid], ctx.right.strings[rid], ctx.string_weight)
        if whole > evidence and whole >= STRING_MIN and act >= 0.5 and obj >= STRING_OBJECT_MIN:  # as one string
            evidence = whole
        signals: dict[str, float] = {}
        if evidence:
            signals = {"label": round(evidence, 4)}
        score = evidence
        shared = obligation.score(ls, rs, ctx)
        if shared is not None and shared >= 0.5:
            # the shared norm is evidence; among the steps serving one obligation the label decides
            with_norm = min(1.0, OBLIGATION_BASE + (1 - OBLIGATION_BASE) * evidence + RANK * shared)
            if with_norm > score:
                signals["obligation"] = round(with_norm - score, 4)
                score = with_norm
        if lid == rid and (evidence >= 0.3 or lp.empty or rp.empty):
            with_id = ID_BASE + (1 - ID_BASE) * (1.0 if lp.empty and rp.empty else evidence)
            if with_id > score:
                signals["id"] = round(with_id - score, 4)
                score = with_id
        if tf != 1.0 and score:
            signals = {k: round(v * tf, 4) for k, v in signals.items()}
            signals["type_factor"] = round(tf, 4)
        return round(score * tf, 9), signals


def _components(pairs: Iterable[tuple[str, str]]) -> list[tuple[list[str], list[str]]]:
    """Connected components of the bipartite candidate graph (left ids, right ids), deterministic order."""
    parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(x: tuple[int, str]) -> tuple[int, str]:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in pairs:
        ra, rb = find((0, a)), find((1, b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple[int, str], tuple[list[str], list[str]]] = {}
    for node in sorted(parent):
        groups.setdefault(find(node), ([], []))[node[0]].append(node[1])
    return [groups[k] for k in sorted(groups)]


def _assign(scores: dict[tuple[str, str], float], threshold: float) -> dict[str, str]:
    """Optimal one-to-one assignment over the candidate pairs (per component); pairs below ``threshold`` dropped."""
    from scipy.optimize import linear_sum_assignment  # lazy: --match id never needs scipy

    out: dict[str, str] = {}
    kept = {k: v for k, v in scores.items() if v >= threshold}
    for lefts, rights in _components(kept):
        if len(lefts) == 1 and len(rights) == 1:
            out[lefts[0]] = rights[0]
            continue
        if len(lefts) + len(rights) > COMPONENT_LIMIT:
            used: set[str] = set()
            members = set(lefts)
            for (a, b), _v in sorted(((k, v) for k, v in kept.items() if k[0] in members),
                                     key=lambda kv: (-kv[1] - _tiebreak(*kv[0]), kv[0])):
                if a not in out and b not in used:
                    out[a] = b
                    used.add(b)
            continue
        li = {s: i for i, s in enumerate(lefts)}
        ri = {s: j for j, s in enumerate(rights)}
        matrix = np.zeros((len(lefts), len(rights)))
        for (a, b), v in kept.items():
            if a in li and b in ri:
                matrix[li[a], ri[b]] = v + _tiebreak(a, b)
        rows, cols = linear_sum_assignment(-matrix)
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if matrix[i, j] >= threshold:
                out[lefts[i]] = rights[j]
    return out


def _confirmation(lid: str, rid: str, mapping: dict[str, str], ctx: MatchContext) -> float:
    """Share of the pair's neighbours that are matched onto each other (predecessors and successors apart)."""
    lpred, rpred = ctx.left.predecessors[lid], ctx.right.predecessors[rid]
    lsucc, rsucc = ctx.left.successors[lid], ctx.right.successors[rid]
    total = max(len(lpred), len(rpred)) + max(len(lsucc), len(rsucc))
    if not total:
        return 0.0
    agree = sum(1 for n in lpred if mapping.get(n) in rpred) + sum(1 for n in lsucc if mapping.get(n) in rsucc)
    return agree / total


def _rank(lid: str, rid: str, ctx: MatchContext) -> float:
    """Ranking bonus: relative position, equal id, equal label as written."""
    a, b = ctx.left.positions.get(lid), ctx.right.positions.get(rid)
    out = 0.0 if a is None or b is None else RANK * (1.0 - abs(a - b))
    if lid == rid:
        out += SAME
    if ctx.left.steps[lid].name == ctx.right.steps[rid].name:
        out += SAME
    return out


def _structural_pairs(ctx: MatchContext, mapping: dict[str, str], left_free: set[str], right_free: set[str]
                      ) -> dict[str, tuple[str, float]]:
    """Gateways/events paired through matched neighbours, repeated while new pairs appear."""
    found: dict[str, tuple[str, float]] = {}
    current = dict(mapping)
    for _round in range(4):
        scores: dict[tuple[str, str], float] = {}
        for lid in sorted(left_free - set(found)):
            ls = ctx.left.steps[lid]
            candidates: set[str] = set()
            for n in ctx.left.predecessors[lid] | ctx.left.successors[lid]:
                partner = current.get(n)
                if partner is not None:
                    candidates |= ctx.right.predecessors[partner] | ctx.right.successors[partner]
            if lid in ctx.right.steps:
                candidates.add(lid)
            taken = {r for r, _s in found.values()}
            for rid in sorted(candidates & right_free - taken):
                tf = types.factor(ls, ctx.right.steps[rid], ctx)
                if tf == 0.0:
                    continue
                share = _confirmation(lid, rid, current, ctx)
                if lid == rid:
                    share = max(share, 1.0 if share > 0 or not ctx.left.neighbours[lid] else 0.75)
                if share > 0:
                    scores[(lid, rid)] = round(share * tf, 9)
        ranked = {k: v + (SAME if k[0] == k[1] else 0.0)
                  + RANK * label_evidence(ctx.left.parsed[k[0]], ctx.right.parsed[k[1]], ctx.token_weight)[0]
                  for k, v in scores.items()}
        assigned = _assign(ranked, NEIGHBOUR_THRESHOLD)
        if not assigned:
            break
        for lid, rid in assigned.items():
            found[lid] = (rid, scores[(lid, rid)])
            current[lid] = rid
    return found


def match_auto(ctx: MatchContext, threshold: float = THRESHOLD) -> list[Match]:
    """Match the steps of both sides (see the module docstring); sorted by (left, right)."""
    if not ctx.left.steps or not ctx.right.steps:
        return []
    scorer = _Scorer(ctx)
    structural_left = {s for s, st in ctx.left.steps.items() if _structural(st, ctx.left.parsed[s].empty)}
    structural_right = {s for s, st in ctx.right.steps.items() if _structural(st, ctx.right.parsed[s].empty)}
    evidence: dict[tuple[str, str], float] = {}
    signals: dict[tuple[str, str], dict[str, float]] = {}
    for lid, rid in index.candidates(ctx):
        if lid in structural_left or rid in structural_right:
            continue
        score, sig = scorer(lid, rid)
        if score >= WEAK:
            evidence[(lid, rid)] = score
            signals[(lid, rid)] = sig
    ranked = {k: v + _rank(*k, ctx) for k, v in evidence.items()}
    first = _assign(ranked, threshold)
    # neighbours count where the label is unsure: at most CONFIRM, less the stronger the evidence already is
    confirmed = {k: round(min(1.0, v + CONFIRM * (1 - v) * _confirmation(*k, first, ctx)), 9)
                 for k, v in evidence.items()}
    ranked = {k: v + _rank(*k, ctx) for k, v in confirmed.items()}
    mapping = _assign(ranked, threshold)

    def make(lid: str, rid: str, score: float, sig: dict[str, float], kind: MatchKind = "one_to_one") -> Match:
        return Match(left=lid, right=rid, score=round(score, 4), signals=sig, kind=kind,
                     confidence=band(score))

    matches: list[Match] = []
    for lid, rid in sorted(mapping.items()):
        key = (lid, rid)
        sig = dict(signals[key])
        extra = confirmed[key] - evidence[key]
        if extra > 0:
            sig["context"] = round(extra, 4)
        if confirmed[key] >= threshold:
            matches.append(make(lid, rid, confirmed[key], sig))
    acting = {m.left: m.right for m in matches if m.confidence in ACTING}
    # gateways and events without a match of their own label ("Ende" / "Verfahren abgeschlossen") and unlabelled
    # ones: through matched neighbours only; activities never
    paired_left, paired_right = {m.left for m in matches}, {m.right for m in matches}
    left_free = {s for s, st in ctx.left.steps.items() if _node(st) and s not in paired_left}
    right_free = {s for s, st in ctx.right.steps.items() if _node(st) and s not in paired_right}
    for lid, (rid, score) in sorted(_structural_pairs(ctx, acting, left_free, right_free).items()):
        matches.append(make(lid, rid, score, {"neighbours": round(score, 4)}))
    matches += _splits(ctx, matches, evidence, signals)
    return sorted(matches, key=lambda m: (m.left, m.right))


def _splits(ctx: MatchContext, matches: list[Match], evidence: dict[tuple[str, str], float],
            signals: dict[tuple[str, str], dict[str, float]]) -> list[Match]:
    """Extra partners of one step (split: one left → several right; merge: several left → one right)."""
    by_left = {m.left: m.right for m in matches if m.confidence in ACTING}
    by_right = {m.right: m.left for m in matches if m.confidence in ACTING}
    used_left, used_right = {m.left for m in matches}, {m.right for m in matches}
    best_left: dict[str, tuple[float, str]] = {}
    best_right: dict[str, tuple[float, str]] = {}
    for (lid, rid), v in evidence.items():
        if rid not in used_right and lid in by_left and v > best_right.get(rid, (0.0, ""))[0]:
            best_right[rid] = (v, lid)
        if lid not in used_left and rid in by_right and v > best_left.get(lid, (0.0, ""))[0]:
            best_left[lid] = (v, rid)
    out: list[Match] = []
    for rid, (v, lid) in sorted(best_right.items()):
        partner = by_left[lid]
        joined = len(ctx.left.parsed[lid].parts) > 1
        if v >= SPLIT_THRESHOLD and (joined or partner in ctx.right.neighbours[rid]):
            out.append(Match(left=lid, right=rid, score=round(v, 4), signals=signals[(lid, rid)], kind="split",
                             confidence=band(v)))
    for lid, (v, rid) in sorted(best_left.items()):
        partner = by_right[rid]
        joined = len(ctx.right.parsed[rid].parts) > 1
        if v >= SPLIT_THRESHOLD and (joined or partner in ctx.left.neighbours[lid]):
            out.append(Match(left=lid, right=rid, score=round(v, 4), signals=signals[(lid, rid)], kind="merge",
                             confidence=band(v)))
    return out


__all__ = ["ACTING", "BANDS", "THRESHOLD", "band", "match_auto", "match_by_id"]
