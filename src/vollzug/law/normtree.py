"""Normbaum bauen und befragen: the one builder both readers (gii XML, Markdown) feed, the address index and the
lookup of a parsed citation in a tree.

A reader turns the body of one § or Anlage into a flat list of :class:`Block` (Absatz starts, paragraphs, list
items, continuation paragraphs, headings inside an Anlage); :func:`build_norm` turns the blocks into units with
Sätze, Nummern and Buchstaben and gives every unit its address (the canonical key of the citation grammar).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from vollzug.law.sentences import split_sentences
from vollzug.model.citation import Citation
from vollzug.model.normtree import DIVISION_KINDS, NormTree, NormUnit, UnitKind

__all__ = [
    "Block", "Lookup", "TreeIndex", "build_division", "build_norm", "count_levels", "division_address", "iter_units",
    "lookup",
    "normalise_text",
]

BlockKind = Literal["abs", "para", "item", "cont", "heading"]

_ANCHOR_WORD = {"§": "§", "Art": "Art.", "Anl": "Anlage"}
_LEVEL_WORD = {"Abs": "Abs.", "S": "Satz", "Nr": "Nr.", "Buchst": "Buchst.", "DBuchst": "Doppelbuchst.",
               "Ziff": "Ziffer"}
_LEVEL_KEY = {"Abs": "Abs", "S": "S", "Nr": "Nr", "Buchst": "Buchst", "DBuchst": "Buchst", "Ziff": "Ziff"}


def normalise_text(text: str) -> str:
    """Blanks collapsed, Markdown escapes (``1\\.``) removed."""
    return " ".join(re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>~])", r"\1", text).split())


@dataclass(slots=True)
class Block:
    """One piece of a norm body as a reader found it."""

    kind: BlockKind
    """``abs`` starts an Absatz (``marker`` = its number, ``text`` = its first paragraph); ``para`` is a
    paragraph; ``item`` a list item (``marker`` "1", "a", "aa"); ``cont`` a paragraph continuing the last item;
    ``heading`` a numbered heading inside an Anlage (``marker`` "I" or "1")."""
    text: str
    marker: str = ""
    line: int | None = None
    title: str = ""


@dataclass(slots=True)
class _Node:
    kind: UnitKind
    number: str = ""
    title: str = ""
    parts: list[str | _Node] = field(default_factory=list)
    line: int | None = None
    closed: bool = False  # a sentence whose list ended with a full stop

    def children(self) -> list[_Node]:
        return [p for p in self.parts if isinstance(p, _Node)]

    def text(self) -> str:
        """Own text with the sub-units' texts, each after its marker ("(2)", "1.", "a)")."""
        return " ".join(p if isinstance(p, str) else p.marked() for p in self.parts if p)

    def marked(self) -> str:
        if self.kind == "Ziff":
            return f"{self.number}. {self.title} {self.text()}"
        marker = _MARKERS.get(self.kind, "").format(self.number)
        return f"{marker} {self.text()}" if marker else self.text()


_MARKERS = {"Abs": "({})", "Nr": "{}.", "Buchst": "{})", "DBuchst": "{})"}


def _item_kind(marker: str) -> UnitKind:
    if marker[0].isdigit():
        return "Nr"
    return "Buchst" if len(marker) == 1 else "DBuchst"


_ITEM_DEPTH: dict[str, int] = {"Nr": 0, "Buchst": 1, "DBuchst": 2}


class _Container:
    """Sentences and lists of one Absatz (or of a § without Absätze, an Anlage, a Ziffer)."""

    def __init__(self, node: _Node) -> None:
        self.node = node
        self.sentence: _Node | None = None
        self.items: list[_Node] = []  # open list items by depth

    def para(self, text: str, line: int | None) -> None:
        sentences = split_sentences(text)
        if not sentences:
            return
        if self.sentence is not None and self.items and not self.sentence.closed:
            self.sentence.parts.append(sentences.pop(0))  # the sentence goes on after its list
            self.sentence.closed = True
        self.items = []
        for sentence in sentences:
            self.sentence = _Node("S", parts=[sentence], line=line)
            self.node.parts.append(self.sentence)

    def item(self, marker: str, text: str, line: int | None) -> None:
        kind = _item_kind(marker)
        if kind == "Buchst" and marker in ("i", "v", "x") and self.items and self.items[-1].kind == "DBuchst":
            kind = "DBuchst"
        depth = _ITEM_DEPTH[kind]
        if self.sentence is None or (self.sentence.closed and not self.items):
            self.sentence = _Node("S", line=line)
            self.node.parts.append(self.sentence)
        parent: _Node = self.sentence
        for open_item in reversed(self.items):
            if _ITEM_DEPTH[open_item.kind] < depth:
                parent = open_item
                break
        node = _Node(kind, number=marker, parts=[text], line=line)
        parent.parts.append(node)
        self.items = [i for i in self.items if _ITEM_DEPTH[i.kind] < depth] + [node]
        self.sentence.closed = text.rstrip().endswith(".")

    def cont(self, text: str, line: int | None) -> None:
        if self.items:
            self.items[-1].parts.append(text)
            self.sentence_closed(text)
        else:
            self.para(text, line)

    def sentence_closed(self, text: str) -> None:
        if self.sentence is not None:
            self.sentence.closed = text.rstrip().endswith(".")


