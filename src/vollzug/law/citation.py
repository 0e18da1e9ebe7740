"""Normzitate: a tokenizer and recursive-descent parser for German legal citations.

Grammar (a pragmatic superset of BRIEF §5.2)::

    chain     := ref ((IVM | LINK) ref)*            # i. V. m. / "," / "und" / "sowie" before a new anchor
    ref       := anchor unit* ZU? law? (VERSION | DATED)?   # DATED: "i. d. F. vom 2.12.2025" → version "2025-12-02"
    anchor    := ("§" | "§§" | ART) values FF?  |  ANL NUM ZU?
    unit      := UNITWORD values FF?  |  ROMAN NUM? NUM?   (Roman shorthand right after the anchor: § 5 I 2 BGB)
    values    := value ((RANGE | LIST) value)*
    law       := ABBREV LAND?                        # WPG, BauGB, LWPG NRW

A law name missing from one member of a chain is taken from the next member that names one, else from the
previous one. "S." is a Satz only inside a citation; gazette references ("GV. NRW. S. 1177", "BGBl. I S. 139")
have no anchor and therefore are no citations.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from vollzug.errors import CatalogueError
from vollzug.model.citation import AnchorKind, Citation, CitationUnit, UnitLevel

__all__ = ["CitationError", "contains", "parse_citation", "parse_citations", "resolve", "roman_to_int"]


class CitationError(CatalogueError, ValueError):
    """A text is not exactly one parseable citation."""


_WORD_END = r"(?![\wäöüÄÖÜß])"
_TOKEN_SPEC: tuple[tuple[str, str], ...] = (
    ("ZU", r"\(\s*zu\s+§§?\s*\d+[a-z]?(?:\s*(?:bis|-|–|,|und)\s*\d+[a-z]?)*\s*\)"),
    ("SECT", r"§§?"),
    ("IVM", r"i\.\s?V\.\s?m\.|iVm" + _WORD_END + r"|in\s+Verbindung\s+mit" + _WORD_END),
    ("DATED", r"(?:i\.\s?d\.\s?F\.|in\s+der\s+Fassung)\s+(?:v\.|vom)\s*\d{1,2}\.\s?(?:\d{1,2}\.|"
              r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember))\s?\d{4}"),
    ("VERSION", r"[an]\.\s?F\." + r"|[an]F" + _WORD_END),
    ("ART", r"Art\.|Artikel" + _WORD_END),
    ("ANL", r"Anl\.|Anlage" + _WORD_END),
    ("UABS", r"UAbs\.|Unterabs(?:atz|ätze)" + _WORD_END),
    ("ABS", r"Abs\.|Abs(?:atz|ätze)" + _WORD_END),
    ("SATZ", r"S\.|S(?:atz|ätze)" + _WORD_END),
    ("NR", r"Nrn?\.|Numm(?:er|ern)" + _WORD_END),
    ("DBUCHST", r"Doppelbuchst\.|Doppelbuchstaben?" + _WORD_END),
    ("BUCHST", r"Buchst\.|lit\.|Buchstaben?" + _WORD_END),
    ("HS", r"Hs\.|Halbs\.|Halbsatz" + _WORD_END),
    ("ALT", r"Alt\.|Var\.|Alternative|Variante" + _WORD_END),
    ("FF", r"ff?\." + r"(?![\wäöüÄÖÜß])"),
    ("NUM", r"\d+[a-z]?" + _WORD_END),
    ("RANGE", r"bis" + _WORD_END + r"|[-–—]"),
    ("LIST", r"(?:und|oder|sowie)" + _WORD_END + r"|,"),
    ("WORD", r"[\wäöüÄÖÜß]+(?:-[\wäöüÄÖÜß]+)*"),
    ("PUNCT", r"\S"),
)
_TOKEN_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _TOKEN_SPEC))
_UNIT_LEVEL: dict[str, UnitLevel] = {
    "ABS": "Abs", "UABS": "UAbs", "SATZ": "S", "NR": "Nr", "BUCHST": "Buchst", "DBUCHST": "Buchst", "HS": "Hs",
    "ALT": "Alt",
}
_MONTH_NUMBERS = {m: i for i, m in enumerate(("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                              "September", "Oktober", "November", "Dezember"), 1)}


def _dated(text: str) -> str:
    """"i. d. F. vom 2.12.2025" / "in der Fassung vom 2. Dezember 2025" → "2025-12-02"."""
    m = re.search(r"(\d{1,2})\.\s?(\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s?(\d{4})", text)
    if m is None:
        return ""
    month = int(m.group(2).rstrip(".")) if m.group(2)[0].isdigit() else _MONTH_NUMBERS.get(m.group(2), 0)
    return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}" if month else ""
_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_LAND_SUFFIXES = frozenset(
    {"NRW", "NW", "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "RP", "SL", "SN", "ST", "SH", "TH"}
)
_LAW_RE = re.compile(r"[A-ZÄÖÜ][\wäöüÄÖÜß]{0,19}(?:-[\wäöüÄÖÜß]+)?")
_LETTER_RE = re.compile(r"[a-z]{1,3}")


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int


def _tokenize(text: str) -> list[_Token]:
    return [_Token(m.lastgroup or "PUNCT", m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def roman_to_int(text: str) -> int | None:
    """Value of a Roman numeral (``"IV"`` → 4), or None if the text is not one."""
    if not text or not _ROMAN_RE.fullmatch(text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, char in enumerate(text):
        value = values[char]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total


def _is_law_name(word: str) -> bool:
    """A law abbreviation: capitalised, at least two capitals (WPG, BauGB, EStG), not a Roman numeral."""
    if not _LAW_RE.fullmatch(word) or len(word) > 20:
        return False
    if roman_to_int(word) is not None or word in _LAND_SUFFIXES:
        return False
    return sum(1 for c in word if c.isupper()) >= 2


@dataclass(slots=True)
class _Ref:
    start: int
    end: int
    anchor: AnchorKind
    numbers: tuple[str, ...]
    units: list[CitationUnit]
    following: str | None = None
    law: str | None = None
    version: str | None = None


class _Parser:
    """Recursive descent over the token list; every method returns None instead of raising on a mismatch."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0

    def peek(self, offset: int = 0) -> _Token | None:
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def peek_kind(self, offset: int = 0) -> str | None:
        token = self.peek(offset)
        return token.kind if token else None

    def run(self) -> list[Citation]:
        result: list[Citation] = []
        while self.pos < len(self.tokens):
            if self.peek_kind() in ("SECT", "ART", "ANL"):
                chain = self.chain()
                if chain:
                    result.extend(chain)
                    continue
            self.pos += 1
        return result

    def chain(self) -> list[Citation]:
        first = self.ref()
        if first is None:
            self.pos += 1
            return []
        refs = [first]
        while True:
            save = self.pos
            kind = self.peek_kind()
            if kind in ("IVM", "LIST") and self.peek_kind(1) in ("SECT", "ART", "ANL"):
                self.pos += 1
                nxt = self.ref()
                if nxt is not None:
                    refs.append(nxt)
                    continue
            self.pos = save
            break
        self._inherit_laws(refs)
        return [self._citation(ref) for ref in refs]

    @staticmethod
    def _inherit_laws(refs: list[_Ref]) -> None:
        for i, ref in enumerate(refs):
            if ref.law is None:
                later = next((r for r in refs[i + 1:] if r.law), None)
                earlier = next((r for r in reversed(refs[:i]) if r.law), None)
                source = later or earlier
                if source is not None:
                    ref.law = source.law

    def _citation(self, ref: _Ref) -> Citation:
        following = ref.following if ref.following in ("f", "ff") else None
        return Citation(
            text=self.text[ref.start:ref.end],
            anchor=ref.anchor,
            numbers=ref.numbers,
            units=tuple(ref.units),
            following=following,
            law=ref.law,
            version=ref.version,
        )

    def ref(self) -> _Ref | None:
        head = self.peek()
        if head is None:
            return None
        start = self.pos
        self.pos += 1
        anchor: AnchorKind = "§" if head.kind == "SECT" else ("Art" if head.kind == "ART" else "Anl")
        numbers = self.values(numeric=True, single=anchor == "Anl")
        if numbers is None:
            self.pos = start
            return None
        ref = _Ref(start=head.start, end=self.tokens[self.pos - 1].end, anchor=anchor, numbers=numbers, units=[])
        if self.peek_kind() == "FF":
            ref.following = self.tokens[self.pos].text.rstrip(".")
            ref.end = self.tokens[self.pos].end
            self.pos += 1
        self.roman_shorthand(ref)
        while self.unit(ref):
            pass
        if self.peek_kind() == "ZU":
            ref.end = self.tokens[self.pos].end
            self.pos += 1
        self.law(ref)
        if self.peek_kind() == "VERSION":
            token = self.tokens[self.pos]
            ref.version = token.text[0] + "F"
            ref.end = token.end
            self.pos += 1
        elif self.peek_kind() == "DATED":
            token = self.tokens[self.pos]
            ref.version = _dated(token.text) or None
            ref.end = token.end
            self.pos += 1
        return ref

    def roman_shorthand(self, ref: _Ref) -> None:
        """"§ 5 I 2 BGB" = § 5 Abs. 1 Satz 2; only directly after a § number."""
        token = self.peek()
        if ref.anchor != "§" or token is None or token.kind != "WORD":
            return
        value = roman_to_int(token.text)
        if value is None:
            return
        nxt = self.peek(1)
        if nxt is not None and nxt.kind == "WORD" and not _is_law_name(nxt.text):
            return  # "§ 5 I want" – not shorthand
        self.pos += 1
        ref.units.append(CitationUnit(level="Abs", values=(str(value),)))
        ref.end = token.end
        for level in ("S", "Nr"):
            num = self.peek()
            if num is None or num.kind != "NUM":
                break
            self.pos += 1
            ref.units.append(CitationUnit(level=level, values=(num.text,)))
            ref.end = num.end

    def unit(self, ref: _Ref) -> bool:
        token = self.peek()
        if token is None or token.kind not in _UNIT_LEVEL:
            return self.implicit_letter(ref)
        level = _UNIT_LEVEL[token.kind]
        save = self.pos
        self.pos += 1
        values = self.values(numeric=level != "Buchst", single=False)
        if values is None:
            self.pos = save
            return False
        ref.end = self.tokens[self.pos - 1].end
        if self.peek_kind() == "FF":
            suffix = self.tokens[self.pos].text.rstrip(".")
            values = (*values[:-1], values[-1] + suffix)
            ref.end = self.tokens[self.pos].end
            self.pos += 1
        ref.units.append(CitationUnit(level=level, values=values))
        return True

    def implicit_letter(self, ref: _Ref) -> bool:
        """"Nr. 1 a" (a letter after a space, following a Nummer) is a Buchstabe."""
        token = self.peek()
        if token is None or token.kind != "WORD" or not ref.units or ref.units[-1].level != "Nr":
            return False
        if not re.fullmatch(r"[a-z]", token.text):
            return False
        nxt = self.peek(1)
        if nxt is not None and nxt.kind == "PUNCT" and nxt.text == ")":
            ref.end = nxt.end
            self.pos += 1
        else:
            ref.end = token.end
        self.pos += 1
        ref.units.append(CitationUnit(level="Buchst", values=(token.text,)))
        return True

    def values(self, *, numeric: bool, single: bool) -> tuple[str, ...] | None:
        first = self.value(numeric)
        if first is None:
            return None
        items = [first]
        while not single:
            kind = self.peek_kind()
            if kind not in ("RANGE", "LIST"):
                break
            save = self.pos
            self.pos += 1
            nxt = self.value(numeric)
            if nxt is None:
                self.pos = save
                break
            if kind == "RANGE":
                items[-1] = f"{items[-1]}-{nxt}"
            else:
                items.append(nxt)
        return tuple(items)

    def value(self, numeric: bool) -> str | None:
        token = self.peek()
        if token is None:
            return None
        if numeric and token.kind == "NUM":
            self.pos += 1
            return token.text
        if not numeric and token.kind == "WORD" and _LETTER_RE.fullmatch(token.text):
            self.pos += 1
            return token.text
        return None

    def eu_act(self, ref: _Ref) -> bool:
        """"Verordnung (EU) 2016/679" → law "VO (EU) 2016/679"; "Richtlinie (EU) …" → "RL (EU) …"."""
        kinds = [self.peek_kind(i) for i in range(7)]
        texts = [t.text if (t := self.peek(i)) else "" for i in range(7)]
        if kinds != ["WORD", "PUNCT", "WORD", "PUNCT", "NUM", "PUNCT", "NUM"] or texts[1:4] != ["(", texts[2], ")"]:
            return False
        if texts[0] not in ("Verordnung", "Richtlinie") or texts[2] not in ("EU", "EG", "EWG") or texts[5] != "/":
            return False
        ref.law = f"{'VO' if texts[0] == 'Verordnung' else 'RL'} ({texts[2]}) {texts[4]}/{texts[6]}"
        ref.end = self.tokens[self.pos + 6].end
        self.pos += 7
        return True

    def law(self, ref: _Ref) -> None:
        token = self.peek()
        if token is None or token.kind != "WORD" or self.eu_act(ref) or not _is_law_name(token.text):
            return
        name = token.text
        ref.end = token.end
        self.pos += 1
        land = self.peek()
        if land is not None and land.kind == "WORD" and land.text in _LAND_SUFFIXES:
            name = f"{name} {'NRW' if land.text == 'NW' else land.text}"
            ref.end = land.end
            self.pos += 1
        ref.law = name


def parse_citations(text: str) -> list[Citation]:
    """All citations in free text, in order of appearance (e.g. from "Beschluss (§ 13 Abs. 1 Nr. 1 WPG)")."""
    if not text or ("§" not in text and "Art" not in text and "Anl" not in text):
        return []
    return list(_parse_cached(text))


@functools.lru_cache(maxsize=8192)
def _parse_cached(text: str) -> tuple[Citation, ...]:
    """Citations are frozen records, so the same text (catalogues and models repeat them) is parsed once."""
    return tuple(_Parser(text).run())


def parse_citation(text: str) -> Citation:
    """Exactly one citation spanning the whole text (surrounding blanks allowed), else :class:`CitationError`."""
    found = parse_citations(text)
    if len(found) != 1:
        what = "no citation" if not found else f"{len(found)} citations"
        raise CitationError(f"expected exactly one citation, found {what} in {text!r}")
    citation = found[0]
    rest = text.replace(citation.text, "", 1).strip(" \t\r\n.;")
    if rest:
        raise CitationError(f"unexpected text {rest!r} around the citation in {text!r}")
    return citation


# resolve/contains live in vollzug.law.resolve (they need catalogues); re-exported here for one import path.
from vollzug.law.resolve import contains, resolve  # noqa: E402
