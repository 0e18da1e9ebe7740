"""Normbaum: a law's text as a tree of addressable units (law → Teil/Abschnitt → § / Anlage → Absatz → Satz →
Nummer → Buchstabe → Doppelbuchstabe), one tree per text version (Fassung).

The reader for the gesetze-im-internet.de XML and the bundestag/gesetze Markdown lives in :mod:`vollzug.law`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from vollzug.model.base import Frozen

UnitKind = Literal[
    "Buch", "Teil", "Kapitel", "Abschnitt", "Unterabschnitt", "Titel",  # divisions (Gliederungseinheiten)
    "§", "Art", "Anl",  # norms (Einzelnormen)
    "Ziff",  # a numbered heading inside an Anlage ("I. Darstellung …", "1. Textliche …")
    "Abs", "S", "Nr", "Buchst", "DBuchst",  # units inside a norm
]
"""Kind of a unit. The inner kinds are the levels of the citation grammar (``Abs``, ``S``, ``Nr``, ``Buchst``);
``DBuchst`` is a Doppelbuchstabe (``aa)``), cited as a Buchstabe below a Buchstabe."""

DIVISION_KINDS: tuple[str, ...] = ("Buch", "Teil", "Kapitel", "Abschnitt", "Unterabschnitt", "Titel")
"""Kinds that only group norms."""
NORM_KINDS: tuple[str, ...] = ("§", "Art", "Anl")
"""Kinds a citation is anchored on."""


class NormUnit(Frozen):
    """Einheit: one addressable unit of a law text with its exact text."""

    kind: UnitKind
    """What the unit is."""
    number: str = ""
    """Its number or letter as written: "4", "34a", "2", "a", "aa", "I"."""
    title: str = ""
    """Heading (divisions, §§, Anlagen, Ziffern); empty for inner units."""
    address: str
    """Stable address, the canonical key of the citation grammar: ``WPG:§4/Abs2/S1/Nr1``, ``WPG:Anl2``; divisions
    get ``WPG:Teil2/Abschnitt1``."""
    citation: str
    """The unit as a citation: "§ 4 Abs. 2 Satz 1 Nr. 1 WPG", "Anlage 2 WPG", "Teil 2 Abschnitt 1 WPG"."""
    text: str = ""
    """The unit's exact text including its sub-units (whitespace normalised, Markdown escapes removed); for a
    § or Anlage the whole body, for divisions empty."""
    children: tuple[NormUnit, ...] = ()
    """Sub-units in text order."""
    note: str = ""
    """Source remark that is not norm text, e.g. "(Fundstelle: BGBl. 2023 I Nr. 394, S. 21 - 22)"."""
    line: int | None = None
    """Line (1-based) where the unit starts in the source file."""


class TextVersion(Frozen):
    """Fassung: which consolidated version a text is."""

    id: str
    """Version id: the date of the last amending act worked in, ISO ("2026-03-11"), else the Ausfertigungsdatum."""
    amended_by: str = ""
    """The header line, e.g. "Art. 8 G v. 11.3.2026 I Nr. 66"."""
    in_force: dt.date | None = None
    """Date the version applies from, as far as the text tells (the date of the last amending act)."""
    pending: str = ""
    """Amendments the text does not yet contain ("Änderung durch … noch nicht berücksichtigt")."""


class NormTree(Frozen):
    """Normbaum: one version of one law as a tree of units."""

    kind: Literal["norm_tree"] = "norm_tree"
    """Document tag."""
    law: str
    """Law id as the citation grammar and the catalogues use it ("WPG", "FZV")."""
    jurabk: str
    """Official abbreviation as given in the source ("WPG", "FZV 2023")."""
    title: str
    """Full title."""
    version: TextVersion
    """The Fassung."""
    issued: dt.date | None = None
    """Ausfertigungsdatum."""
    gazette: str = ""
    """Fundstelle, e.g. "BGBl I: 2023, Nr. 394"."""
    source: str = ""
    """Where the text comes from (repository, path, commit, or the file given to ``vollzug law import``)."""
    source_format: Literal["gii-xml", "markdown"] = "markdown"
    """Input format the tree was imported from."""
    excerpt: str = ""
    """If the source is an excerpt, the source's own remark about what is left out."""
    units: tuple[NormUnit, ...] = ()
    """Top-level units (divisions or norms)."""


class CitedText(Frozen):
    """Wortlaut einer zitierten Stelle: a citation with the address(es) and exact text it designates."""

    citation: str
    """The citation as written, e.g. "§ 7 Abs. 2 Nr. 1 WPG"."""
    addresses: tuple[str, ...]
    """Addresses in the norm tree (several for ranges and lists), e.g. ("WPG:§7/Abs2/S1/Nr1",)."""
    text: str
    """The exact text; several units one per line, each after its citation."""
    law: str
    """Law id."""
    version: str
    """Text version (Fassung) the text is taken from, e.g. "2026-03-11"."""
