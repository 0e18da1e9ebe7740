"""Normative Sätze: which sentences of a law text carry an obligation, with the patterns of German legislative
drafting — and who is addressed, which deadline and which threshold they name.

Modalities: ``pflicht`` ("hat … zu …", "ist/sind … zu erstellen", "ist verpflichtet", "muss", "bedarf der
Zustimmung", and the imperative indicative "Die planungsverantwortliche Stelle beteiligt …"), ``soll``, ``verbot``
("darf nicht", "darf nur"), ``erlaubnis`` ("kann", "darf", "ist befugt", "wird ermächtigt") and ``keine``
(definitions, goals, legal effects, references such as "ist entsprechend anzuwenden", exemptions). The first
matching rule wins, in the order of :data:`_RULES`. Precision and recall on a hand-labelled sample are in
``docs/law.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vollzug.law.normtree import iter_units
from vollzug.model.normtree import NormTree, NormUnit

__all__ = ["NORMATIVE", "Detection", "detect", "detect_tree", "find_addressee", "find_deadlines", "find_thresholds"]

Modality = Literal["pflicht", "soll", "verbot", "erlaubnis", "keine"]
NORMATIVE: frozenset[str] = frozenset({"pflicht", "soll", "verbot"})
"""Modalities that bear an obligation (coverage counts these)."""

_W = r"[\wäöüÄÖÜß-]"
_ZU_INFINITIVE = r"(?:\bzu\s+[a-zäöüß]+(?:en|ern|eln)\b|\b[a-zäöüß]{2,}zu[a-zäöüß]{2,}(?:en|ern|eln)\b)"
_ACTION_VERBS = (
    "beteiligt|beteiligen|informiert|informieren|veröffentlicht|veröffentlichen|erstellt|erstellen|führt|führen|"
    "berichtet|berichten|untersucht|untersuchen|entwickelt|entwickeln|schätzt|schätzen|stellt|stellen|"
    "dokumentiert|dokumentieren|setzt|setzen|bestimmt|bestimmen|prüft|prüfen|übermittelt|übermitteln|teilt|teilen|"
    "entscheidet|entscheiden|fasst|fassen|beschließt|beschließen|ermittelt|ermitteln|zeigt|zeigen|beschreibt|"
    "beschreiben|erhebt|erheben|bewertet|bewerten|gibt|geben|unterrichtet|unterrichten|überprüft|überprüfen|legt|"
    "legen|trifft|treffen|erteilt|erteilen|identifiziert|erfasst|erfassen|überwacht|überwachen|errichtet|errichten|"
    "betreibt|betreiben|registriert|speichert|speichern|löscht|löschen|erhält|erhalten|enthält|enthalten|"
    "weist|weisen|verarbeitet|wählt|wählen|benennt|benennen|erfolgt|erfolgen"
)
_PASSIVE_PRESENT = (r"\b(?:wird|werden)\b[^.;]{0,200}?\b(?:dargestellt|gekennzeichnet|übermittelt|versendet|"
                    r"zugeteilt|erstellt|veröffentlicht|geprüft|beschlossen|festgelegt|mitgeteilt|ausgestellt|"
                    r"erfasst|gespeichert|gelöscht|bereitgestellt|bekanntgegeben|angezeigt|aufgezeigt|"
                    r"beschrieben|ausgewiesen|ermittelt|unterrichtet|zugänglich gemacht|zugänglich machen)\b")

_RULES: tuple[tuple[Modality, re.Pattern[str]], ...] = (
    ("erlaubnis", re.compile(r"\b(?:wird|werden)\s+ermächtigt\b")),
    ("keine", re.compile(r"^Ziel\s+dieses\s+(?:Gesetzes|Verordnung)\b|"
                         r"\b(?:ist|sind)\s+(?:auch\s+|ebenfalls\s+)?anzuwenden\b|"
                         r"\b(?:ist|sind)\b[^.;]{0,80}?\b(?:nicht|nur)\b[^.;]{0,160}?\banzuwenden\b|"
                         r"\bist\s+insbesondere\s+anzunehmen\b")),
    ("keine", re.compile(r"\b(?:ist|sind|gilt|gelten)\b[^.;]{0,120}?\b(?:entsprechend\s+anzuwenden|nicht\s+anzuwenden|"
                         r"entsprechend)\s*[.;]?$|\bbleib(?:t|en)\b[^.;]{0,60}unberührt|\bnicht\s+anzuwenden\b|"
                         r"\bentsprechend\s+anzuwenden\b|\bgilt\s+entsprechend\b|\bgelten\s+entsprechend\b")),
    ("verbot", re.compile(r"\b(?:darf|dürfen)\b[^.;]{0,250}?\b(?:nicht|nur|keine[nmrs]?)\b|"
                          r"\b(?:ist|sind)\s+unzulässig\b|\buntersagt\b")),
    ("pflicht", re.compile(r"\b(?:ist|sind)\s+(?:ferner\s+|auch\s+|jeweils\s+)?verpflichtet\b|\b(?:muss|müssen)\b|"
                           r"\bbedarf\s+(?:es\s+)?der\b|\bstell(?:t|en)\b[^.;]{0,200}?\bsicher\b")),
    ("pflicht", re.compile(r"\b(?:hat|haben|ist|sind)\b[^;]{0,400}?" + _ZU_INFINITIVE)),
    ("soll", re.compile(r"(?<!^)\b(?:soll|sollen)\b")),
    ("erlaubnis", re.compile(r"\b(?:kann|können|darf|dürfen)\b|\b(?:ist|sind)\s+(?:befugt|berechtigt)\b")),
    ("keine", re.compile(r"\bim\s+Sinne\s+dieses\s+Gesetzes\b|\bgilt\s+als\b|\bgelten\s+als\b|\bbesteht\s+nicht\b|"
                         r"\bnicht\s+erforderlich\b|^Ziel\s+dieses\b|\bgleich(?:gestellt)?\b|\bsetzt\s+voraus\b|"
                         r"\b(?:hat|begründet|bewirkt|löst)\s+keine\b|\bersetzt\b|\bmit\s+dem\s+Ziel\b|"
                         r"\bin\s+der\s+Regel\b|\b(?:ist|sind)\s+insbesondere\b|:\s*$")),
    ("pflicht", re.compile(r"\b(?:" + _ACTION_VERBS + r")\b")),
    ("pflicht", re.compile(_PASSIVE_PRESENT)),
)

_ADDRESSEES: tuple[tuple[str, str], ...] = (
    ("antragstellende Person", r"^Mit\s+dem\s+Antrag\b"),
    ("planungsverantwortliche Stelle", r"planungsverantwortliche[n]?\s+Stelle"),
    ("nach Landesrecht zuständige Behörde", r"nach\s+Landesrecht\s+zuständige[n]?\s+(?:Behörde|Stelle)"),
    ("zuständige Behörde", r"\bzuständige[n]?\s+Behörde\b"),
    ("Landesregierungen", r"\bLandesregierung(?:en)?\b"),
    ("Länder", r"\bDie\s+Länder\b|\bdie\s+Länder\b|\bein\s+Land\b"),
    ("Bundesregierung", r"\bBundesregierung\b"),
    ("Bundesministerium", r"\bBundesministeri(?:um|ums)\b(?:\s+(?:für|der|des)\s+[A-ZÄÖÜ]" + _W + r"*"
                          r"(?:\s+und\s+[A-ZÄÖÜ]" + _W + r"*)?)?"),
    ("Bundesamt für Wirtschaft und Ausfuhrkontrolle", r"Bundesamt\s+für\s+Wirtschaft\s+und\s+Ausfuhrkontrolle"),
    ("Kraftfahrt-Bundesamt", r"Kraftfahrt-Bundesamt"),
    ("Zulassungsbehörde", r"Zulassungsbehörde"),
    ("Großkundenschnittstelle", r"Großkundenschnittstelle"),
    ("Großkunde", r"\bGroßkunde[n]?\b"),
    ("Versicherer", r"\bVersicherer[s]?\b"),
    ("Halter", r"\bHalter[s]?\b"),
    ("Erwerber", r"\bErwerber\b"),
    ("Eigentümer", r"\bEigentümer\b"),
    ("antragstellende Person", r"antragstellende[n]?\s+Person|\bAntragsteller[s]?\b"),
    ("das Fahrzeug führende Person", r"das\s+Fahrzeug\s+führende[n]?\s+Person"),
    ("Betreiber eines Wärmenetzes", r"Betreiber[s]?\s+(?:eines|des)\s+(?:bestehenden\s+|neuen\s+)?Wärmenetzes|"
                                    r"Wärmenetzbetreiber"),
    ("Betreiber", r"\bBetreiber[s]?\b"),
    ("Auskunftspflichtige", r"Auskunftspflichtige[n]?"),
    ("Anbieter", r"\bAnbieter[s]?\b"),
    ("Gemeinde", r"\bGemeinde\b"),
)
_ADDRESSEE_RES = tuple((name, re.compile(pattern)) for name, pattern in _ADDRESSEES)

_DEADLINE = re.compile(
    r"(?:spätestens\s+)?bis\s+(?:spätestens\s+)?zum\s+Ablauf\s+des\s+\d{1,2}\.\s+[A-ZÄÖÜ][a-zä]+\s+\d{4}"
    r"|(?:spätestens\s+)?(?:bis\s+zum|ab\s+dem|zum)\s+\d{1,2}\.\s+[A-ZÄÖÜ][a-zä]+\s+\d{4}"
    r"|innerhalb\s+(?:von\s+)?(?:\w+\s+)?(?:Tagen|Wochen|Monaten|Jahren|Kalendertagen|Werktagen|Monats|Woche)"
    r"|spätestens\s+\w+\s+(?:Kalendertage|Tage|Wochen|Monate|Jahre)\s+nach\s+[^,.;]+"
    r"|(?:spätestens\s+)?alle\s+\w+\s+Jahre"
    r"|für\s+die\s+Dauer\s+(?:eines|einer|von)\s+[^,.;]+"
    r"|\b(?:unverzüglich|frühzeitig(?:\s+und\s+fortlaufend)?|rechtzeitig|zeitnah|alsbald)\b"
    r"|\bangemessene[n]?\s+Frist\b|\bFrist\s+von\s+\w+\s+(?:Tagen|Wochen|Monaten)"
)
_NUMBER = r"\d{1,3}(?:[  .]\d{3})*(?:,\d+)?"
_THRESHOLD = re.compile(
    r"(?:mehr\s+als|weniger\s+als|mindestens|höchstens|über|unter|bis\s+zu|maximal)\s+" + _NUMBER +
    r"\s+(?:Einwohner\w*|Prozent|Kilometer\w*|Anträge|Hausnummern|Kalendertage\w*|Tage\w*|Megawatt\w*)"
    r"|" + _NUMBER + r"\s+Einwohner\w*\s+oder\s+weniger"
)


@dataclass(frozen=True, slots=True)
class Detection:
    """What the detector finds in one Satz."""

    unit: NormUnit
    modality: Modality
    addressee: str
    deadlines: tuple[str, ...]
    thresholds: tuple[str, ...]

    @property
    def normative(self) -> bool:
        """Bears an obligation (pflicht, soll, verbot)."""
        return self.modality in NORMATIVE


_SUBORDINATE = re.compile(r",\s*(?:(?:mit|in|an|auf|für|von|zu|bei|nach|aus|über|unter|durch|gegen)\s+)?"
                          r"(?:der|die|das|dem|den|deren|dessen|denen|welche[rsmn]?|wenn|soweit|sofern|dass|ob|wie|"
                          r"wobei|weil|indem|bevor|nachdem|solange|sobald)\b[^,;:]*")


def _main_text(unit: NormUnit) -> str:
    """The sentence without the texts of its list items and without comma-delimited subordinate clauses (the
    modal verb of the main clause decides: "…, die … vergeben sein darf" is no permission)."""
    text = unit.text
    for child in unit.children:
        text = text.replace(child.text, " … ", 1)
    return _SUBORDINATE.sub(",", " ".join(text.split()))


def modality_of(text: str) -> Modality:
    """The modality of one sentence's text."""
    for modality, pattern in _RULES:
        if pattern.search(text):
            return modality
    return "keine"


