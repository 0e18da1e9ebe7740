"""Linguistik der Beschriftungen: lemmas, stop words, German compounds, action and business object of a label.

Everything comes from maintained packages with their data inside the package (nothing is downloaded at run time):

* lemmas from ``simplemma`` (dictionaries for German and English shipped in the wheel; "Anträge" → "Antrag",
  "geprüft" → "prüfen", "applications" → "application"), loaded on first use;
* stop words from the ``stop-words`` package (German and English lists) plus the lexicon's own;
* German compounds split against simplemma's German dictionary (a word list shipped in the package): the longest
  known head whose modifier, without a linking element (s, es, n, en, e), is a known word — "Lenkungsgruppe" →
  "Lenkung" + "Gruppe", "Gebührenerhebung" → "Gebühr" + "Erhebung";
* the administrative abbreviations, synonyms and concepts of ``rules/matching/lexicon.yaml`` (:mod:`.lexicon`).

:func:`parse` splits a label into its *action* ("prüfen", from an infinitive, a nominalisation such as "Prüfung
des Antrags" or an English imperative) and its *business object* ("Antrag"), each as canonical stems of
:mod:`.normalize`, so that the label matcher can score them separately. See ``docs/decisions/0013-matching-
linguistics.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from vollzug.diff.lexicon import (
    ABBREVIATIONS,
    ACTIONS,
    CONCEPTS,
    IRREGULAR,
    LIGHT_VERBS,
    PHRASES,
    STOP_WORDS,
    SYNONYMS,
)
from vollzug.diff.normalize import fold, lexicon_concept, stem

LABEL_LIMIT = 200
"""Characters of a label that matching reads (a 100 kB label costs no more than a long one)."""
TOKEN_LIMIT = 24
"""Words of a label that matching reads."""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", re.UNICODE)
_CONJUNCTIONS = frozenset({"und", "sowie", "and", "&"})
_GENITIVE = frozenset({"des", "der", "dem", "den", "von", "vom", "auf", "im", "zur", "zum", "of", "for", "durch"})
_LINKS = ("", "s", "es", "n", "en", "e")
_LEXICON_WORDS: frozenset[str] = frozenset(w for words in CONCEPTS.values() for w in words)
_PARTICLES = frozenset({"fest", "vor", "nach", "an", "auf", "aus", "ein", "ab", "zu", "um", "weg", "her", "hin", "mit",
                        "bei", "frei", "wieder", "zurueck", "heraus", "herein", "entgegen", "bekannt", "weiter"})
"""Verb particles: "Festsetzung", "Vorprüfung" are no compounds of "fest"/"vor"."""


@cache
def stop_words() -> frozenset[str]:
    """Folded stop words: the stop-words package's German list and the lexicon's own (German and English) list.

    The package's English list (1,333 words) holds content words of administration ("bill", "open", "sent",
    "system"), so for English only the lexicon's function words are used."""
    from stop_words import get_stop_words  # type: ignore[import-untyped]

    return frozenset(fold(w) for w in get_stop_words("german")) | STOP_WORDS


@lru_cache(maxsize=65536)
def lemma(word: str, english: bool = False) -> str:
    """Lemma of one word (German first, then English, or the other way round for an English label; the word
    itself if neither dictionary knows it)."""
    import simplemma

    if word.isdigit() or len(word) < 3:
        return word
    if english:
        return simplemma.lemmatize(word, lang=("en", "de"))
    found = simplemma.lemmatize(word, lang="de")
    if found != word or simplemma.is_known(word, lang="de"):
        return found
    return simplemma.lemmatize(word, lang=("en", "de"))


@lru_cache(maxsize=65536)
def known_german(word: str) -> bool:
    """True if simplemma's German dictionary knows the word (as a noun: capitalised, or as written)."""
    import simplemma

    return bool(simplemma.is_known(word.capitalize(), lang="de") or simplemma.is_known(word, lang="de"))