def build_norm(law: str, anchor: Literal["§", "Art", "Anl"], number: str, title: str, blocks: list[Block],
               line: int | None = None, note: str = "") -> NormUnit:
    """One § / Art. / Anlage with its inner units and addresses."""
    root = _Node(anchor, number=number, title=title, line=line)
    container = _Container(root)
    romans: _Node | None = None
    for block in blocks:
        text = normalise_text(block.text)
        if block.kind == "abs":
            node = _Node("Abs", number=block.marker, line=block.line)
            root.parts.append(node)
            container = _Container(node)
            romans = None
            container.para(text, block.line)
        elif block.kind == "heading":
            node = _Node("Ziff", number=block.marker, title=text, line=block.line)
            if block.marker.isdigit() and romans is not None:
                romans.parts.append(node)
            else:
                root.parts.append(node)
                romans = node if not block.marker.isdigit() else romans
            container = _Container(node)
        elif block.kind == "item":
            container.item(block.marker, text, block.line)
        elif block.kind == "cont":
            container.cont(text, block.line)
        else:
            container.para(text, block.line)
    head = f"{_ANCHOR_WORD[anchor]} {number}"
    return _freeze(root, law, f"{law}:{anchor}{number}", [head], note)


def _freeze(node: _Node, law: str, address: str, words: list[str], note: str = "",
            base: tuple[str, list[str]] | None = None) -> NormUnit:
    """``base``: address and words the children hang from (a single Satz is not part of its children's
    addresses: "§ 7 Abs. 2 Nr. 1", not "… Satz 1 Nr. 1")."""
    kids = node.children()
    sentence_count = sum(1 for k in kids if k.kind == "S")
    parent_address, parent_words = base or (address, words)
    children: list[NormUnit] = []
    for kid in kids:
        number = kid.number or _sentence_number(kids, kid)
        kid.number = number
        child_words = [*parent_words, f"{_LEVEL_WORD[kid.kind]} {number}"]
        child_address = f"{parent_address}/{_LEVEL_KEY[kid.kind]}{number}"
        inherit = (parent_address, parent_words) if kid.kind == "S" and sentence_count == 1 else None
        children.append(_freeze(kid, law, child_address, child_words, base=inherit))
    return NormUnit(
        kind=node.kind, number=node.number or (_sentence_number(kids, node) if node.kind == "S" else ""),
        title=node.title, address=address, citation=" ".join([*words, law]), text=node.text(),
        children=tuple(children), note=note, line=node.line,
    )


def _sentence_number(siblings: list[_Node], node: _Node) -> str:
    sentences = [k for k in siblings if k.kind == "S"]
    return str(sentences.index(node) + 1) if node in sentences else ""


def division_address(law: str, kind: str, number: str, parent_address: str = "") -> str:
    """Address of a division: ``WPG:Teil2``, ``WPG:Teil2/Abschnitt1``."""
    return f"{parent_address}/{kind}{number}" if parent_address else f"{law}:{kind}{number}"


def build_division(law: str, kind: UnitKind, number: str, title: str, address: str,
                   children: tuple[NormUnit, ...], line: int | None = None) -> NormUnit:
    """A Teil / Abschnitt / Unterabschnitt grouping norms (``address`` from :func:`division_address`)."""
    words = " ".join(re.sub(r"^([A-Za-zä]+?)(\d.*)$", r"\1 \2", part) for part in address.split(":", 1)[1].split("/"))
    return NormUnit(kind=kind, number=number, title=title, address=address, citation=f"{words} {law}",
                    children=children, line=line)


def iter_units(units: tuple[NormUnit, ...] | list[NormUnit]) -> Iterator[NormUnit]:
    """All units, depth first in text order."""
    for unit in units:
        yield unit
        yield from iter_units(unit.children)


def count_levels(tree: NormTree) -> dict[str, int]:
    """Number of units per kind ("§": 36, "Abs": 120, …); single sentences count as Sätze too."""
    counts: Counter[str] = Counter(u.kind for u in iter_units(tree.units))
    return dict(counts)


# --------------------------------------------------------------------------------------------------- lookup


