"""Fehlermeldungen auf Deutsch: the CLI's error line in the output language.

Library errors (:class:`vollzug.errors.VollzugError`) are worded in English where they are raised — they are also
API exceptions. The CLI prints them in the command's language: the location prefix (``Zeile``), and the message
through this catalogue of English patterns → German. A message no pattern knows is printed as it was written;
details quoted from third-party parsers (libxml2, PyYAML, pydantic) stay as those libraries wrote them, behind a
German lead-in.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from vollzug.diagnostics import Diagnostic
from vollzug.errors import VollzugError
from vollzug.i18n import Lang

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _p(pattern: str, make: Callable[[re.Match[str]], str]) -> _Rule:
    return re.compile(f"^{pattern}$", re.S), make


_NOUN: dict[str, str] = {"configuration": "Konfiguration", "deadline rules": "Fristregeln", "event log": "Ereignislog",
         "mapping": "Zuordnung", "format": "Format", "output format": "Ausgabeformat",
         "render format": "Zeichenformat", "synth format": "Synthese-Format", "diff mode": "Diff-Modus",
         "pairwise mode": "Paarvergleich-Modus", "preset": "Voreinstellung"}

_KIND_DE = {"a device": "ein Gerät", "a character device": "ein zeichenorientiertes Gerät",
            "a block device": "ein blockorientiertes Gerät", "a FIFO": "eine FIFO (benannte Pipe)",
            "a socket": "ein Socket", "a folder": "ein Ordner", "a symbolic link": "ein symbolischer Link",
            "not a regular file": "keine reguläre Datei"}

_RULES: list[_Rule] = [
    _p(r"refusing to write: the target is an input of this command(.*); inputs are never modified",
       lambda m: f"Schreiben verweigert: das Ziel ist eine Eingabe dieses Befehls{m[1]}; Eingaben werden nie "
                 "verändert"),
    _p(r"refusing to write: the target is (.+), not a regular file(.*)",
       lambda m: f"Schreiben verweigert: das Ziel ist {_KIND_DE.get(m[1], m[1])}, keine reguläre Datei{m[2]}"),
    _p(r"refusing to write: the target is a symbolic link to a missing file",
       lambda m: "Schreiben verweigert: das Ziel ist ein symbolischer Link auf eine fehlende Datei"),
    _p(r"refusing to write: the output folder is a file",
       lambda m: "Schreiben verweigert: der Ausgabeordner ist eine Datei"),
    _p(r"refusing to write: the output folder is (.+)",
       lambda m: f"Schreiben verweigert: der Ausgabeordner ist {_KIND_DE.get(m[1], m[1])}"),
    _p(r"refusing to replace the output folder: (.+); choose an empty or new folder",
       lambda m: f"Ausgabeordner wird nicht ersetzt: {m[1]}; bitte einen leeren oder neuen Ordner wählen"),
    _p(r"symbolic link loop \(too many levels of symbolic links\)",
       lambda m: "Schleife symbolischer Links (zu viele Verweisebenen)"),
    _p(r"not a regular file", lambda m: "keine reguläre Datei"),
    _p(r"cannot read: (.+)", lambda m: f"nicht lesbar: {m[1]}"),
    _p(r"file not found", lambda m: "Datei nicht gefunden"),
    _p(r"file or folder not found", lambda m: "Datei oder Ordner nicht gefunden"),
    _p(r"catalogue file not found", lambda m: "Katalogdatei nicht gefunden"),
    _p(r"configuration file not found", lambda m: "Konfigurationsdatei nicht gefunden"),
    _p(r"unsupported file type '(.*)' \(known: (.+)\)", lambda m: f"Dateityp „{m[1]}“ wird nicht unterstützt "
                                                                   f"(bekannt: {m[2]})"),
    _p(r"unsupported file type '(.*)' \(use (.+)\)", lambda m: f"Dateityp „{m[1]}“ wird nicht unterstützt "
                                                                 f"(möglich: {m[2]})"),
    _p(r"cannot write: (.+)", lambda m: f"kann nicht schreiben: {m[1]}"),
    _p(r"cannot read file: (.+)", lambda m: f"Datei nicht lesbar: {m[1]}"),
    _p(r"cannot read: (.+)", lambda m: f"nicht lesbar: {m[1]}"),
    _p(r"cannot read (configuration|deadline rules|event log|mapping): (.+)",
       lambda m: f"{_NOUN[m[1]]} nicht lesbar: {m[2]}"),
    _p(r"not UTF-8 \(byte (\d+)\)", lambda m: f"kein UTF-8 (Byte {m[1]})"),
    _p(r"not XML: the file is empty", lambda m: "kein XML: die Datei ist leer"),
    _p(r"not XML: (.+)", lambda m: f"kein XML: {m[1]}"),
    _p(r"not well-formed XML: (.+)", lambda m: f"kein wohlgeformtes XML: {m[1]}"),
    _p(r"not a BPMN 2\.0 file: root element is <(.+)>, expected BPMN 2\.0 <definitions>",
       lambda m: f"keine BPMN-2.0-Datei: Wurzelelement ist <{m[1]}>, erwartet wird BPMN 2.0 <definitions>"),
    _p(r"not a BPMN 2\.0 file: (.+)", lambda m: f"keine BPMN-2.0-Datei: {m[1]}"),
    _p(r"root element is not bpmn:definitions", lambda m: "Wurzelelement ist nicht bpmn:definitions"),
    _p(r"refused: (.+)", lambda m: f"abgelehnt: {_de(m[1])}"),
    _p(r"document type declaration is not allowed in input files",
       lambda m: "Dokumenttyp-Deklarationen (DOCTYPE) sind in Eingabedateien nicht erlaubt"),
    _p(r"(\d+) elements, more than the limit of (\d+)", lambda m: f"{m[1]} Elemente, mehr als die Grenze von {m[2]}"),
    _p(r"elements nested deeper than (\d+) levels", lambda m: f"Elemente tiefer als {m[1]} Ebenen verschachtelt"),
    _p(r"file is (.+) MB, larger than the limit of (.+) MB",
       lambda m: f"Datei hat {m[1].replace('.', ',')} MB, mehr als die Grenze von {m[2]} MB"),
    _p(r"file larger than (\d+) MiB \((\d+) bytes\)", lambda m: f"Datei größer als {m[1]} MiB ({m[2]} Bytes)"),
    _p(r"DTDs and entities are not allowed in event logs",
       lambda m: "DTDs und Entitäten sind in Ereignislogs nicht erlaubt"),
    _p(r"YAML syntax error: (.+)", lambda m: f"YAML-Syntaxfehler: {m[1]}"),
    _p(r"YAML error: (.+)", lambda m: f"YAML-Fehler: {m[1]}"),
    _p(r"invalid YAML: (.+)", lambda m: f"ungültiges YAML: {m[1]}"),
    _p(r"invalid TOML: (.+)", lambda m: f"ungültiges TOML: {m[1]}"),
    _p(r"YAML tag '(.+)' is not allowed", lambda m: f"YAML-Tag „{m[1]}“ ist nicht erlaubt"),
    _p(r"YAML nested deeper than (\d+) levels", lambda m: f"YAML tiefer als {m[1]} Ebenen verschachtelt"),
    _p(r"YAML nested too deeply", lambda m: "YAML zu tief verschachtelt"),
    _p(r"duplicate key '(.+)'", lambda m: f"Schlüssel „{m[1]}“ doppelt"),
    _p(r"mapping key (.+) is not a string", lambda m: f"Schlüssel {m[1]} ist keine Zeichenkette"),
    _p(r"empty document", lambda m: "leeres Dokument"),
    _p(r"top level must be a mapping \(an operational model\)",
       lambda m: "oberste Ebene muss eine Zuordnung sein (ein Prozessmodell)"),
    _p(r"duplicate id '(.+)': cannot convert to a model with unique ids",
       lambda m: f"Id „{m[1]}“ doppelt: kein Modell mit eindeutigen Ids möglich"),
    _p(r"output is the input file; inputs are never modified",
       lambda m: "die Ausgabe ist die Eingabedatei; Eingaben werden nie verändert"),
    _p(r"output must end in one of (.+)", lambda m: f"die Ausgabe muss auf eine dieser Endungen enden: {m[1]}"),
    _p(r"cannot convert (\S+) to (\S+)", lambda m: f"{m[1]} lässt sich nicht in {m[2]} umwandeln"),
    _p(r"-o/--output needs exactly one input file", lambda m: "-o/--output braucht genau eine Eingabedatei"),
    _p(r"at least one --reference SOLL model is needed", lambda m: "mindestens ein --reference-SOLL-Modell nötig"),
    _p(r"give MODELS, --log TOWN=LOG, or both", lambda m: "MODELS, --log KOMMUNE=LOG oder beides angeben"),
    _p(r"unknown (format|output format|render format|synth format|diff mode|pairwise mode|preset) '(.*)' (.+)",
       lambda m: f"{_NOUN[m[1]]} „{m[2]}“ unbekannt {_known(m[3])}"),
    _p(r"unknown rule '(.+)' \(see 'vollzug rules'\)", lambda m: f"Regel „{m[1]}“ unbekannt (siehe „vollzug rules“)"),
    _p(r"(.+): '(.+)' matches no rule \(see 'vollzug rules'\)",
       lambda m: f"{m[1]}: „{m[2]}“ passt zu keiner Regel (siehe „vollzug rules“)"),
    _p(r"unknown catalogue (.+) \(known: (.+)\)", lambda m: f"Katalog {m[1]} unbekannt (bekannt: {m[2]})"),
    _p(r"unknown municipality (.+) \(give an AGS or a name from the master data\)",
       lambda m: f"Kommune {m[1]} unbekannt (AGS oder einen Namen aus den Stammdaten angeben)"),
    _p(r"municipality (.+) is ambiguous: (.+); use the AGS",
       lambda m: f"Kommune {m[1]} ist mehrdeutig: {m[2]}; bitte den AGS angeben"),
    _p(r"event log has no events", lambda m: "das Ereignislog enthält keine Ereignisse"),
    _p(r"empty case id", lambda m: "leere Fall-Id"),
    _p(r"unreadable timestamp '(.+)'", lambda m: f"Zeitstempel „{m[1]}“ nicht lesbar"),
    _p(r"the model needs a start event and an end event for conformance checking",
       lambda m: "für die Konformitätsprüfung braucht das Modell ein Start- und ein Endereignis"),
    _p(r"Graphviz failed: (.+)", lambda m: f"Graphviz fehlgeschlagen: {m[1]}"),
    _p(r"rendering needs the Graphviz program 'dot'\. (.+)",
       lambda m: f"zum Zeichnen wird das Graphviz-Programm „dot“ gebraucht. {m[1]}"),
    # authoring checks (vollzug build)
    _p(r"id '(.+)' is used by (\d+) elements", lambda m: f"Id „{m[1]}“ wird von {m[2]} Elementen benutzt"),
    _p(r"parent org unit '(.+)' does not exist", lambda m: f"übergeordnete Organisationseinheit „{m[1]}“ fehlt"),
    _p(r"stakeholder '(.+)' does not exist", lambda m: f"Beteiligte/r „{m[1]}“ existiert nicht"),
    _p(r"sequence flow end '(.+)' is not a step", lambda m: f"Ende „{m[1]}“ des Sequenzflusses ist kein Schritt"),
    _p(r"an event cannot have a default flow", lambda m: "ein Ereignis kann keinen Standardfluss haben"),
    _p(r"message flow end '(.+)' is neither a step nor a pool",
       lambda m: f"Ende „{m[1]}“ des Nachrichtenflusses ist weder Schritt noch Pool"),
    _p(r"a data association links one step and one data object",
       lambda m: "eine Datenassoziation verbindet einen Schritt mit einem Datenobjekt"),
    _p(r"annotated element '(.+)' does not exist", lambda m: f"kommentiertes Element „{m[1]}“ existiert nicht"),
    _p(r"(.+) parents form a cycle: (.+)", lambda m: f"Zyklus der übergeordneten Elemente ({m[1]}): {m[2]}"),
    _p(r"lane \(org unit\) '(.+)' does not exist", lambda m: f"Lane (Organisationseinheit) „{m[1]}“ existiert nicht"),
    _p(r"pool '(.+)' does not exist", lambda m: f"Pool „{m[1]}“ existiert nicht"),
    _p(r"parent '(.+)' is not a sub-process", lambda m: f"übergeordnetes Element „{m[1]}“ ist kein Teilprozess"),
    _p(r"boundary event must be attached to an activity \(event\.attached_to\)",
       lambda m: "ein angeheftetes Ereignis braucht eine Aktivität (event.attached_to)"),
    # semantic checks of vollzug validate (SM…) and reader warnings
    _p(r"duplicate id '(.+)'", lambda m: f"Id „{m[1]}“ doppelt"),
    _p(r"lane refers to missing flow node '(.+)'", lambda m: f"Lane verweist auf fehlenden Flussknoten „{m[1]}“"),
    _p(r"(\w+) refers to unknown id '(.+)'", lambda m: f"{m[1]} verweist auf unbekannte Id „{m[2]}“"),
    _p(r"sequence flow (source|target) '(.+)' is a (.+), not a flow node",
       lambda m: f"{'Quelle' if m[1] == 'source' else 'Ziel'} „{m[2]}“ des Sequenzflusses ist ein {m[3]}, "
                 "kein Flussknoten"),
    _p(r"sequence flow crosses a process or sub-process boundary (.+)",
       lambda m: f"Sequenzfluss überschreitet eine Prozess- oder Teilprozessgrenze {m[1]}"),
    _p(r"message flow connects two elements of the same pool",
       lambda m: "Nachrichtenfluss verbindet zwei Elemente desselben Pools"),
    _p(r"XSD: (.+)", lambda m: f"XSD: {m[1]}"),
    _p(r"unknown BPMN element <(.+)> kept as is",
       lambda m: f"unbekanntes BPMN-Element <{m[1]}> unverändert übernommen"),
    _p(r"foreign element <(.+)> \((.+)\) outside extensionElements kept as is",
       lambda m: f"fremdes Element <{m[1]}> ({m[2]}) außerhalb von extensionElements unverändert übernommen"),
    _p(r"invalid (dc:Bounds|di:waypoint) values", lambda m: f"ungültige {m[1]}-Werte"),
    _p(r"invalid vz:(\S+) extension ignored: (.+)", lambda m: f"ungültige Erweiterung vz:{m[1]} ignoriert: {m[2]}"),
    _p(r"<(.+)> is not modelled as a step", lambda m: f"<{m[1]}> wird nicht als Schritt abgebildet"),
    _p(r"bpmnElement refers to unknown id '(.+)'", lambda m: f"bpmnElement verweist auf unbekannte Id „{m[1]}“"),
    # pydantic validation of models: "<path>: <pydantic message> (and N more)"
    _p(r"(.+): (Field required|Extra inputs are not permitted|Input should be .+?)( \(and (\d+) more\))?",
       lambda m: f"{m[1]}: {_pydantic(m[2])}" + (f" (und {m[4]} weitere)" if m[4] else "")),
]

_PYDANTIC: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Field required$"), "Pflichtfeld fehlt"),
    (re.compile(r"^Extra inputs are not permitted$"), "unbekanntes Feld"),
    (re.compile(r"^Input should be a valid string$"), "muss Text sein"),
    (re.compile(r"^Input should be a valid integer.*$"), "muss eine ganze Zahl sein"),
    (re.compile(r"^Input should be a valid number.*$"), "muss eine Zahl sein"),
    (re.compile(r"^Input should be a valid boolean.*$"), "muss ja/nein (true/false) sein"),
    (re.compile(r"^Input should be a valid date.*$"), "muss ein Datum sein (JJJJ-MM-TT)"),
    (re.compile(r"^Input should be a valid (list|tuple|array)$"), "muss eine Liste sein"),
    (re.compile(r"^Input should be a valid dictionary.*$"), "muss eine Zuordnung sein"),
    (re.compile(r"^Input should be (greater|less) than (or equal to )?(.+)$"), ""),
    (re.compile(r"^Input should be (.+)$"), "muss {0} sein"),
]


def _pydantic(message: str) -> str:
    for pattern, german in _PYDANTIC:
        found = pattern.match(message)
        if not found:
            continue
        if pattern.pattern.startswith("^Input should be (greater"):
            op = {"greater": "größer", "less": "kleiner"}[found[1]]
            return f"muss {op} als {'oder gleich ' if found[2] else ''}{found[3]} sein"
        if "{0}" in german:
            return german.format(found[1].replace(" or ", " oder "))
        return german
    return message


def _known(rest: str) -> str:
    return rest.replace("(known: ", "(bekannt: ")


def _de(message: str) -> str:
    for pattern, make in _RULES:
        found = pattern.match(message.strip())
        if found:
            return make(found)
    return message


def translate(message: str, lang: Lang) -> str:
    """An English library message in ``lang`` (German through the catalogue; English unchanged)."""
    return _de(message) if lang == "de" else message


def error_line(exc: VollzugError, lang: Lang) -> str:
    """``file:line: [element] message`` in ``lang``."""
    if lang != "de":
        return str(exc)
    where = ""
    if exc.file:
        where = exc.file + (f":{exc.line}" if exc.line else "") + ": "
    elif exc.line:
        where = f"Zeile {exc.line}: "
    element = f"[{exc.element}] " if exc.element else ""
    return f"{where}{element}{translate(exc.message, lang)}"


def diagnostic(problem: Diagnostic, lang: Lang) -> Diagnostic:
    """A validation diagnostic with its message and severity word in ``lang``."""
    if lang != "de":
        return problem
    return dataclasses.replace(problem, message=translate(problem.message, lang))


_SEVERITY_DE = {"warning": "Warnung", "info": "Hinweis", "error": "Fehler"}


def severity_word(line: str, severity: str, lang: Lang) -> str:
    """The ``warning:``/``info:`` word of a problem line in ``lang``."""
    if lang != "de" or severity == "error":
        return line
    return line.replace(f"{severity}: ", f"{_SEVERITY_DE[severity]}: ", 1)
