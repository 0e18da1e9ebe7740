"""Text output: one line per finding, ``file:line: CODE [element] message``, then a summary."""

from __future__ import annotations

from vollzug.i18n import Lang
from vollzug.lint.emit._labels import SUMMARY, SUPPRESSED, severity
from vollzug.lint.finding import CheckResult


def emit(result: CheckResult, lang: Lang = "de") -> str:
    """Render findings as plain text lines."""
    lines: list[str] = []
    for f in result.findings:
        where = (f.file or "-") + (f":{f.line}" if f.line else "")
        element = f" [{f.element}]" if f.element else ""
        cite = f" ({f.citation})" if f.citation else ""
        line = f"{where}: {f.code} {severity(f.severity, lang)}{element} {f.message.get(lang)}{cite} [{f.name}]"
        if f.suppressed:
            line += f" – {SUPPRESSED(lang)}: {f.suppression_reason}"
        lines.append(line)
    lines.append(SUMMARY(lang, **result.summary))
    return "\n".join(lines) + "\n"
