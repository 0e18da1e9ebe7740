"""Markdown output: a summary by rule family, then one table per file."""

from __future__ import annotations

from collections import Counter

from vollzug.i18n import Lang, Msg
from vollzug.lint.emit._labels import SUMMARY, SUPPRESSED, severity
from vollzug.lint.finding import CheckResult
from vollzug.lint.registry import FAMILIES
from vollzug.output.markdown import escape

_TITLE = Msg("# Prüfbericht", "# Check report")
_FAMILY = Msg("| Familie | Befunde |\n|---|---:|", "| Family | Findings |\n|---|---:|")
_HEAD = Msg("| Schwere | Code | Regel | Element | Zeile | Meldung | Lücke |",
            "| Severity | Code | Rule | Element | Line | Message | Gap |")
_CLEAN = Msg("Keine Befunde.", "No findings.")


_cell = escape


def emit(result: CheckResult, lang: Lang = "de") -> str:
    """Render the result as Markdown."""
    out = [_TITLE(lang), "", SUMMARY(lang, **result.summary), ""]
    families = Counter(f.code[:2] for f in result.findings if not f.suppressed)
    if families:
        out += [_FAMILY(lang)]
        out += [f"| {code} {FAMILIES.get(code, (code, code))[0 if lang == 'de' else 1]} | {n} |"
                for code, n in sorted(families.items())]
        out.append("")
    for file in result.files:
        out += [f"## {escape(file.file)}", ""]
        if file.title:
            out += [f"*{_cell(file.title)}*", ""]
        if not file.findings:
            out += [_CLEAN(lang), ""]
            continue
        out += [_HEAD(lang), "|---|---|---|---|---:|---|---|"]
        for f in file.findings:
            message = f.message.get(lang) + (f" ({f.citation})" if f.citation else "")
            if f.suppressed:
                cell = f"~~{_cell(message)}~~ {_cell(SUPPRESSED(lang))}: {_cell(f.suppression_reason)}"
            else:
                cell = _cell(message)
            out.append(f"| {severity(f.severity, lang)} | {_cell(f.code)} | {_cell(f.name)} | "
                       f"{_cell(f.element or '')} | {f.line or ''} | {cell} | {_cell(f.gap or '')} |")
        out.append("")
    return "\n".join(out)
