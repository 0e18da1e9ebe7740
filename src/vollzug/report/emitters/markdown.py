"""Markdown emitter for wikis: overview, status matrix, closest towns and gaps per town (text escaped)."""

from __future__ import annotations

from collections.abc import Iterable

from vollzug.compare.results import DIMENSIONS, ComparisonSet
from vollzug.i18n import Lang, Msg
from vollzug.locale import format_datetime, format_decimal, format_number
from vollzug.output.markdown import escape
from vollzug.report import excluded
from vollzug.report.labels import DIMENSION, STATUS, gap_name, t
from vollzug.report.logs import flag, markdown_lines

_WORDING = Msg("Wortlaut der zitierten Normen", "Wording of the cited norms")
_SYMBOL = {"covered": "✓", "deviating": "~", "missing": "✗", "not_applicable": "–"}


md = escape
"""Escape text for a Markdown table cell or heading (:func:`vollzug.output.markdown.escape`)."""


def _table(header: Iterable[object], rows: Iterable[Iterable[object]]) -> list[str]:
    head = [md(h) for h in header]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines.extend("| " + " | ".join(md(c) for c in row) + " |" for row in rows)
    return [*lines, ""]


def emit(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``report.md``."""
    generated = format_datetime(result.generated, lang)
    out = [f"# {t('doc_title', lang)}", "", f"{t('generated', lang)}: {md(generated)}", ""]
    if result.excluded:
        out += [f"> **⚠ {md(excluded.TITLE(lang))}** — {md(excluded.INTRO(lang, n=len(result.excluded)))}", ""]
        out += _table([m(lang) for m in (excluded.FILE, excluded.LINE, excluded.REASON)],
                      [[x.file, x.line or "", x.reason] for x in result.excluded])
    for c in result.comparisons:
        out += [f"## {md(t('title', lang, law=c.law))}", "", f"{t('reference', lang)}: {md(c.reference)}", ""]
        out += _table([t("town", lang), t("population", lang), t("similarity", lang),
                       *(STATUS[s](lang) for s in STATUS), t("gaps", lang), t("fte", lang)],
                      [[x.name + (f" ({flag(x, lang)})" if x.from_log else ""),
                        format_number(x.population, lang) if x.population else "–",
                        format_decimal(x.similarity.overall, lang),
                        *(x.counts.get(s, 0) for s in STATUS), len(x.gaps), format_decimal(x.fte, lang)]
                       for x in c.towns])
        out += [f"### {md(t('matrix', lang))}", "",
                " · ".join(f"{_SYMBOL[s]} {STATUS[s](lang)}" for s in STATUS), ""]
        out += _table([t("obligation", lang), *(x.name for x in c.towns)],
                      [[o.id, *(_SYMBOL[x.cells[i].status] for x in c.towns)] for i, o in enumerate(c.obligations)])
        out += [f"### {md(t('closest', lang))}", ""]
        by_key = {x.key: x for x in c.towns}
        out += _table([t("town", lang), *(DIMENSION[d](lang) for d in ("overall", *DIMENSIONS))],
                      [[by_key[k].name, *(format_decimal(getattr(by_key[k].similarity, d), lang)
                                         for d in ("overall", *DIMENSIONS))]
                       for k in c.closest[:10]])
        if c.norm_texts:
            out += [f"### {md(_WORDING(lang))}", ""]
            for cited in c.norm_texts:  # a quote block per cited norm
                out += [f"> **{md(cited.citation)}** ({md(cited.law)} {md(cited.version)})", ">"]
                out += [f"> {md(line)}" for line in cited.text.splitlines()] + [""]
        for x in c.towns:
            out += [f"### {md(x.name)}", ""]
            out += _table([t("category", lang), "", t("norm", lang), t("message", lang), t("element", lang)],
                          [[g.category, gap_name(g.category, lang), g.citation, g.message.get(lang), g.element or ""]
                           for g in sorted(x.gaps, key=lambda g: g.category)]) if x.gaps else [t("none", lang), ""]
            if x.log is not None:
                out += markdown_lines(x, lang)
    from vollzug.report.emitters.actions import markdown as actions_md

    return {"report.md": "\n".join(out).encode("utf-8"), **actions_md(result, lang)}
