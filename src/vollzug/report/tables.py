"""Tabellen: the matrices of a comparison as plain rows (shared by the CSV and XLSX emitters).

Every table about towns is keyed by the town's AGS (Amtlicher Gemeindeschlüssel, text with its leading zero;
empty for a model without one) and its name, in the first two columns ``AGS`` and the town column (``Kommune`` /
``Town``). The two wide tables name the towns in their header row (``matrix``: obligation × town, ``similarity``:
town × town, whose rows are keyed by AGS + name); their long forms keyed by AGS are ``cells`` and the town rows of
``towns``. Column names are listed in docs/reports.md and stay stable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from vollzug.compare.results import DIMENSIONS, Comparison, ComparisonSet
from vollzug.i18n import Lang
from vollzug.report.labels import DIMENSION, STATUS, gap_name, t

Cell = str | int | float | None


@dataclass(frozen=True)
class Sheet:
    """One matrix: a name (file/sheet name), header and rows."""

    name: str
    header: list[str]
    rows: list[list[Cell]]


def sheets(comparison: Comparison, lang: Lang) -> Iterator[Sheet]:
    """All matrices of one comparison, prefixed with the law id."""
    law = comparison.law.lower()
    towns = comparison.towns
    groups = comparison.clustering.groups if comparison.clustering else {}
    by_key = {x.key: x for x in towns}
    yield Sheet(f"{law}-towns", ["AGS", t("town", lang), t("kind", lang), t("population", lang),
                                 *(DIMENSION[d](lang) for d in ("overall", *DIMENSIONS)),
                                 *(STATUS[s](lang) for s in STATUS), t("gaps", lang), t("fte", lang),
                                 t("eur", lang), t("cluster", lang), t("synthetic", lang), t("path", lang)],
                [[x.ags, x.name, x.kind, x.population, *(getattr(x.similarity, d) for d in ("overall", *DIMENSIONS)),
                  *(x.counts.get(s, 0) for s in STATUS), len(x.gaps), x.fte, x.eur, groups.get(x.key),
                  x.synthetic, x.path] for x in towns])
    yield Sheet(f"{law}-matrix", [t("obligation", lang), *(x.name for x in towns)],
                [[info.id, *(x.cells[i].status for x in towns)] for i, info in enumerate(comparison.obligations)])
    yield Sheet(f"{law}-cells", ["AGS", t("town", lang), t("obligation", lang), t("status", lang),
                                 t("responsible", lang), "RACI", t("fte", lang), t("eur", lang), t("it", lang),
                                 t("stakeholders", lang),
                                 t("notified", lang), t("reason", lang)],
                [[x.ags, x.name, c.obligation, c.status, c.responsible_name, " ".join(c.raci), c.fte, c.eur,
                  ", ".join(c.it_systems), ", ".join(c.stakeholders), c.notified,
                  "; ".join(r.get(lang) for r in c.reasons)]
                 for x in towns for c in x.cells])
    yield Sheet(f"{law}-gaps", ["AGS", t("town", lang), t("category", lang), "", t("norm", lang), t("message", lang),
                                t("element", lang), t("code", lang), t("source", lang)],
                [[x.ags, x.name, g.category, gap_name(g.category, lang), g.citation, g.message.get(lang), g.element,
                  g.code, g.source] for x in towns for g in x.gaps])
    if comparison.similarity is not None:
        names = {x.key: x.name for x in towns}
        keys = comparison.similarity.towns
        yield Sheet(f"{law}-similarity", ["AGS", t("town", lang), *(names.get(k, k) for k in keys)],
                    [[by_key[k].ags if k in by_key else "", names.get(k, k), *row]
                     for k, row in zip(keys, comparison.similarity.overall, strict=True)])
    yield Sheet(f"{law}-resources", ["AGS", t("town", lang), t("unit", lang), t("fte", lang), t("eur", lang),
                                     t("it", lang)],
                [[x.ags, x.name, u.name, u.fte, u.eur, ", ".join(u.it_systems)] for x in towns for u in x.units])
    yield Sheet(f"{law}-raci", ["AGS", t("town", lang), t("unit", lang), t("step", lang), "RACI"],
                [[x.ags, x.name, name, step_name or step_id, x.raci.letters[i][j]]
                 for x in towns if x.raci is not None
                 for i, (_u, name) in enumerate(x.raci.units)
                 for j, (step_id, step_name) in enumerate(x.raci.steps) if x.raci.letters[i][j]])
    yield Sheet(f"{law}-outliers", ["AGS", t("town", lang), t("obligation", lang), t("reason", lang)],
                [[by_key[o.town].ags if o.town in by_key else "", by_key[o.town].name if o.town in by_key else o.town,
                  o.obligation, o.reason.get(lang)] for o in comparison.outliers])


EXCLUDED_COLUMNS = ("file", "line", "reason")
"""Columns of the ``excluded`` table (input files that could not be read)."""


def result_sheets(result: ComparisonSet, lang: Lang) -> Iterator[Sheet]:
    """Every table of a run: those of each comparison, then ``excluded`` if input files could not be read."""
    for comparison in result.comparisons:
        yield from sheets(comparison, lang)
    if result.excluded:
        yield Sheet("excluded", list(EXCLUDED_COLUMNS), [[x.file, x.line, x.reason] for x in result.excluded])
