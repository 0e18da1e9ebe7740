"""Ausgeschlossene Dateien: how every report format says, prominently, which input files could not be read.

HTML and Markdown put the list first (before the overview), text output at the top, CSV and XLSX get an
``excluded`` table (columns ``file``, ``line``, ``reason``), JSON has :attr:`ComparisonSet.excluded`.
"""

from __future__ import annotations

from vollzug.compare.results import ComparisonSet
from vollzug.i18n import Lang, Msg
from vollzug.report.html.markup import Markup, el

TITLE = Msg("Ausgeschlossene Dateien (nicht lesbar)", "Excluded files (unreadable)")
INTRO = Msg("{n} Eingabedatei(en) konnten nicht gelesen werden und fehlen in diesem Bericht. Die Ergebnisse "
            "sind unvollständig.",
            "{n} input file(s) could not be read and are missing from this report. The results are incomplete.")
FILE, LINE, REASON = Msg("Datei", "File"), Msg("Zeile", "Line"), Msg("Grund", "Reason")
_STYLE = "border:3px solid #b00020;background:#fff0f0;padding:0.5em 1em;margin:1em 0"


def html_section(result: ComparisonSet, lang: Lang) -> Markup | None:
    """A highlighted section listing the excluded files (None if there are none)."""
    if not result.excluded:
        return None
    rows = [el("tr", None, el("td", None, el("code", None, x.file)), el("td", None, x.line or ""),
               el("td", None, x.reason)) for x in result.excluded]
    return el("section", {"class": "excluded", "role": "alert", "id": "excluded", "style": _STYLE},
              el("h2", None, TITLE(lang)), el("p", None, el("strong", None, INTRO(lang, n=len(result.excluded)))),
              el("table", None, el("thead", None, el("tr", None, [el("th", None, h(lang)) for h in (FILE, LINE,
                                                                                                  REASON)])),
                 el("tbody", None, rows)))


def text_lines(result: ComparisonSet, lang: Lang) -> list[str]:
    """``TITLE:`` and one ``file:line: reason`` line per file (empty if none)."""
    if not result.excluded:
        return []
    lines = [f"{TITLE(lang)}: {INTRO(lang, n=len(result.excluded))}"]
    lines += [f"  {x.file}:{x.line}: {x.reason}" if x.line else f"  {x.file}: {x.reason}" for x in result.excluded]
    return [*lines, ""]
