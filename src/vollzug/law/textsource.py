"""What both law-text readers share: the header fields of a consolidated text (Fassung) and heading classification."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vollzug.model.normtree import TextVersion

__all__ = ["Heading", "classify_heading", "law_id", "parse_german_date", "text_version"]

_DIVISION = re.compile(r"^(Buch|Teil|Kapitel|Abschnitt|Unterabschnitt|Titel)\s+(\d+[a-z]?)\b\s*[-–:.]?\s*(.*)$")
_SECTION = re.compile(r"^§§?\s*(\d+[a-z]?)\b\s*(.*)$")
_ARTICLE = re.compile(r"^Art(?:ikel|\.)\s*(\d+[a-z]?)\b\s*(.*)$")
_ANNEX = re.compile(r"^Anlage\s*(\d+[a-z]?)?\s*(\(zu[^)]*\))?\s*(.*)$")
_SHORT_DATE = re.compile(r"\bv(?:om)?\.?\s*(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass(frozen=True, slots=True)
class Heading:
    """A classified heading: a division (Teil …), a norm (§, Art, Anl) or something else."""

    kind: str
    number: str
    title: str
    note: str = ""


def classify_heading(text: str) -> Heading | None:
    """``"Teil 2 - Wärmeplanung"`` → Heading("Teil", "2", "Wärmeplanung"); ``"§ 4 Pflicht …"``;
    ``"Anlage 2 (zu § 23)Darstellungen"`` → Heading("Anl", "2", "Darstellungen", "(zu § 23)"); else None."""
    text = " ".join(text.split())
    if m := _DIVISION.match(text):
        return Heading(m.group(1), m.group(2), m.group(3).strip())
    if m := _SECTION.match(text):
        return Heading("§", m.group(1), m.group(2).strip())
    if m := _ARTICLE.match(text):
        return Heading("Art", m.group(1), m.group(2).strip())
    if m := _ANNEX.match(text):
        return Heading("Anl", m.group(1) or "1", m.group(3).strip(), (m.group(2) or "").strip())
    return None


def parse_german_date(text: str) -> dt.date | None:
    """"G v. 11.3.2026" → 2026-03-11; an ISO date as such."""
    m = _SHORT_DATE.search(text)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    except ValueError:
        return None
    return None


def text_version(amended_by: str, pending: str, issued: dt.date | None) -> TextVersion:
    """The Fassung from the header: id and in-force date are the date of the last amending act worked in."""
    date = parse_german_date(amended_by) if amended_by else None
    date = date or issued
    return TextVersion(id=date.isoformat() if date else "unknown", amended_by=amended_by, in_force=date,
                       pending=pending)


def law_id(jurabk: str) -> str:
    """The id the catalogues use: the official abbreviation without a year suffix ("FZV 2023" → "FZV")."""
    return re.sub(r"\s+\d{4}$", "", jurabk.strip())
