"""Kandidatenindex: which step pairs are worth scoring at all (inverted index and blocking, not n² pairs).

A left and a right step are candidates when they share a label stem (or the first :data:`PREFIX` letters of one,
for spelling variants), an obligation id or citation key, or their id. Stems that occur in more than
:data:`COMMON_SHARE` of the steps of a large model (and in more than :data:`COMMON_MIN` steps) do not make
candidates on their own when a step has rarer stems: "Antrag" in every step of a permit procedure would make every
pair a candidate. The cost of matching grows with the number of plausible pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from vollzug.diff.match import obligation
from vollzug.diff.match.context import MatchContext, Side

PREFIX = 5
"""Letters of a stem that also index it (spelling variants: "vorpruef" / "pruef" do not share, "genehmig…" do)."""
COMMON_SHARE = 0.2
"""A stem in more than this share of a model's steps is common …"""
COMMON_MIN = 30
"""… if it is also in more than this many steps."""


def _keys(side: Side, sid: str) -> set[str]:
    out: set[str] = set()
    for s in side.parsed[sid].stems:
        out.add("s:" + s)
        if len(s) > PREFIX:
            out.add("p:" + s[:PREFIX])
    out |= {"o:" + k for k in obligation.keys(side.steps[sid])}
    return out


def candidates(ctx: MatchContext) -> Iterator[tuple[str, str]]:
    """Candidate (left id, right id) pairs, each once, in a deterministic order (the same set for both sides'
    order: a pair shares a rare key, or a common key when one of the two steps has no rare key)."""
    right_keys = {rid: _keys(ctx.right, rid) for rid in sorted(ctx.right.steps)}
    left_keys = {lid: _keys(ctx.left, lid) for lid in sorted(ctx.left.steps)}
    right_post: dict[str, list[str]] = defaultdict(list)
    left_post: dict[str, list[str]] = defaultdict(list)
    for rid, keys in right_keys.items():
        for key in keys:
            right_post[key].append(rid)
    for lid, keys in left_keys.items():
        for key in keys:
            left_post[key].append(lid)
    n = max(len(ctx.left.steps), len(ctx.right.steps))
    limit = max(COMMON_MIN, int(COMMON_SHARE * n))
    common = {k for k in set(right_post) | set(left_post)
              if len(right_post.get(k, ())) > limit or len(left_post.get(k, ())) > limit}
    right_plain = {rid for rid, keys in right_keys.items() if keys and keys <= common}
    pairs: dict[str, set[str]] = defaultdict(set)
    for lid, keys in left_keys.items():
        plain = bool(keys) and keys <= common
        for key in keys:
            if key not in common or plain:
                pairs[lid].update(right_post.get(key, ()))
            else:
                pairs[lid].update(r for r in right_post.get(key, ()) if r in right_plain)
        if lid in ctx.right.steps:
            pairs[lid].add(lid)
    for lid in sorted(pairs):
        for rid in sorted(pairs[lid]):
            yield lid, rid