@lru_cache(maxsize=65536)
def split_compound(word: str) -> tuple[str, ...]:
    """German compound → its parts (modifier(s), head), or ``(word,)``; dictionary-based.

    Of the splits into a known head (at least four letters, or a lexicon concept) and a known modifier (after
    removing a linking element; no verb particle, no stop word), the one whose head is a lexicon word wins, then the
    longest head. Parts of eight letters or fewer are not split again ("Fahrzeug" stays whole)."""
    if len(word) < 9 or not word.isalpha():
        return (word,)
    low = word.lower()
    best: tuple[tuple[bool, int], str, str] | None = None
    for cut in range(3, len(low) - 2):
        head = low[cut:]
        if (len(head) < 4 and fold(head) not in CONCEPTS) or not known_german(head):
            continue
        modifier = low[:cut]
        for link in _LINKS:
            if link and not modifier.endswith(link):
                continue
            base = modifier[: len(modifier) - len(link)] if link else modifier
            if len(base) < 3 or fold(base) in stop_words() or fold(base) in _PARTICLES:  # "durch|führung"
                continue
            if known_german(base) or (len(base) >= 8 and len(split_compound(base)) > 1):
                rank = (fold(head) in _LEXICON_WORDS or fold(head) in CONCEPTS, len(head))
                if best is None or rank > best[0]:
                    best = (rank, base, head)
                break
    if best is None:
        return (word,)
    _rank, base, head = best
    left = split_compound(base) if len(base) > 8 else (base,)
    right = split_compound(head) if len(head) > 8 else (head,)
    return (*left, *right)


@dataclass(frozen=True)
class Parsed:
    """A label as canonical stems: what is done (``action``) and with what (``objects``)."""

    action: tuple[str, ...]
    """Stems of the action ("pruef"); empty if the label names no action (an event, a noun phrase)."""
    objects: tuple[str, ...]
    """Stems of the business object(s) ("antrag", "erlaubnis pflicht")."""
    parts: tuple[Parsed, ...] = ()
    """For a label joining several actions ("Antrag prüfen und bescheiden"): each part on its own."""

    @property
    def stems(self) -> tuple[str, ...]:
        """All stems (objects, then action)."""
        return self.objects + tuple(s for s in self.action if s not in self.objects)

    @property
    def empty(self) -> bool:
        """No meaningful word at all (an unlabelled or generic node)."""
        return not self.action and not self.objects


def words(label: str) -> list[str]:
    """The words of a label (bounded, phrases joined, abbreviations expanded, original case kept)."""
    text = label[:LABEL_LIMIT]
    low = fold(text)
    for phrase, word in PHRASES.items():
        if phrase in low:
            text = re.sub(rf"(?i)\b{re.escape(phrase)}\b", word, fold(text))
            low = text
    out: list[str] = []
    for raw in _WORD.findall(text)[: TOKEN_LIMIT * 2]:
        for piece in raw.split("-"):
            folded = fold(piece)
            expanded = ABBREVIATIONS.get(folded)
            if expanded is None:
                out.append(piece)
            else:  # expansions are nouns ("WGB" → "Wohnungsgeberbestätigung"): capitalised for compound splitting
                out.extend(w.capitalize() for w in expanded.split())
    return out[:TOKEN_LIMIT]


def _english_stem(word: str) -> str:
    """Canonical stem of an English word: its lemma, mapped to a lexicon concept or synonym where one exists."""
    folded = fold(word)
    concept = lexicon_concept(folded)
    if concept is not None:
        return concept
    lem = fold(lemma(word, True))
    concept = lexicon_concept(lem)
    if concept is not None:
        return concept
    return SYNONYMS.get(lem, SYNONYMS.get(folded, lem))


def _stems_of(word: str, english: bool = False) -> list[str]:
    """Canonical stems of one word: lemma, lexicon concept, compound parts."""
    folded = fold(word)
    if folded in stop_words() or folded.isdigit():
        return []
    if english:
        return [_english_stem(word)]
    if lexicon_concept(folded) is not None or folded in IRREGULAR:
        return [stem(folded)]
    lem = lemma(word, english)
    folded_lemma = fold(lem)
    if lexicon_concept(folded_lemma) is not None:
        return [stem(folded_lemma)]
    parts = split_compound(lem) if word[:1].isupper() and lem[:1].isupper() and not english else (lem,)
    out: list[str] = []
    for part in parts:
        p = fold(part)
        if p in stop_words():
            continue
        out.append(stem(p))
    return [s for s in out if s]


_PASSIVE = frozenset({"is", "are", "was", "were", "gets", "get", "been", "wird", "werden", "wurde"})


def _is_verb(word: str, position: int, count: int, english: bool, previous: str = "") -> bool:
    folded = fold(word)
    if english:
        return (position == 0 and count > 1) or previous in _PASSIVE
    if word[:1].islower() and folded.endswith(("en", "ern", "eln")) and len(folded) > 4:
        return True
    return word[:1].islower() and position == count - 1 and count > 1 and folded.endswith("t")  # "geprüft"


def _nominal_action(word: str) -> bool:
    folded = fold(lemma(word))
    return folded.endswith(("ung", "ierung", "ation", "nahme", "gabe", "sicht")) or stem(folded) in ACTIONS


