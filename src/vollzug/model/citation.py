"""Normzitat: a parsed German legal citation (the parser lives in :mod:`vollzug.law.citation`)."""

from __future__ import annotations

from typing import Literal

from vollzug.model.base import Frozen

UnitLevel = Literal["Abs", "UAbs", "S", "Hs", "Nr", "Buchst", "Alt"]
"""Levels below a § / Art. / Anlage, deepest last (Absatz … Alternative)."""

AnchorKind = Literal["§", "Art", "Anl"]
"""What the citation is anchored on: a section (§), an article (Art.) or an annex (Anlage)."""


class CitationUnit(Frozen):
    """Gliederungsebene: one level of a citation path with its value(s)."""

    level: UnitLevel
    """The level: Abs, UAbs, S, Hs, Nr, Buchst or Alt."""
    values: tuple[str, ...]
    """The value(s) at this level; a list ("Abs. 2 und 3") gives several, a range is written "2-4"."""


class Citation(Frozen):
    """Normzitat: one parsed reference to a norm, e.g. ``§ 13 Abs. 2 Satz 1 Nr. 3 WPG``."""

    text: str
    """The citation as written in the source."""
    anchor: AnchorKind
    """§, Art or Anl."""
    numbers: tuple[str, ...]
    """Section/article/annex numbers; a range is written "10-12", a list gives several ("10", "12")."""
    units: tuple[CitationUnit, ...] = ()
    """The path below the anchor, outermost first."""
    following: Literal["f", "ff"] | None = None
    """"f." (and the next) or "ff." (and the following)."""
    law: str | None = None
    """Law abbreviation incl. Land suffix ("WPG", "LWPG NRW"); inherited along an i. V. m. chain."""
    version: str | None = None
    """Version marker: "a. F." → "aF", "n. F." → "nF", or an ISO date of the version."""

    @property
    def key(self) -> str:
        """Canonical key, e.g. ``WPG:§13/Abs2/S1/Nr3`` (``@aF`` appended for old versions)."""
        head = f"{self.anchor}{','.join(self.numbers)}"
        if self.following:
            head += self.following
        path = "".join(f"/{u.level}{','.join(u.values)}" for u in self.units)
        law = self.law or "?"
        suffix = f"@{self.version}" if self.version else ""
        return f"{law}:{head}{path}{suffix}"
