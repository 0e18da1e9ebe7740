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

from vollzug.diff.lexicon import CONCEPTS, PHRASES, word_table

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e"})

ABBREVIATIONS: dict[str, str] = {
    "abs": "absatz", "nr": "nummer", "fb": "fachbereich", "vzae": "vollzeitaequivalent", "vza": "vollzeitaequivalent",
    "bm": "buergermeister", "bgm": "buergermeister", "ob": "oberbuergermeister", "toeb": "traeger belange",
    "pvs": "planungsverantwortlich stelle", "wp": "waermeplan", "kwp": "kommunal waermeplanung", "ggf": "",
    "bzw": "", "z": "", "b": "", "u": "", "ua": "", "ab": "abteilung", "sg": "sachgebiet", "fd": "fachdienst",
    "dez": "dezernat", "stvv": "stadtverordnetenversammlung", "gis": "geoinformationssystem", "kfz": "kraftfahrzeug",
    "zb": "", "inkl": "", "lanuv": "landesamt", "dsb": "datenschutzbeauftragt", "it": "informationstechnik",
    # vehicle registration (FZV, i-Kfz)
    "hu": "hauptuntersuchung", "au": "abgasuntersuchung", "evb": "elektronisch versicherungsbestaetigung",
    "zfzr": "zentral fahrzeugregister", "kba": "kraftfahrt bundesamt", "gks": "grosskunde schnittstelle",
}
"""Abbreviation (folded, without dot) → expansion (empty: drop)."""

STOP_WORDS: frozenset[str] = frozenset({
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder",
    "sowie", "zur", "zum", "zu", "von", "vom", "im", "in", "an", "am", "auf", "fuer", "mit", "bei", "nach", "ueber",
    "durch", "aus", "als", "ob", "nicht", "noch", "ggf", "bzw", "je", "per", "the", "of", "and", "a", "to",
    "for", "on", "by", "with", "from", "at", "is", "are", "be", "via", "all", "alle"
})
"""Words that carry no meaning for matching."""

SYNONYMS: dict[str, str] = {
    # German synonyms (folded stems) → canonical stem
    "kontrollier": "pruef", "check": "pruef", "ueberpruef": "pruef", "begutacht": "pruef", "review": "pruef",
    "entscheid": "beschliess", "beschluss": "beschliess", "beschluess": "beschliess", "entscheidung": "beschliess",
    "sammel": "erheb", "erfass": "erheb", "ermittel": "erheb", "ermittl": "erheb", "collect": "erheb",
    "collection": "erheb", "gather": "erheb",
    "bekanntmach": "veroeffentlich", "publizier": "veroeffentlich", "publish": "veroeffentlich",
    "publication": "veroeffentlich", "bekanntgab": "veroeffentlich", "bekanntgeb": "veroeffentlich",
    "einbind": "beteilig", "einbezieh": "beteilig", "involv": "beteilig", "involvement": "beteilig",
    "participation": "beteilig", "consult": "beteilig", "consultation": "beteilig", "anhoer": "beteilig",
    "unterricht": "informier", "benachrichtig": "informier", "inform": "informier", "notify": "informier",
    "information": "informier",
    "erarbeit": "erstell", "ausarbeit": "erstell", "aufstell": "erstell", "anfertig": "erstell", "prepar": "erstell",
    "preparation": "erstell", "draft": "entwurf", "entwerf": "entwurf", "creat": "erstell", "compil": "erstell",
    "gesuch": "antrag", "application": "antrag", "request": "antrag", "beantrag": "antrag",
    "vergeb": "beauftrag", "vergab": "beauftrag", "commission": "beauftrag", "award": "beauftrag",
    "auftrag": "beauftrag", "procurement": "beauftrag",
    "decision": "beschliess", "decid": "beschliess", "resolution": "beschliess", "adopt": "beschliess",
    "adoption": "beschliess", "approv": "beschliess",
    "council": "rat", "gemeinderat": "rat", "stadtrat": "rat", "public": "oeffentlich",
    "oeffentlichkeit": "oeffentlich",
    "data": "dat", "daten": "dat", "datum": "dat", "heat": "waerm", "plan": "plan", "planning": "plan",
    "analysis": "analys", "inventory": "bestand", "stock": "bestand", "potential": "potenzial",
    "potenzial": "potenzial", "potential analysis": "potenzial", "target": "ziel", "scenario": "szenario",
    "strategy": "strategi", "implementation": "umsetz", "implement": "umsetz", "monitor": "ueberwach",
    "monitoring": "ueberwach", "network": "netz", "operator": "betreib", "betreiber": "betreib",
    "notification": "anzeig", "anzeig": "anzeig", "submit": "einreich", "submission": "einreich",
    "comment": "stellungnahm", "comments": "stellungnahm", "weigh": "abwaeg", "weighing": "abwaeg",
    "display": "auslegen", "auslag": "auslegen", "ausleg": "auslegen", "inspection": "auslegen",
    "update": "fortschreib", "fortschreibung": "fortschreib", "suitability": "eignung", "eignungspruef": "eignung",
    "area": "gebiet", "areas": "gebiet", "zone": "gebiet", "report": "bericht", "berichterstatt": "bericht",
    "start": "beginn", "begin": "beginn", "end": "end", "ende": "end", "abschluss": "abschliess",
    "complete": "abschliess", "completion": "abschliess", "finish": "abschliess", "vehicle": "fahrzeug",
    "registration": "zulass", "register": "zulass", "zulassung": "zulass", "fee": "gebuehr", "payment": "zahl",
    "pay": "zahl", "bezahl": "zahl", "issue": "ausstell", "ausgab": "ausstell", "ausgeb": "ausstell",
    "send": "versend", "versand": "versend", "receiv": "empfang", "eingang": "empfang",
    # planning-law and administrative synonyms
    "offenlag": "auslegen", "offenleg": "auslegen", "beschaff": "erheb", "controlling": "ueberwach",
    "ueberwachung": "ueberwach", "kontroll": "ueberwach", "bekannt": "veroeffentlich",
    # common English words of public administration
    "duty": "pflicht", "obligation": "pflicht", "assign": "uebertrag", "assigned": "uebertrag",
    "transfer": "uebertrag", "budget": "haushalt", "fund": "mittel", "funds": "mittel", "staff": "personal",
    "employe": "personal", "employees": "personal", "beschaeftigt": "personal", "train": "schul",
    "training": "schul", "deadline": "frist", "risk": "risiko", "gefahr": "risiko", "board": "vorstand",
    "instruction": "anweis", "internal": "intern",
    "assess": "pruef", "assessment": "pruef", "examin": "pruef", "examination": "pruef", "verify": "pruef",
    "announc": "veroeffentlich", "announcement": "veroeffentlich", "obtain": "erheb", "acquir": "erheb",
    "determin": "erheb", "anonymisier": "anonymis", "anonymiz": "anonymis", "aggregat": "aggreg",
    "aggregier": "aggreg", "track": "ueberwach", "tracking": "ueberwach", "measur": "massnahm",
    "measure": "massnahm", "measures": "massnahm", "uebermittel": "versend", "transmit": "versend",
    "forward": "versend", "deliver": "versend", "procedur": "verfahren", "procedure": "verfahren",
    "process": "verfahren", "year": "jahr", "years": "jahr", "month": "monat", "months": "monat", "five": "fuenf",
    "paper": "vorlag", "tell": "informier", "meeting": "besprech", "stakeholder": "akteur",
    "stakeholders": "akteur", "continuous": "fortlaufend", "continuously": "fortlaufend",
    "throughout": "fortlaufend", "building": "gebaeud", "buildings": "gebaeud", "result": "ergebnis",
    "results": "ergebnis", "current": "bestand", "proposal": "vorschlag", "shorten": "verkuerz",
    "shortened": "verkuerz",
}
"""Folded stem → canonical stem (German synonyms and English words)."""

