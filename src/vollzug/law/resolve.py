"""Zitatauflösung: does one citation contain another, and which obligations and norms does a citation refer to?"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vollzug.law.citation import CitationError, parse_citation
from vollzug.model.citation import Citation
from vollzug.model.law import Catalogue, Law, Norm, Obligation

__all__ = ["Resolution", "contains", "current_citation", "resolve"]

_Key = tuple[int, str]
_OPEN_END: _Key = (10**9, "")


def _value_key(value: str) -> _Key:
    """Sort key of one value: "15a" → (15, "a"); letters (Buchstaben) → (0, "e")."""
    match = re.fullmatch(r"(\d+)([a-z]*)", value)
    if match:
        return int(match.group(1)), match.group(2)
    return 0, value


def _intervals(values: tuple[str, ...]) -> list[tuple[_Key, _Key]]:
    """Values as closed intervals; "10-12" is a range, "5f" covers 5..6, "5ff" is open-ended."""
    result: list[tuple[_Key, _Key]] = []
    for raw in values:
        value, following = raw, ""
        if raw.endswith("ff") and raw[:-2] and raw[-3].isdigit():
            value, following = raw[:-2], "ff"
        elif raw.endswith("f") and raw[:-1] and raw[-2].isdigit():
            value, following = raw[:-1], "f"
        low, _, high = value.partition("-")
        lo = _value_key(low)
        hi = _value_key(high) if high else lo
        if following == "ff":
            hi = _OPEN_END
        elif following == "f":
            hi = (hi[0] + 1, "")
        result.append((lo, hi))
    return result


def _values_within(narrow: tuple[str, ...], broad: tuple[str, ...]) -> bool:
    broad_iv = _intervals(broad)
    return all(any(b_lo <= lo and hi <= b_hi for b_lo, b_hi in broad_iv) for lo, hi in _intervals(narrow))


def _values_overlap(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    return any(lo <= o_hi and o_lo <= hi for lo, hi in _intervals(one) for o_lo, o_hi in _intervals(other))


def _anchor_values(citation: Citation) -> tuple[str, ...]:
    if citation.following and len(citation.numbers) == 1:
        return (citation.numbers[0] + citation.following,)
    return citation.numbers


def _same_frame(a: Citation, b: Citation) -> bool:
    if a.anchor != b.anchor:
        return False
    if a.law and b.law and a.law != b.law:
        return False
    return (a.version or "") == (b.version or "")


def contains(broader: Citation, narrower: Citation) -> bool:
    """True if every norm part ``narrower`` names lies inside ``broader`` (§ 7 Abs. 2 Nr. 1-4 ⊇ § 7 Abs. 2 Nr. 1)."""
    if not _same_frame(broader, narrower):
        return False
    if not _values_within(_anchor_values(narrower), _anchor_values(broader)):
        return False
    narrow_units = {unit.level: unit for unit in narrower.units}
    for unit in broader.units:
        other = narrow_units.get(unit.level)
        if other is None or not _values_within(other.values, unit.values):
            return False
    return True


def _overlaps(a: Citation, b: Citation) -> bool:
    """True if the two citations share at least one norm part (neither needs to contain the other)."""
    if not _same_frame(a, b) or not _values_overlap(_anchor_values(a), _anchor_values(b)):
        return False
    b_units = {unit.level: unit for unit in b.units}
    for unit in a.units:
        other = b_units.get(unit.level)
        if other is not None and not _values_overlap(unit.values, other.values):
            return False
    return True


def current_citation(citation: Citation, laws: tuple[Law, ...]) -> Citation:
    """Map an old citation (``§ 23 FZV a. F.``) through the law's renumbering table to the current one (§ 49 FZV).

    Units below the section are kept. A citation without a matching renumbering entry is returned unchanged.
    """
    law = next((item for item in laws if item.id == citation.law), None)
    if law is None:
        return citation
    bare = citation.model_copy(update={"units": ()})
    for entry in law.renumbering:
        old = parse_citation(entry.old)
        if not old.version and citation.version:
            continue
        if contains(old, bare):
            new = parse_citation(entry.new)
            return new.model_copy(update={"units": citation.units, "text": citation.text})
    return citation


@dataclass(frozen=True)
class Resolution:
    """Ergebnis der Zitatauflösung: the current citation and the obligations and norms it refers to."""

    citation: Citation
    """The citation after renumbering (equal to the input if nothing was renumbered)."""
    obligations: list[Obligation] = field(default_factory=list)
    """Obligations one of whose citations overlaps the citation."""
    norms: list[Norm] = field(default_factory=list)
    """Norms (§ headings) the citation lies in or covers."""


def resolve(citation: Citation | str, catalogue: Catalogue) -> Resolution:
    """Which obligations and norms of ``catalogue`` a citation refers to (renumbered citations are mapped first)."""
    parsed = parse_citation(citation) if isinstance(citation, str) else citation
    current = current_citation(parsed, catalogue.laws)
    obligations = []
    for obligation in catalogue.obligations:
        for text in obligation.citations:
            try:
                cited = parse_citation(text)
            except CitationError:
                continue
            if _overlaps(cited, current):
                obligations.append(obligation)
                break
    norms = []
    bare = current.model_copy(update={"units": (), "following": None})
    for law in catalogue.laws:
        for norm in law.norms:
            cited = parse_citation(norm.citation)
            if _overlaps(cited, bare):
                norms.append(norm)
    return Resolution(citation=current, obligations=obligations, norms=norms)

