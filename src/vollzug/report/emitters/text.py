"""Text emitter (terminal summary of ``vollzug compare``)."""

from __future__ import annotations

from vollzug.compare.results import ComparisonSet
from vollzug.i18n import Lang
from vollzug.locale import format_decimal
from vollzug.report import excluded
from vollzug.report.labels import DIMENSION, STATUS, t


def emit(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``report.txt``: per law, one line per town, closest first."""
    lines: list[str] = excluded.text_lines(result, lang)
    for c in result.comparisons:
        lines.append(f"{t('title', lang, law=c.law)} – {t('reference', lang)}: {c.reference}")
        by_key = {x.key: x for x in c.towns}
        width = max((len(x.name) for x in c.towns), default=10)
        header = "  ".join(f"{STATUS[s](lang):>10}" for s in STATUS)
        sim = DIMENSION["overall"](lang)
        lines.append(f"{t('town', lang):<{width}}  {sim:>10}  {header}  {t('gaps', lang):>6}")
        for key in c.closest:
            x = by_key[key]
            counts = "  ".join(f"{x.counts.get(s, 0):>10}" for s in STATUS)
            sim_text = format_decimal(x.similarity.overall, lang)
            lines.append(f"{x.name:<{width}}  {sim_text:>10}  {counts}  {len(x.gaps):>6}")
        lines.append("")
    lines.extend(f"{t('skipped', lang)}: {s.get(lang)}" for s in result.skipped)
    return {"report.txt": ("\n".join(lines) + "\n").encode("utf-8")}