IRREGULAR: dict[str, str] = {
    "beschluss": "beschliess", "beschliessen": "beschliess", "teilnahme": "teilnehm", "vergabe": "beauftrag",
    "analyse": "analys", "analysieren": "analys", "analysis": "analys", "abgabe": "abgeb", "abgeben": "abgeb",
    "anzeige": "anzeig", "anzeigen": "anzeig", "auslage": "auslegen", "auslegung": "auslegen",
    "aufnahme": "aufnehm", "aufnehmen": "aufnehm", "ausgabe": "ausstell", "eingabe": "eingeb", "eingeben": "eingeb",
    "bekanntgabe": "veroeffentlich", "bekanntgeben": "veroeffentlich", "bekanntmachung": "veroeffentlich",
    "rueckmeldung": "rueckmeld", "stellungnahme": "stellungnahm", "stellungnahmen": "stellungnahm",
    "weitergabe": "weitergeb", "weitergeben": "weitergeb", "durchsicht": "pruef", "kenntnisnahme": "kenntnis",
    "entwurf": "entwurf", "entwuerfe": "entwurf",
}
"""Whole folded words whose stem the suffix rules would get wrong."""

DOMAIN_VOCABULARY: frozenset[str] = frozenset({
    "waerm", "plan", "netz", "bestand", "analys", "potenzial", "ziel", "szenario", "daten", "dat", "erheb",
    "gebiet", "versorg", "strategi", "umsetz", "beteilig", "oeffentlich", "bericht", "entwurf", "eignung", "pruef",
    "beschliess", "veroeffentlich", "stelle", "wasserstoff", "kataster", "register", "fahrzeug", "zulass", "antrag",
    "gebuehr", "schild", "kennzeichen", "halter", "versicher", "bescheid", "frist", "monitor", "fortschreib",
    "anzeig", "abwaeg", "stellungnahm", "auslegen", "einreich", "kommun", "energie", "klima", "schutz", "dienst",
    "anweis", "schulung", "personal", "haushalt", "mittel", "foerder", "auftrag", "beauftrag", "vergab",
    "verfahren", "entscheid", *CONCEPTS
})
"""Stems used for compound splitting in addition to those of the two models."""

_SUFFIXES = ("ierungen", "ierung", "ation",
             "ungen", "ieren", "ung", "ern", "eln", "ing", "en", "ed", "er", "es", "e", "n", "s",
             "t")  # "ing"/"ed": English participles ("planning", "finished")
_TOKEN = re.compile(r"[a-z0-9]+")


LIGHT_VERBS: frozenset[str] = frozenset({
    "erstell", "fass", "mach", "vornehm", "perform", "carri", "durchfuehr", "conduct", "conduc",
    "undertak", "do", "carry",
    "veranlass", "vornahm"})
"""Stems of light verbs ("Analyse durchführen", "Beschluss fassen", "Plan erstellen"): they say that something is
done, not what. Dropped from a label that has other stems, kept when they are all there is."""


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
