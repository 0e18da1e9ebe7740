"""Sätze: split the text of an Absatz into its sentences the way citations count them ("Satz 2")."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_CANDIDATE = re.compile(r"([.?!])\s+(?=[A-ZÄÖÜ„§])")
_ABBREVIATIONS = frozenset({
    "Abs", "Nr", "Nrn", "S", "Art", "Anl", "Buchst", "Doppelbuchst", "vgl", "bzw", "z", "B", "d", "h", "u", "a",
    "gem", "BGBl", "i", "V", "m", "Ziff", "ff", "f", "lit", "Rn", "Dr", "Prof", "St", "Str", "v", "o", "s", "ca",
    "einschl", "insb", "sog", "usw", "etc", "Hs", "Halbs", "Alt", "Var", "UAbs", "Verf", "zzgl", "ggf", "Kap",
    "I", "II", "III", "IV", "ABl", "EU", "EG", "Aufl", "Bd", "Anh", "Tz", "mWv", "Nachw",
})
_MONTHS = frozenset({
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember",
})
_UNIT_WORDS = frozenset({
    "Absatz", "Absätze", "Absätzen", "Absatzes", "Satz", "Sätze", "Sätzen", "Satzes", "Nummer", "Nummern", "Nr",
    "§", "§§", "Anlage",
    "Anlagen", "Artikel", "Art", "Abs", "bis", "und", "oder", "Buchstabe", "Kapitel", "Teil", "Abschnitt",
})
_WORD_BEFORE = re.compile(r"([\wäöüÄÖÜß§]+)\W*$")


def _is_boundary(text: str, dot: int, next_word: str) -> bool:
    """Whether the full stop at ``dot`` ends a sentence (and the next one starts with ``next_word``)."""
    if text[dot] in "?!":
        return True
    before = _WORD_BEFORE.search(text, 0, dot)
    if before is None:
        return True
    word = before.group(1)
    if word.isdigit() or re.fullmatch(r"\d+[a-z]", word):
        if next_word in _MONTHS:
            return False
        if re.fullmatch(r"(?:1[89]|2[01])\d\d", word):  # a year: "… 31. Dezember 2027. Hierbei …"
            return True
        previous = _WORD_BEFORE.search(text, 0, before.start())
        return previous is not None and previous.group(1) in _UNIT_WORDS
    return word not in _ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (blank-normalised). Abbreviations (Abs., Nr., z. B., BGBl.) and dates
    ("30. Juni 2026") do not end a sentence; "… nach Absatz 1 Nummer 3. Die …" does."""
    text = " ".join(text.split())
    if not text:
        return []
    out: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        rest = text[match.end():]
        next_word = re.match(r"[\wäöüÄÖÜß„§]+", rest)
        if _is_boundary(text, match.start(1), next_word.group(0) if next_word else ""):
            out.append(text[start:match.end(1)])
            start = match.end()
    out.append(text[start:])
    return [s for s in (part.strip() for part in out) if s]
