"""Bilingual (German/English) matching lexicon of municipal administrative procedures — loaded from data.

The lexicon is *data*, kept in ``rules/matching/lexicon.yaml`` (abbreviations, stop words, synonyms, irregular
stems, light verbs, concepts with their German and English words, multi-word phrases, action classes); this module
only reads it once and offers it as typed tables. Source of the data: written by the vollzug authors from general
knowledge of German administrative procedures and their usual English renderings, not copied from any list.

Each *concept* is the canonical stem the normaliser emits; its words are folded (lower case, umlauts as ae/oe/ue,
ß as ss) and belong to one concept only. ``ACTIONS`` names the concepts that say what is *done* with an object,
grouped in classes: two steps about the same object with actions of different classes ("publish the analysis" /
"carry out the analysis") are different steps.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_FILE = Path("matching") / "lexicon.yaml"
"""The lexicon's path below the rules folder."""


@cache
def _data() -> dict[str, Any]:
    from vollzug.law.yamlsource import rules_dir

    path = rules_dir() / LEXICON_FILE
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: the matching lexicon must be a mapping")
    return loaded


def _map(key: str) -> dict[str, str]:
    return {str(k): "" if v is None else str(v) for k, v in (_data().get(key) or {}).items()}


def _set(key: str) -> frozenset[str]:
    return frozenset(str(v) for v in (_data().get(key) or ()))


CONCEPTS: dict[str, tuple[str, ...]] = {str(k): tuple(str(w) for w in v)
                                        for k, v in (_data().get("concepts") or {}).items()}
"""Concept → folded words expressing it (German and English)."""

PHRASES: dict[str, str] = _map("phrases")
"""Folded multi-word expressions → one word of :data:`CONCEPTS` (replaced before the label is split into words)."""

ACTIONS: dict[str, str] = _map("actions")
"""Action concept → its class. Classes, not concepts, are compared: "check" and "evaluate" are one kind of work."""

COMMUNICATING: frozenset[str] = _set("communicating")
"""Action classes that make a step *about* another step's result (publishing or announcing it)."""

ABBREVIATIONS: dict[str, str] = _map("abbreviations")
"""Abbreviation (folded, without dot) → expansion (empty: drop)."""

STOP_WORDS: frozenset[str] = _set("stop_words")
"""Words that carry no meaning for matching (our own list; :mod:`.linguistics` adds the stop-words package's)."""

SYNONYMS: dict[str, str] = _map("synonyms")
"""Folded stem → canonical stem (German synonyms and English words)."""

IRREGULAR: dict[str, str] = _map("irregular")
"""Whole folded words whose stem the suffix rules would get wrong."""

LIGHT_VERBS: frozenset[str] = _set("light_verbs")
"""Stems of light verbs ("Analyse durchführen", "Beschluss fassen"): they say that something is done, not what."""

EXTRA_VOCABULARY: frozenset[str] = _set("domain_vocabulary")
"""Stems used for compound splitting in addition to the concepts and those of the two models."""


def word_table() -> dict[str, str]:
    """Folded word → concept (checked: no word in two concepts)."""
    table: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for word in words:
            if table.get(word, concept) != concept:
                raise ValueError(f"lexicon word {word!r} in two concepts: {table[word]}, {concept}")
            table[word] = concept
    return table
