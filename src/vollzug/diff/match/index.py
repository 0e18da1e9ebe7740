"""Kandidatenindex: which step pairs are worth scoring at all (inverted index and blocking, not n² pairs).

A left and a right step are candidates when they share a label stem (or the first :data:`PREFIX` letters of one,
for spelling variants), an obligation id or citation key, or their id. Keys that occur in more than
:data:`COMMON_MIN` steps make candidates only in pairs (conjunctive blocking): "Antrag" in every step of a
permit procedure would make every pair a candidate, "Antrag" + "prüfen" does not. The cost of matching grows with
the number of plausible pairs, not with n².
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from vollzug.diff.match import obligation
from vollzug.diff.match.context import MatchContext, Side

PREFIX = 5
"""Letters of a stem that also index it (spelling variants: "vorpruef" / "pruef" do not share, "genehmig…" do)."""
COMMON_MIN = 40
"""A key in more than this many steps of both models is common: common keys make candidates only in pairs (an
absolute bound, so the candidates per step do not grow with the size of the models)."""


def _keys(side: Side, sid: str) -> set[str]:
    out: set[str] = set()
    for s in side.parsed[sid].stems:
        out.add("s:" + s)
        if len(s) > PREFIX:
            out.add("p:" + s[:PREFIX])
    out |= {"o:" + k for k in obligation.keys(side.steps[sid])}
    return out


def _blocks(keys: set[str], common: set[str]) -> set[str]:
    """The blocking keys of one step: its rare keys, and every pair of its common keys (conjunctive blocking:
    "prüfen" in 300 steps is no block, "prüfen" + "antrag" is)."""
    rare = {k for k in keys if k not in common}
    frequent = sorted(k for k in keys if k in common and not k.startswith("p:"))
    pairs = {f"{a}|{b}" for i, a in enumerate(frequent) for b in frequent[i + 1:]}
    if not rare and not pairs:
        return set(frequent)  # a single frequent word is all the step has
    return rare | pairs


def candidates(ctx: MatchContext) -> Iterator[tuple[str, str]]:
    """Candidate (left id, right id) pairs, each once, in a deterministic order; the same set whichever side is
    left (blocks are defined per step from key frequencies over both sides)."""
    right_keys = {rid: _keys(ctx.right, rid) for rid in sorted(ctx.right.steps)}
    left_keys = {lid: _keys(ctx.left, lid) for lid in sorted(ctx.left.steps)}
    df: dict[str, int] = defaultdict(int)
    for keys in (*right_keys.values(), *left_keys.values()):
        for key in keys:
            df[key] += 1
    common = {k for k, c in df.items() if c > COMMON_MIN}
    postings: dict[str, list[str]] = defaultdict(list)
    for rid, keys in right_keys.items():
        for block in _blocks(keys, common):
            postings[block].append(rid)
    for lid, keys in left_keys.items():
        found: set[str] = set()
        for block in _blocks(keys, common):
            found.update(postings.get(block, ()))
        if lid in ctx.right.steps:
            found.add(lid)
        for rid in sorted(found):
            yield lid, rid
