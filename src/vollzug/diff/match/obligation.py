"""Gleiche Pflicht/Norm: overlap of obligation ids and canonical citation keys (Jaccard)."""

from __future__ import annotations

import re
from functools import lru_cache

from vollzug.diff.match.context import MatchContext
from vollzug.model.process import Step

NAME = "obligation"
WEIGHT = 0.35

_SPACE = re.compile(r"[\s.]+")


@lru_cache(maxsize=4096)
def citation_keys(text: str) -> frozenset[str]:
    """Canonical keys of a citation string (the law parser's keys if available, else a normalised string)."""
    from vollzug.law.citation import parse_citations

    try:
        found = frozenset(c.key for c in parse_citations(text))
    except Exception:
        found = frozenset()
    if found:
        return found
    return frozenset({_SPACE.sub("", text.lower().replace("§§", "§"))})


def keys(step: Step) -> frozenset[str]:
    """Obligation ids and citation keys of a step."""
    out: set[str] = {f"obl:{o}" for o in step.obligations}
    for text in step.citations:
        out |= citation_keys(text)
    return frozenset(out)


def score(left: Step, right: Step, ctx: MatchContext) -> float | None:
    """Jaccard overlap (a shared obligation id gives at least 0.8).

    None unless both steps name an obligation or norm: a missing annotation says nothing about the pair.
    """
    a, b = keys(left), keys(right)
    if not a or not b:
        return None
    if {k for k in a if k.startswith("obl:")} & {k for k in b if k.startswith("obl:")}:
        return max(0.8, len(a & b) / len(a | b))
    return len(a & b) / len(a | b)
