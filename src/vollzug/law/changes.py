"""Fassungsvergleich: two versions of a law compared unit by unit (Absatz, Satz, Nummer, Buchstabe), each change
classified as substantive or editorial, and the obligations and town steps that cite a changed unit
("Änderungsfolgen").

Alignment: §§ and Anlagen are paired by number; below them the units of one parent are aligned by their texts
(:class:`difflib.SequenceMatcher`), so an inserted Nummer shows as one insertion and the Nummern after it as
renumbered, not as a cascade of changes.

Classification (editorial = redaktionell): a change is editorial if the texts are equal once blanks,
hyphenation and punctuation are ignored, once references ("§ 3 Absatz 1 Nummer 10", "Satz 2") are blanked, or once
ministry names ("Bundesministerium für …") are blanked; a renumbering with unchanged text and a new heading are
editorial. Everything else (other words, dates, figures, modal verbs, units added or removed) is substantive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal

from vollzug.errors import CatalogueError, VollzugError
from vollzug.law.citation import CitationError, parse_citation
from vollzug.law.normtree import TreeIndex, iter_units, lookup
from vollzug.model.normtree import NormTree, NormUnit

__all__ = ["Change", "ChangeSet", "Impact", "classify", "compare_trees", "impact", "load_version"]

ChangeKind = Literal["changed", "added", "removed", "renumbered", "retitled"]
_MARK = {"Abs": "({})", "Nr": "{}.", "Buchst": "{})", "DBuchst": "{})"}


@dataclass(frozen=True, slots=True)
class Change:
    """One changed unit."""

    kind: ChangeKind
    address: str
    """Address in the new version (the old one for removals)."""
    citation: str
    old_address: str = ""
    old_text: str = ""
    new_text: str = ""
    substantive: bool = True
    reason: str = ""
    """Why editorial (``reference``, ``ministry``, ``spelling``, ``renumbered``, ``heading``), else what changed."""

    @property
    def norm(self) -> str:
        """The § / Anlage the unit belongs to, e.g. "§ 2"."""
        return _norm_of(self.address)


def _norm_of(address: str) -> str:
    head = address.split(":", 1)[-1].split("/", 1)[0]
    return head.replace("§", "§ ").replace("Anl", "Anlage ").replace("Art", "Art. ")


@dataclass(slots=True)
class ChangeSet:
    """All changes between two versions."""

    law: str
    old: NormTree
    new: NormTree
    changes: list[Change] = field(default_factory=list)

    def by_norm(self) -> dict[str, list[Change]]:
        """Changes grouped by § / Anlage in text order."""
        out: dict[str, list[Change]] = {}
        for change in self.changes:
            out.setdefault(change.norm, []).append(change)
        return out


# ------------------------------------------------------------------------------------------- classification

_REFERENCE = re.compile(
    r"(?:§§?|Art(?:ikel|\.)?|Anlagen?|Abs(?:atz|ätze|ätzen|\.)|S(?:atz|ätze|ätzen)|Nr\.|Numm(?:er|ern)|"
    r"Buchst(?:abe|aben|\.))\s*\d+[a-z]?(?:\s*(?:bis|und|oder|,|-|–)\s*\d+[a-z]?)*"
)
_REFERENCE_RUN = re.compile(r"§(?:\s*(?:und|oder|bis|sowie|,)?\s*§)+")
_MINISTRY = re.compile(r"Bundesministeri(?:um|ums|en)\s+(?:für|der|des)\s+[A-ZÄÖÜ][\wäöüß-]*"
                       r"(?:(?:\s*,\s*|\s+und\s+|\s+für\s+)[A-ZÄÖÜ][\wäöüß-]*)*")
_PUNCT = re.compile(r"[\s\-–—,.;:()„“\"'!?]+")


def _squash(text: str) -> str:
    return _PUNCT.sub("", text).lower()


def _blank_references(text: str) -> str:
    return _REFERENCE_RUN.sub("§", _REFERENCE.sub("§", text))


def classify(old: str, new: str) -> tuple[bool, str]:
    """(substantive, reason) of a text change; reasons of editorial changes: ``spelling``, ``reference`` (renumbered
    references), ``ministry`` (renamed ministry), ``reference+ministry``."""
    if _squash(old) == _squash(new):
        return False, "spelling"
    if _squash(_blank_references(old)) == _squash(_blank_references(new)):
        return False, "reference"
    if _squash(_MINISTRY.sub("BM", old)) == _squash(_MINISTRY.sub("BM", new)):
        return False, "ministry"
    if _squash(_MINISTRY.sub("BM", _blank_references(old))) == _squash(_MINISTRY.sub("BM", _blank_references(new))):
        return False, "reference+ministry"
    return True, _what_changed(old, new)


def _what_changed(old: str, new: str) -> str:
    """A short description of the changed words: "2045 → 2040"."""
    a, b = old.split(), new.split()
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            parts.append(f"{' '.join(a[i1:i2]) or '∅'} → {' '.join(b[j1:j2]) or '∅'}")
    text = "; ".join(parts)
    return text if len(text) <= 200 else text[:199] + "…"


# ------------------------------------------------------------------------------------------------ comparing


def _marked(unit: NormUnit) -> str:
    marker = _MARK.get(unit.kind, "").format(unit.number)
    if unit.kind == "Ziff":
        return f"{unit.number}. {unit.title} {unit.text}"
    return f"{marker} {unit.text}" if marker else unit.text


def _own(unit: NormUnit) -> str:
    """The unit's text without the texts of its sub-units (its intro and tail)."""
    text = unit.text
    for child in unit.children:
        text = text.replace(_marked(child), " ", 1)
    return " ".join(text.split())