def language_of(labels: list[str]) -> str:
    """``en`` if most words of the labels are English rather than German (simplemma's dictionaries), else ``de``."""
    import simplemma

    votes = 0
    for label in labels[:400]:
        for w in _WORD.findall(label[:LABEL_LIMIT])[:TOKEN_LIMIT]:
            if len(w) < 3 or any(ch in w for ch in "äöüßÄÖÜ"):
                votes -= 1 if len(w) >= 3 else 0
                continue
            en = bool(simplemma.is_known(w.lower(), lang="en"))
            de = bool(simplemma.is_known(w, lang="de") or simplemma.is_known(w.capitalize(), lang="de"))
            votes += (en and not de) - (de and not en)
    return "en" if votes > 0 else "de"


def _active(ws: list[str]) -> list[str]:
    """A passive clause in active order ("Bill is sent" → "sent Bill"; "Fund wird registriert" unchanged)."""
    for i, w in enumerate(ws[:-1]):
        if fold(w) in ("is", "are", "was", "were", "gets", "get", "been", "be"):
            return [ws[i + 1], *ws[:i], *ws[i + 2:]]
    return [w for w in ws if fold(w) not in ("wird", "werden", "wurde")] or ws


def _parse_words(ws: list[str], english: bool) -> tuple[list[str], list[str]]:
    """(action stems, object stems) of one clause."""
    if not ws:
        return [], []
    action: list[str] = []
    objects: list[str] = []
    verb_at = next((i for i in range(len(ws) - 1, -1, -1)
                    if _is_verb(ws[i], i, len(ws), english, fold(ws[i - 1]) if i else "")), None)
    if verb_at is None and not english:
        content = [i for i, w in enumerate(ws) if fold(w) not in stop_words()]
        # a nominalised action at the front ("Prüfung des Antrags") or a compound ending in one ("Gebührenerhebung")
        if len(content) > 1 and _nominal_action(ws[content[0]]) and (
                content[0] + 1 < len(ws) and fold(ws[content[0] + 1]) in _GENITIVE):
            verb_at = content[0]
        elif len(content) == 1:
            lem = lemma(ws[content[0]])
            parts = split_compound(lem)
            if len(parts) > 1 and _nominal_action(parts[-1]):
                action = [stem(fold(parts[-1]))]
                objects = [stem(fold(p)) for p in parts[:-1] if fold(p) not in stop_words()]
                return action, objects
    for i, w in enumerate(ws):
        stems = _stems_of(w, english)
        if i == verb_at:
            action.extend(stems)
        else:
            objects.extend(stems)
    if len(objects) > 1:
        objects = [s for s in objects if s not in LIGHT_VERBS] or objects
    moved = [s for s in objects if s in ACTIONS and verb_at is None]  # a known action word without verb form
    if moved and len(objects) > len(moved):
        action.extend(moved)
        objects = [s for s in objects if s not in moved]
    return action, objects


@lru_cache(maxsize=65536)
def parse(label: str, language: str = "de") -> Parsed:
    """Action and business object of a label ("Antrag prüfen" and "Prüfung des Antrags" → pruef / antrag) in the
    model's language (``de`` or ``en``: English words are lemmatised, not cut by German suffix rules)."""
    english = language == "en"
    ws = words(label)
    clauses: list[list[str]] = [[]]
    for w in ws:
        if fold(w) in _CONJUNCTIONS or w in ",;/":
            clauses.append([])
        else:
            clauses[-1].append(w)
    clauses = [c for c in clauses if c]
    parsed = [_parse_words(_active(c), english) for c in clauses]
    verbs = [p for p in parsed if p[0]]
    if len(verbs) > 1 and len(clauses) == len(parsed):  # "Antrag prüfen und bescheiden": several actions
        shared = [o for _a, objs in parsed for o in objs]
        parts = tuple(Parsed(action=_meaningful(tuple(dict.fromkeys(a))), objects=tuple(dict.fromkeys(objs or shared)))
                      for a, objs in parsed)
        action = tuple(dict.fromkeys(s for a, _o in parsed for s in a))
        return Parsed(action=_meaningful(action), objects=tuple(dict.fromkeys(shared)), parts=parts)
    action = tuple(dict.fromkeys(s for a, _o in parsed for s in a))
    objects = tuple(dict.fromkeys(s for _a, o in parsed for s in o))
    return Parsed(action=_meaningful(action), objects=objects)


def _meaningful(action: tuple[str, ...]) -> tuple[str, ...]:
    """Light verbs ("durchführen", "erstellen", "carry out") say only that something is done: no action."""
    return tuple(s for s in action if s not in LIGHT_VERBS)
