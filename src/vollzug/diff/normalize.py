"""Normalisierung deutscher (und englischer) Beschriftungen für den Vergleich.

A label becomes a tuple of *stems*: lower case, umlauts and ß folded, abbreviations expanded, stop words dropped,
nominalised verbs and infinitives brought to one stem ("Prüfung" ~ "prüfen" → ``pruef``), synonyms and common English
words mapped to the German stem, and compounds split against a vocabulary ("Bestandsanalyse" → ``bestand analys``
when both parts occur in the models or in the domain vocabulary).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from vollzug.diff.lexicon import (
    ABBREVIATIONS,
    CONCEPTS,
    EXTRA_VOCABULARY,
    IRREGULAR,
    LIGHT_VERBS,
    PHRASES,
    STOP_WORDS,
    SYNONYMS,
    word_table,
)

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e"})


DOMAIN_VOCABULARY: frozenset[str] = EXTRA_VOCABULARY | frozenset(CONCEPTS)
"""Stems used for compound splitting in addition to those of the two models."""

__all__ = ["ABBREVIATIONS", "DOMAIN_VOCABULARY", "IRREGULAR", "LIGHT_VERBS", "STOP_WORDS", "SYNONYMS"]

_SUFFIXES = ("ierungen", "ierung", "ation",
             "ungen", "ieren", "ung", "ern", "eln", "ing", "en", "ed", "er", "es", "e", "n", "s",
             "t")  # "ing"/"ed": English participles ("planning", "finished")
_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case with umlauts and ß folded (``Prüfung`` → ``pruefung``)."""
    return text.lower().translate(_FOLD)


_LEXICON: dict[str, str] = word_table()
_ENGLISH_ENDINGS = ("ies", "es", "s", "ed", "d", "ing")


def lexicon_concept(word: str) -> str | None:
    """Concept of a folded word in the bilingual lexicon (as written, or without a plural/participle ending)."""
    found = _LEXICON.get(word)
    if found is not None:
        return found
    for ending in _ENGLISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)] + ("y" if ending == "ies" else "")
            if base in _LEXICON:
                return _LEXICON[base]
    return None


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem of one folded word: irregular table, bilingual lexicon, suffix rules (minimum stem length 4), synonyms."""
    concept = None if word in IRREGULAR else lexicon_concept(word)
    if concept is not None:
        return concept
    if word in IRREGULAR:
        base = IRREGULAR[word]
    elif word in SYNONYMS:
        base = word
    else:
        base = word
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                base = word[: -len(suffix)]
                break
    return SYNONYMS.get(base, SYNONYMS.get(word, base))


def tokens(label: str) -> list[str]:
    """Folded tokens of a label with abbreviations expanded and stop words removed."""
    out: list[str] = []
    text = fold(label)
    for phrase, word in PHRASES.items():
        if phrase in text:
            text = re.sub(rf"\b{phrase}\b", word, text)
    for raw in _TOKEN.findall(text):
        expanded = ABBREVIATIONS.get(raw, raw)
        for tok in expanded.split():
            if tok and tok not in STOP_WORDS and not tok.isdigit():
                out.append(tok)
    return out


def split_compound(word: str, vocabulary: frozenset[str]) -> list[str]:
    """Split a folded word into two known stems (with optional linking ``s``/``es``), else ``[word]``.

    The head (last part) decides the meaning in German compounds; both parts are kept. When no split into two known
    parts exists, the longest known head with a modifier of at least five letters is split off (the modifier kept
    as its stem, split again if possible): "Satzungsbeschluss" → ``satz beschliess``.
    """
    if len(word) < 8:
        return [word]
    fallback: list[str] = []
    for cut in range(len(word) - 4, 3, -1):
        head, tail = word[:cut], word[cut:]
        tail_stem = stem(tail)
        if tail_stem not in vocabulary and tail not in vocabulary:
            continue
        for link in ("", "s", "es", "n", "en"):
            if link and not head.endswith(link):
                continue
            first = head[: len(head) - len(link)] if link else head
            if len(first) >= 3 and (stem(first) in vocabulary or first in vocabulary):
                return [stem(first), tail_stem]
        german_head = tail in _LEXICON or tail in IRREGULAR or len(tail) >= 7
        if len(head) >= 5 and len(tail) >= 5 and german_head:  # the longest known head wins
            first = head[:-1] if head.endswith("s") and len(head) > 5 else head
            fallback = [*split_compound(first, vocabulary), tail_stem]
    if fallback:
        return [stem(p) if p == fallback[0] and len(fallback) == 2 else p for p in fallback]
    return [word]


def stems(label: str, vocabulary: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Normalised stems of a label; compounds are split against ``vocabulary`` ∪ the domain vocabulary."""
    vocab = vocabulary | DOMAIN_VOCABULARY
    out: list[str] = []
    for tok in tokens(label):
        known = tok in IRREGULAR or tok in SYNONYMS or lexicon_concept(tok) is not None
        parts = [tok] if known else split_compound(tok, vocab)
        out.extend(stem(p) if len(parts) == 1 else p for p in parts)
    meaningful = tuple(s for s in out if s and s not in LIGHT_VERBS)
    return meaningful or tuple(s for s in out if s)


def vocabulary_of(labels: Iterable[str]) -> frozenset[str]:
    """Stems of the simple (short) words in the labels: the vocabulary to split compounds against."""
    vocab: set[str] = set()
    for label in labels:
        for tok in tokens(label):
            if 3 <= len(tok) <= 13:
                vocab.add(stem(tok))
    return frozenset(vocab)


def normalized(label: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """The normalised label as one string of stems (for rapidfuzz)."""
    return " ".join(stems(label, vocabulary))