def _pair(kind: ChangeKind, old: NormUnit | None, new: NormUnit | None, out: list[Change], *,
          substantive: bool = True, reason: str = "", old_text: str = "", new_text: str = "") -> None:
    unit = new or old
    assert unit is not None
    out.append(Change(kind, unit.address, unit.citation, old.address if old else "", old_text, new_text,
                      substantive, reason))


def _compare(old: NormUnit, new: NormUnit, out: list[Change]) -> None:
    if old.title != new.title and old.kind != "S":
        _pair("retitled", old, new, out, substantive=False, reason="heading", old_text=old.title,
              new_text=new.title)
    own_old, own_new = _own(old), _own(new)
    if own_old != own_new:
        substantive, reason = classify(own_old, own_new)
        _pair("changed", old, new, out, substantive=substantive, reason=reason, old_text=own_old, new_text=own_new)
    _align(list(old.children), list(new.children), out)


def _align(old: list[NormUnit], new: list[NormUnit], out: list[Change]) -> None:
    a = [" ".join(u.text.split()) for u in old]
    b = [" ".join(u.text.split()) for u in new]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for o, n in zip(old[i1:i2], new[j1:j2], strict=True):
                if o.number != n.number and o.kind != "S":
                    _pair("renumbered", o, n, out, substantive=False, reason="renumbered",
                          old_text=o.citation, new_text=n.citation)
            continue
        olds, news = old[i1:i2], new[j1:j2]
        for o, n in zip(olds, news, strict=False):
            _compare(o, n, out)
        for o in olds[len(news):]:
            _pair("removed", o, None, out, old_text=o.text, reason="removed")
        for n in news[len(olds):]:
            _pair("added", None, n, out, new_text=n.text, reason="added")


def compare_trees(old: NormTree, new: NormTree) -> ChangeSet:
    """Every change from ``old`` to ``new`` (norms paired by number, inner units aligned by text)."""
    if old.law != new.law:
        raise CatalogueError(f"cannot compare different laws: {old.law} and {new.law}")
    result = ChangeSet(old.law, old, new)
    old_norms = {u.address: u for u in TreeIndex(old).norms}
    new_norms = {u.address: u for u in TreeIndex(new).norms}
    order = list(new_norms) + [a for a in old_norms if a not in new_norms]
    for address in order:
        o, n = old_norms.get(address), new_norms.get(address)
        if o is None and n is not None:
            _pair("added", None, n, result.changes, new_text=n.text, reason="added")
        elif n is None and o is not None:
            _pair("removed", o, None, result.changes, old_text=o.text, reason="removed")
        elif o is not None and n is not None:
            _compare(o, n, result.changes)
    return result


# ------------------------------------------------------------------------------------------------ loading


def load_version(ref: str) -> NormTree:
    """A version given as ``LAW@VERSION`` (a shipped text, e.g. ``WPG@2025-12-02``), a norm-tree ``.json`` or a
    law text file (gii XML, Markdown)."""
    from vollzug.law.importer import import_text
    from vollzug.law.texts import load_tree, tree_for

    path = Path(ref)
    if path.is_file():
        return load_tree(path) if path.suffix == ".json" else import_text(path)
    law, sep, version = ref.partition("@")
    if sep:
        tree = tree_for(law, version)
        if tree is not None:
            return tree
    raise CatalogueError(f"not a file and not a shipped text LAW@VERSION: {ref!r}")


# ------------------------------------------------------------------------------------------------- impact


@dataclass(frozen=True, slots=True)
class Impact:
    """A citation (of an obligation or a town's step) that lies on or in a changed unit."""

    change: Change
    citation: str
    obligation: str = ""
    obligation_title: str = ""
    model: str = ""
    town: str = ""
    step: str = ""
    step_name: str = ""
    responsible: str = ""
    valid_from: str = ""


def _covered(index: TreeIndex, text: str) -> set[str]:
    """Addresses a citation designates, with all their sub-units."""
    try:
        citation = parse_citation(text)
    except CitationError:
        return set()
    if citation.law != index.tree.law:
        return set()
    result = lookup(index, citation)
    return {u.address for u in iter_units(result.units)}


def _hits(changes: list[Change], covered: set[str]) -> Iterator[Change]:
    for change in changes:
        address = change.address if change.kind != "removed" else change.old_address or change.address
        if address in covered or any(c.startswith(address + "/") for c in covered):
            yield change


def impact(changes: ChangeSet, models: list[Path]) -> list[Impact]:
    """Obligations of the law's catalogue and steps of the models that cite a changed unit."""
    from vollzug.law.catalogue import list_catalogues
    from vollzug.loader import iter_model_files, load_model

    new_index, old_index = TreeIndex(changes.new), TreeIndex(changes.old)
    out: list[Impact] = []
    cache: dict[str, set[str]] = {}

    def covered(text: str) -> set[str]:
        if text not in cache:
            cache[text] = _covered(new_index, text) | _covered(old_index, text)
        return cache[text]

    for catalogue in list_catalogues():
        for ob in catalogue.obligations:
            for text in ob.citations:
                out += [Impact(c, text, obligation=ob.id, obligation_title=ob.title)
                        for c in _hits(changes.changes, covered(text))]
    for file in iter_model_files(models):
        try:
            model = load_model(file).model
        except VollzugError:
            continue
        units = {u.id: u.name for u in model.org_units}
        town = model.municipality.name if model.municipality else model.title
        for step in model.steps:
            accountable = next((r.party for r in step.raci if r.letter == "A"), None)
            party = accountable or step.lane or ""
            for text in step.citations:
                out += [Impact(c, text, model=str(file), town=town, step=step.id, step_name=step.name,
                               responsible=units.get(party, party),
                               valid_from=model.valid_from.isoformat() if model.valid_from else "")
                        for c in _hits(changes.changes, covered(text))]
    return out