class TreeIndex:
    """Address → unit of one tree, and the norms in text order (for ranges such as §§ 17–20)."""

    def __init__(self, tree: NormTree) -> None:
        self.tree = tree
        self.by_address: dict[str, NormUnit] = {}
        self.norms: list[NormUnit] = []
        for unit in iter_units(tree.units):
            self.by_address.setdefault(unit.address, unit)
            if unit.kind in ("§", "Art", "Anl"):
                self.norms.append(unit)

    def norm(self, anchor: str, number: str) -> NormUnit | None:
        """The § / Art. / Anlage with this number."""
        return self.by_address.get(f"{self.tree.law}:{anchor}{number}")

    def divisions(self) -> list[NormUnit]:
        """Teile, Abschnitte … in text order."""
        return [u for u in iter_units(self.tree.units) if u.kind in DIVISION_KINDS]

    def parent_division(self, unit: NormUnit) -> NormUnit | None:
        """The innermost division that contains ``unit`` (a norm)."""
        found = None
        for division in self.divisions():
            if any(child.address == unit.address for child in division.children):
                found = division
        return found


@dataclass(frozen=True, slots=True)
class Lookup:
    """Where a citation lands in a tree."""

    units: tuple[NormUnit, ...]
    """The units the citation designates (several for ranges and lists), empty if it does not exist."""
    missing: str = ""
    """If not found: the first part that does not exist, e.g. "§ 7 Abs. 2 Satz 3 (Abs. 2 hat 2 Sätze)"."""
    coarser: str = ""
    """Levels the tree does not resolve (Halbsatz, Alternative, Unterabsatz): the units are the enclosing ones."""
    anchor_missing: bool = False
    """True if already the § / Art. / Anlage does not exist (for an excerpt: it may lie outside it)."""

    @property
    def found(self) -> bool:
        """True if every part of the citation exists."""
        return bool(self.units) and not self.missing


def _expand(values: tuple[str, ...], candidates: list[str]) -> tuple[list[str], str]:
    """Values ("10-12", "2", "5f", "5ff") → the existing numbers among ``candidates`` (in order); second: the first
    value (or range end) that does not exist."""
    out: list[str] = []
    for raw in values:
        low, _, high = raw.partition("-")
        follows = ""
        probe = high or low
        if probe not in candidates and probe.endswith(("ff", "f")):
            follows = "ff" if probe.endswith("ff") else "f"
            probe = probe[: -len(follows)]
            low, high = (low, probe) if high else (probe, "")
        if low not in candidates:
            return out, low
        start = candidates.index(low)
        if high:
            if high not in candidates:
                return out, high
            out.extend(candidates[start:candidates.index(high) + 1])
        elif follows:
            out.extend(candidates[start:start + 2] if follows == "f" else candidates[start:])
        else:
            out.append(low)
    return out, ""


def _children_of(unit: NormUnit, kind: str) -> list[NormUnit]:
    """Children of a kind; Nummern and Buchstaben are also found through the (uncited) Satz level."""
    direct = [c for c in unit.children if c.kind == kind or (kind == "Buchst" and c.kind == "DBuchst")]
    if direct or kind in ("S", "Abs"):
        return direct
    return [g for c in unit.children if c.kind == "S" for g in _children_of(c, kind)]


def lookup(index: TreeIndex, citation: Citation) -> Lookup:
    """The units ``citation`` designates in the tree of ``index`` (law names are not compared here)."""
    anchor = citation.anchor
    numbers = [u.number for u in index.norms if u.kind == anchor]
    values = citation.numbers
    if citation.following and len(values) == 1:
        values = (values[0] + citation.following,)
    wanted, bad = _expand(values, numbers)
    word = _ANCHOR_WORD[anchor]
    if bad:
        return Lookup((), missing=f"{word} {bad}", anchor_missing=True)
    current = [u for n in wanted if (u := index.norm(anchor, n)) is not None]
    coarser: list[str] = []
    path = f"{word} {', '.join(citation.numbers)}"
    for unit in citation.units:
        if unit.level not in ("Abs", "S", "Nr", "Buchst"):
            coarser.append(unit.level)
            continue
        level_word = _LEVEL_WORD[unit.level]
        nxt: list[NormUnit] = []
        for parent in current:
            kids = _children_of(parent, unit.level)
            found, bad = _expand(unit.values, [k.number for k in kids])
            if bad:
                have = len(kids)
                return Lookup((), missing=f"{path} {level_word} {bad} ({parent.citation}: {have} × {level_word})")
            nxt.extend(k for k in kids if k.number in found)
        path += f" {level_word} {','.join(unit.values)}"
        current = nxt
    return Lookup(tuple(current), coarser=", ".join(coarser))