def find_addressee(text: str, previous: str = "") -> str:
    """The addressee named in ``text`` (the earliest of the known ones); "Sie"/"Er" at the start refers to
    ``previous``; empty if none can be determined."""
    if re.match(r"^(?:Sie|Er|Diese[rs]?)\b", text) and previous:
        return previous
    agent = re.search(r"\b(?:von|durch)\s+(?:der|dem|den|die|das)\s+([^,.;]{3,80})", text)
    best: tuple[int, str] | None = None
    for name, pattern in _ADDRESSEE_RES:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), name)
    if best is None and agent is not None:
        for name, pattern in _ADDRESSEE_RES:
            if pattern.search(agent.group(1)):
                return name
    return best[1] if best else ""


def find_deadlines(text: str) -> tuple[str, ...]:
    """Deadline phrases, e.g. "spätestens bis zum Ablauf des 30. Juni 2026", "unverzüglich"."""
    return tuple(dict.fromkeys(" ".join(m.group(0).split()) for m in _DEADLINE.finditer(text)))


def find_thresholds(text: str) -> tuple[str, ...]:
    """Threshold phrases, e.g. "mehr als 45 000 Einwohner"."""
    return tuple(dict.fromkeys(" ".join(m.group(0).split()) for m in _THRESHOLD.finditer(text)))


def detect(unit: NormUnit, previous_addressee: str = "") -> Detection:
    """Classify one Satz (its list items count for addressee, deadline and threshold, not for the modality)."""
    main = _main_text(unit)
    modality = modality_of(main)
    if modality == "keine" and unit.children and modality_of(" ".join(unit.text.split())) == "pflicht":
        modality = "pflicht"  # "hat er unverzüglich 1. … zu beantragen, 2. …"
    return Detection(unit, modality, find_addressee(main, previous_addressee) or find_addressee(unit.text),
                     find_deadlines(unit.text), find_thresholds(unit.text))


def detect_tree(tree: NormTree) -> list[Detection]:
    """Every Satz of a tree, classified (the addressee of "Sie …" is carried over from the previous Satz)."""
    out: list[Detection] = []
    previous = ""
    for unit in iter_units(tree.units):
        if unit.kind != "S":
            continue
        found = detect(unit, previous)
        previous = found.addressee or previous
        out.append(found)
    return out
