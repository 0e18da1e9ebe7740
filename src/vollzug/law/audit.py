"""Gesetzesfolgen für den Vollzug (``vollzug law audit``): what in a (draft) law text makes operationalisation hard,
as findings of the rules engine (text, JSON, SARIF).

Checks (codes ``LA``):

- LA001 obligation or prohibition without a determinable addressee, neither in the Satz nor in another Satz of the
  same Absatz ("Wärmepläne sind zu erstellen …");
- LA002 deadline that cannot be computed ("unverzüglich", "angemessene Frist", "frühzeitig", "rechtzeitig");
- LA003 competence left open ("die zuständige Behörde", "nach Landesrecht zuständige Stelle");
- LA004 written form or signature that forces a media break ("schriftlich", "Schriftform", "eigenhändig",
  "Unterschrift"), unless the same sentence allows the electronic form;
- LA005 the same data requested in several places (identical list items of obligation-bearing Sätze about data,
  Angaben or Nachweise in different Sätze).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from vollzug.i18n import Lang, Msg, Text
from vollzug.law.normative import detect_tree
from vollzug.law.normtree import iter_units
from vollzug.lint.finding import CheckResult, FileResult, Finding, Severity, summarise
from vollzug.model.normtree import NormTree, NormUnit

__all__ = ["AUDIT_CHECKS", "audit", "audit_result"]


@dataclass(frozen=True, slots=True)
class AuditCheck:
    """One audit check: code, name, severity, summary and explanation."""

    code: str
    name: str
    severity: Severity
    summary: Msg
    explanation: Msg


AUDIT_CHECKS: dict[str, AuditCheck] = {c.code: c for c in (
    AuditCheck("LA001", "no-addressee", "warning", Msg("Pflicht ohne bestimmbaren Adressaten",
                                                       "Obligation without a determinable addressee"),
               Msg("„{text}“ – der Satz begründet eine Pflicht, nennt aber nicht, wer sie erfüllen muss (Passiv ohne "
                   "„von der …“). Für den Vollzug muss jede Pflicht einer Stelle zugeordnet werden können.",
                   "'{text}' – the sentence creates an obligation but does not say who must fulfil it (passive "
                   "without 'by …'). Implementation needs every duty assigned to a body.")),
    AuditCheck("LA002", "indeterminate-deadline", "warning", Msg("Nicht berechenbare Frist",
                                                                 "Deadline that cannot be computed"),
               Msg("„{term}“ ist keine berechenbare Frist: ein Fachverfahren kann daraus kein Fälligkeitsdatum "
                   "ableiten und keine Wiedervorlage setzen. Besser: eine Frist in Tagen, Wochen oder Monaten ab "
                   "einem bestimmten Ereignis.",
                   "'{term}' is not a computable deadline: a case system cannot derive a due date or set a "
                   "reminder from it. Better: a period in days, weeks or months from a defined event.")),
    AuditCheck("LA003", "open-competence", "info", Msg("Zuständigkeit offen gelassen", "Competence left open"),
               Msg("„{term}“ – die zuständige Stelle wird erst durch Landesrecht oder Organisationsakt bestimmt; bis "
                   "dahin ist unklar, wer die Aufgabe wahrnimmt (in jedem Land gesondert zu regeln).",
                   "'{term}' – the competent body is only determined by Land law or an organisational act; until "
                   "then it is unclear who performs the task (to be settled in every Land).")),
    AuditCheck("LA004", "written-form", "warning", Msg("Schriftform erzwingt Medienbruch",
                                                       "Written form forces a media break"),
               Msg("„{term}“ verlangt Papier oder eine Unterschrift; ohne ausdrücklich gleichgestellte elektronische "
                   "Form (z. B. „schriftlich oder elektronisch“, § 3a VwVfG) entsteht ein Medienbruch im "
                   "digitalen Verfahren.",
                   "'{term}' requires paper or a signature; unless an electronic form is expressly allowed (e.g. "
                   "'in writing or electronically', § 3a VwVfG) the digital procedure breaks media.")),
    AuditCheck("LA005", "same-data-twice", "info", Msg("Dieselben Daten an mehreren Stellen verlangt",
                                                       "Same data requested in several places"),
               Msg("„{item}“ wird auch in {others} verlangt. Mehrfach verlangte Daten sollten einmal erhoben und "
                   "weitergegeben werden (Once-Only-Prinzip).",
                   "'{item}' is also requested in {others}. Data requested several times should be collected once "
                   "and passed on (once-only principle).")),
)}

_INDETERMINATE = re.compile(r"\b(unverzüglich|frühzeitig|rechtzeitig|zeitnah|alsbald|angemessene[rn]?\s+Frist|"
                            r"in\s+angemessener\s+(?:Frist|Zeit)|bei\s+Bedarf|in\s+regelmäßigen\s+Abständen)\b")
_OPEN_COMPETENCE = re.compile(r"\b((?:[Dd]ie|[Dd]er|[Dd]en|[Dd]em)\s+(?:nach\s+Landesrecht\s+|jeweils\s+)?"
                              r"zuständige[n]?\s+"
                              r"(?:Behörde|Stelle|Gremium)|durch\s+Landesrecht\s+bestimmte[n]?\s+Stelle|"
                              r"nach\s+Maßgabe\s+des\s+Landesrechts\s+zuständige[n]?\s+(?:Gremium|Stelle|Behörde))")
_WRITTEN = re.compile(r"\b(schriftlich(?:e[nmrs]?)?|Schriftform|eigenhändig(?:e[nmrs]?)?|Unterschrift|"
                      r"unterschrieben|unterzeichnet|im\s+Original)\b")
_ELECTRONIC = re.compile(r"schriftlich(?:e[nmrs]?)?\s+oder\s+elektronisch|elektronisch(?:e[nmrs]?)?\s+oder\s+"
                         r"schriftlich|elektronische[nr]?\s+Form|elektronisch|qualifizierte[n]?\s+elektronische[n]?\s+"
                         r"(?:Signatur|Siegel)")
_DATA_LIST = re.compile(r"\b(?:Daten|Angaben|Halterdaten|Fahrzeugdaten|Nachweise?|Informationen)\b")


def _line(unit: NormUnit) -> int | None:
    return unit.line


def _finding(code: str, unit: NormUnit, file: str, **fields: str) -> Finding:
    check = AUDIT_CHECKS[code]
    return Finding(code=code, name=check.name, severity=check.severity, message=Text.of(check.explanation, **fields),
                   file=file, line=_line(unit), element=unit.address, citation=unit.citation)


def _short(text: str, width: int = 120) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _normal_item(text: str) -> str:
    text = re.sub(r"^(?:den|die|das|der|dem|des|eine[nrms]?)\s+", "", text.strip().lower())
    return re.sub(r"[\s,.;:]+$", "", re.sub(r"\s+(?:und|oder|sowie)$", "", text))


def audit(tree: NormTree, file: str) -> list[Finding]:
    """All audit findings of one law text."""
    findings: list[Finding] = []
    detections = detect_tree(tree)
    named: set[str] = set()  # Absätze (or §§ without Absätze) in which some Satz names an addressee
    for d in detections:
        if d.addressee:
            named.add(d.unit.address.rsplit("/", 1)[0])
    normative_sentences: set[str] = set()
    for d in detections:
        text = d.unit.text
        if d.normative:
            normative_sentences.add(d.unit.address)
        if d.modality in ("pflicht", "verbot") and not d.addressee and d.unit.address.rsplit("/", 1)[0] not in named:
            findings.append(_finding("LA001", d.unit, file, text=_short(text)))
        if d.normative:
            for term in dict.fromkeys(m.group(1) for m in _INDETERMINATE.finditer(text)):
                findings.append(_finding("LA002", d.unit, file, term=term))
        for term in dict.fromkeys(" ".join(m.group(1).split()) for m in _OPEN_COMPETENCE.finditer(text)):
            findings.append(_finding("LA003", d.unit, file, term=term))
        if d.normative and not _ELECTRONIC.search(text):
            for term in dict.fromkeys(m.group(1) for m in _WRITTEN.finditer(text)):
                findings.append(_finding("LA004", d.unit, file, term=term))
    seen: dict[str, list[NormUnit]] = defaultdict(list)
    for unit in iter_units(tree.units):
        if unit.kind != "S" or unit.address not in normative_sentences or not _DATA_LIST.search(unit.text):
            continue
        for item in unit.children:
            if item.kind == "Nr" and not item.children and 8 <= len(item.text) <= 160:
                seen[_normal_item(item.text)].append(item)
    for key, units in seen.items():
        places = {u.address.rsplit("/", 1)[0] for u in units}  # different Sätze (of one or several §§)
        if len(places) < 2:
            continue
        first = units[0]
        others = ", ".join(u.citation for u in units[1:])
        findings.append(_finding("LA005", first, file, item=key, others=others))
    return sorted(findings, key=lambda f: (f.line or 0, f.code))


def audit_result(trees: list[tuple[NormTree, str]], lang: Lang) -> CheckResult:
    """A rules-engine result (for the text/JSON/SARIF emitters) of auditing several texts."""
    from vollzug import __version__

    # the messages carry both languages; ``lang`` only selects the emitter's language
    files = tuple(FileResult(file=file, title=tree.title, law=tree.law, findings=tuple(audit(tree, file)))
                  for tree, file in trees)
    del lang  # the findings carry German and English; the emitter picks
    return CheckResult(tool_version=__version__, rules=tuple(AUDIT_CHECKS), files=files, summary=summarise(files))
