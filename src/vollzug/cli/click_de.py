"""Click's usage errors in German: click words its messages in English only, so the German CLI translates the
handful of messages a user meets (missing/unknown options, bad values, missing paths) by pattern; anything else
stays as click wrote it."""

from __future__ import annotations

import re
from collections.abc import Callable

from vollzug.i18n import Lang

_KIND = {"File": "Datei", "Directory": "Ordner", "Path": "Pfad", "file": "Datei", "directory": "Ordner",
         "path": "Pfad"}

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _rules() -> list[_Rule]:
    return [
        (re.compile(r"^Missing option (.+)\.$", re.S), lambda m: f"Option {m[1]} fehlt."),
        (re.compile(r"^Missing argument (.+)\.$", re.S), lambda m: f"Argument {m[1]} fehlt."),
        (re.compile(r"^Missing command\.$"), lambda m: "Befehl fehlt."),
        (re.compile(r"^No such option: (\S+)(?: Did you mean (.+)\?)?$", re.S),
         lambda m: f"Unbekannte Option: {m[1]}" + (f" Meinten Sie {m[2]}?" if m[2] else "")),
        (re.compile(r"^No such option '(.+)'\.$"), lambda m: f"Unbekannte Option: {m[1]}"),
        (re.compile(r"^No such command '(.+)'\.$"), lambda m: f"Unbekannter Befehl „{m[1]}“."),
        (re.compile(r"^Invalid value for (.+?): (.+)$", re.S), lambda m: f"Ungültiger Wert für {m[1]}: {_de(m[2])}"),
        (re.compile(r"^Invalid value: (.+)$", re.S), lambda m: f"Ungültiger Wert: {_de(m[1])}"),
        (re.compile(r"^(File|Directory|Path) (.+) does not exist\.$", re.S),
         lambda m: f"{_KIND[m[1]]} {m[2]} existiert nicht."),
        (re.compile(r"^(File|Directory|Path) (.+) is a (file|directory)\.$", re.S),
         lambda m: f"{_KIND[m[1]]} {m[2]} ist ein{'e' if m[3] == 'file' else ''} {_KIND[m[3]]}."),
        (re.compile(r"^(File|Directory|Path) (.+) is not (readable|writable)\.$", re.S),
         lambda m: f"{_KIND[m[1]]} {m[2]} ist nicht {'lesbar' if m[3] == 'readable' else 'beschreibbar'}."),
        (re.compile(r"^(.+) is not one of (.+)\.$", re.S), lambda m: f"{m[1]} ist nicht einer der Werte {m[2]}."),
        (re.compile(r"^(.+) is not a valid integer( range)?\.$"), lambda m: f"{m[1]} ist keine ganze Zahl."),
        (re.compile(r"^(.+) is not a valid float( range)?\.$"), lambda m: f"{m[1]} ist keine Zahl."),
        (re.compile(r"^(.+) is not in the range (.+)\.$"), lambda m: f"{m[1]} liegt nicht im Bereich {m[2]}."),
        (re.compile(r"^Option (.+) requires an argument\.$"), lambda m: f"Option {m[1]} braucht einen Wert."),
        (re.compile(r"^Option (.+) requires (\d+) arguments\.$"), lambda m: f"Option {m[1]} braucht {m[2]} Werte."),
        (re.compile(r"^Got unexpected extra arguments? \((.+)\)$", re.S),
         lambda m: f"Unerwartete zusätzliche Argumente ({m[1]})"),
        (re.compile(r"^Could not open file (.+): (.+)$", re.S),
         lambda m: f"Datei {m[1]} lässt sich nicht öffnen: {m[2]}"),
    ]


_RULES = _rules()


def _de(message: str) -> str:
    for pattern, replace in _RULES:
        found = pattern.match(message.strip())
        if found:
            return replace(found)
    return message


def translate(message: str, lang: Lang) -> str:
    """Click's English message in ``lang`` (German by pattern; English unchanged)."""
    return _de(message) if lang == "de" else message


def usage(text: str, lang: Lang) -> str:
    """``Usage: …`` of click in ``lang``."""
    return "Aufruf:" + text[len("Usage:"):] if lang == "de" and text.startswith("Usage:") else text
