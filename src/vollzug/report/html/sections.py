"""Sections of the HTML report: district overview (tables, heat-maps, dendrogram) and one section per town."""

from __future__ import annotations

from collections import Counter

from vollzug.compare.clustering import dendrogram_svg
from vollzug.compare.results import DIMENSIONS, Comparison, ObligationCell, TownResult
from vollzug.glossary import term
from vollzug.i18n import Lang
from vollzug.locale import format_decimal, format_number
from vollzug.report.changes import change_label, readable_detail
from vollzug.report.context import ReportContext
from vollzug.report.diagram import diagram_svg
from vollzug.report.html import diagrams
from vollzug.report.html.markup import Markup, el, table
from vollzug.report.labels import DIMENSION, STATUS, gap_name, t
from vollzug.report.logs import flag, log_section

HEATMAP_PAIRWISE_LIMIT = 80
"""Town × town heat-map only up to this many towns (the JSON/XLSX always hold the matrix)."""
PER_TOWN_LIMIT = 400
"""Town sections are written for at most this many towns (the overview lists all)."""



def _stakeholders(cell: ObligationCell, lang: Lang) -> str:
    """Stakeholder kinds involved, in the report language (glossary), ids where the glossary has none."""
    return ", ".join(term(f"stakeholder.{kind}", lang, default=kind) for kind in cell.stakeholders)

def anchor(comparison: Comparison, key: str) -> str:
    """Id of a town section."""
    return f"{comparison.law.lower()}-{key}"


def num(value: float | int | None, lang: Lang, digits: int = 2) -> tuple[str, dict[str, object]]:
    """A right-aligned number cell in the language's format and a machine sort key."""
    if value is None:
        return "–", {"class": "num", "data-sort": ""}
    text = format_decimal(value, lang, digits) if digits else format_number(value, lang)
    return text, {"class": "num", "data-sort": f"{value}"}


def badge(status: str, lang: Lang) -> Markup:
    """A coloured status label."""
    return el("span", {"class": f"badge s-{status}"}, STATUS[status](lang))


def legend(lang: Lang) -> Markup:
    """Colour legend of the status heat-map."""
    return el("p", {"class": "legend"}, [el("span", None, el("i", {"class": f"s-{s}"}), STATUS[s](lang))
                                         for s in STATUS])


def town_href(comparison: Comparison, key: str, split: bool) -> str:
    """Link to a town: its section on the page, or its own page ``towns/<law>-<key>.html`` in a split report."""
    return f"towns/{anchor(comparison, key)}.html" if split else f"#{anchor(comparison, key)}"


def overview(comparison: Comparison, lang: Lang, split: bool = False) -> Markup:
    """Overview of one law: towns table, status heat-map, similarity, dendrogram, closest towns, outliers."""
    law = comparison.law.lower()
    groups = comparison.clustering.groups if comparison.clustering else {}
    rows = []
    for town in comparison.towns:
        rows.append([
            el("a", {"href": town_href(comparison, town.key, split)}, town.name),
            term(f"municipality_kind.{town.kind}", lang, default=town.kind), num(town.population, lang, 0),
            num(town.similarity.overall, lang),
            num(town.counts.get("covered", 0), lang, 0), num(town.counts.get("deviating", 0), lang, 0),
            num(town.counts.get("missing", 0), lang, 0), num(town.counts.get("not_applicable", 0), lang, 0),
            num(len(town.gaps), lang, 0), num(town.fte, lang), num(town.eur, lang, 0), groups.get(town.key, "–"),
            " · ".join(x for x in (t("synthetic", lang) if town.synthetic else "", flag(town, lang)) if x),
        ])
    headers = [t("town", lang), t("kind", lang), t("population", lang), t("similarity", lang),
               *(STATUS[s](lang) for s in STATUS), t("gaps", lang), t("fte", lang), t("eur", lang),
               t("cluster", lang), ""]
    parts: list[object] = [
        el("h2", {"id": f"{law}-overview"}, t("title", lang, law=comparison.law)),
        el("p", {"class": "muted"}, t("reference", lang), ": ", comparison.reference_title or comparison.reference,
           " (", comparison.reference, ")"),
        el("h3", None, t("overview", lang)),
        table(headers, rows, table_id=f"{law}-towns", filter_label=t("filter", lang)),
        el("h3", None, t("matrix", lang)), legend(lang),
        status_heatmap(comparison, lang, split) if len(comparison.towns) <= PER_TOWN_LIMIT
        else el("p", {"class": "muted"}, t("too_many", lang, n=PER_TOWN_LIMIT)),
    ]
    if comparison.similarity and len(comparison.towns) <= HEATMAP_PAIRWISE_LIMIT:
        parts += [el("h3", None, t("pairwise", lang)), pairwise_heatmap(comparison, lang)]
    if comparison.clustering:
        labels = {town.key: town.name for town in comparison.towns}
        parts += [el("h3", None, t("dendrogram", lang)),
                  el("div", {"class": "diagram"}, Markup(dendrogram_svg(comparison.clustering, labels, lang=lang)))]
    by_key = {town.key: town for town in comparison.towns}
    dims = ("overall", *DIMENSIONS)
    closest_rows = [[i + 1, by_key[k].name, *(num(getattr(by_key[k].similarity, d), lang) for d in dims)]
                    for i, k in enumerate(comparison.closest[:15])]
    parts += [el("h3", None, t("closest", lang)),
              table(["#", t("town", lang), *(DIMENSION[d](lang) for d in ("overall", *DIMENSIONS))], closest_rows,
                    table_id=f"{law}-closest")]
    if comparison.outliers:
        infos = {o.id: o for o in comparison.obligations}
        outlier_rows = [[o.obligation, infos[o.obligation].title if o.obligation in infos else "",
                         "; ".join(infos[o.obligation].citations) if o.obligation in infos else "",
                         by_key[o.town].name if o.town in by_key else o.town, o.reason.get(lang)]
                        for o in comparison.outliers[:500]]
        parts += [el("h3", None, t("outliers", lang)),
                  table([t("obligation", lang), "", t("norm", lang), t("town", lang), t("reason", lang)], outlier_rows,
                        table_id=f"{law}-outliers", filter_label=t("filter", lang))]
    return el("section", {"class": "law"}, parts)


def _cell_title(cell: ObligationCell, lang: Lang) -> str:
    bits = [STATUS[cell.status](lang)]
    if cell.responsible_name:
        bits.append(f"{t('responsible', lang)}: {cell.responsible_name}")
    if cell.fte:
        bits.append(f"{t('fte', lang)} {format_decimal(cell.fte, lang)}")
    bits.extend(r.get(lang) for r in cell.reasons)
    return " · ".join(bits)


def status_heatmap(comparison: Comparison, lang: Lang, split: bool = False) -> Markup:
    """Obligations (rows) × towns (columns), coloured by status; details in the cell title."""
    head = el("tr", None, el("th", None, ""), [el("th", {"class": "col", "scope": "col"},
                                                  el("a", {"href": town_href(comparison, town.key, split)},
                                                     town.name))
                                               for town in comparison.towns])
    rows = []
    for index, info in enumerate(comparison.obligations):
        cells = [el("td", {"class": f"s-{town.cells[index].status}",
                           "title": f"{town.name} – {info.id} {info.title}: "
                                    f"{_cell_title(town.cells[index], lang)}"})
                 for town in comparison.towns]
        citation = "; ".join(info.citations)
        rows.append(el("tr", None, el("th", {"scope": "row", "class": "ob", "title": f"{info.id} {info.title} "
                                                                                   f"({citation})"},
                                         info.id, " · ", info.title, " ", el("span", {"class": "cite"}, citation)),
                       cells))
    return el("div", {"class": "diagram"}, el("table", {"class": "heat"}, el("thead", None, head),
                                              el("tbody", None, rows)))


def pairwise_heatmap(comparison: Comparison, lang: Lang) -> Markup:
    """Town × town overall similarity as a grey-blue heat-map."""
    assert comparison.similarity is not None
    names = {town.key: town.name for town in comparison.towns}
    keys = comparison.similarity.towns
    head = el("tr", None, el("th", None, ""), [el("th", {"class": "col"}, names.get(k, k)) for k in keys])
    rows = []
    for i, key in enumerate(keys):
        cells = []
        for j, value in enumerate(comparison.similarity.overall[i]):
            shade = int(255 - 200 * max(0.0, min(1.0, value)))
            cells.append(el("td", {"style": f"background:rgb({shade},{shade + 20 if shade < 235 else 255},255)",
                                   "title": f"{names.get(key, key)} ↔ {names.get(keys[j], keys[j])}: "
                                            f"{format_decimal(value, lang)}"}))
        rows.append(el("tr", None, el("th", {"scope": "row"}, names.get(key, key)), cells))
    return el("div", {"class": "diagram"}, el("table", {"class": "heat"}, el("thead", None, head),
                                              el("tbody", None, rows)))


def _cited(citation: str, wording: dict[str, str]) -> object:
    """A citation cell: the norm's wording on hover (title) and on click (details)."""
    text = wording.get(citation)
    if not text:
        return citation
    return (el("details", {"class": "norm"}, el("summary", None, citation), el("blockquote", None, text)),
            {"title": text, "data-sort": citation})


def town_section(comparison: Comparison, town: TownResult, lang: Lang, ctx: ReportContext | None = None,
                 drawn: frozenset[str] | set[str] = frozenset()) -> Markup:
    """One town: what to do, gaps by category, cells, diff, the process drawn by bpmn-js (Graphviz when there is no
    BPMN to draw), stakeholders, RACI, resources."""
    tid = anchor(comparison, town.key)
    titles = {o.id: o for o in comparison.obligations}
    by_category = Counter(g.category for g in town.gaps)
    wording = {cited.citation: cited.text for cited in comparison.norm_texts}  # the cited text on hover
    gap_rows = [[(g.category, {"data-sort": g.category}), gap_name(g.category, lang),
                 _cited(g.citation, wording), g.message.get(lang),
                 g.element or "", g.code, t(f"source_{g.source}", lang)]
                for g in sorted(town.gaps, key=lambda g: (g.category, g.code))]
    summary = ", ".join(f"{c} {gap_name(c, lang)}: {n}" for c, n in sorted(by_category.items()))
    cell_rows = [[c.obligation, titles[c.obligation].title if c.obligation in titles else "",
                  "; ".join(titles[c.obligation].citations) if c.obligation in titles else "",
                  (badge(c.status, lang), {"data-sort": c.status}), c.responsible_name or "", num(c.fte, lang),
                  num(c.eur, lang, 0), _stakeholders(c, lang), t("yes", lang) if c.notified else t("no", lang),
                  "; ".join(r.get(lang) for r in c.reasons)] for c in town.cells]
    parts: list[object] = [
        el("h3", None, town.name, " ", el("span", {"class": "muted"}, f"({town.variant} · {town.kind} · ",
                                          t("population", lang),
                                          f" {format_number(town.population, lang) if town.population else '–'})")),
        el("p", {"class": "muted"}, town.path, " · ", t("similarity", lang),
           f" {format_decimal(town.similarity.overall, lang)}"),
        *(action_block(comparison, town, ctx, lang) if ctx is not None else ()),
        *((el("h4", None, t("diagram", lang)), diagrams.block(comparison, town, lang)) if town.key in drawn else ()),
        el("h4", None, t("gaps", lang), f" ({len(town.gaps)})"), el("p", None, summary or t("none", lang)),
        table([t("category", lang), "", t("norm", lang), t("message", lang), t("element", lang), t("code", lang),
               t("source", lang)], gap_rows, table_id=f"{tid}-gaps", filter_label=t("filter", lang)),
        el("h4", None, t("matrix", lang)),
        table([t("obligation", lang), "", t("norm", lang), t("status", lang), t("responsible", lang), t("fte", lang),
               t("eur", lang),
               t("stakeholders", lang), t("notified", lang), t("reason", lang)], cell_rows, table_id=f"{tid}-cells"),
    ]
    if town.own_soll is not None:
        own_rows = [[c.obligation, (badge(c.status, lang), {"data-sort": c.status}),
                     "; ".join(r.get(lang) for r in c.reasons)]
                    for c in town.own_soll]
        parts += [el("h4", None, t("own_soll", lang)),
                  table([t("obligation", lang), t("status", lang), t("reason", lang)], own_rows,
                        table_id=f"{tid}-own")]
    if town.diff:
        diff_rows = [[(change_label(d.kind, lang), {"data-sort": d.kind}), d.label,
                      readable_detail(d.kind, d.detail, lang), d.element or d.reference_element or ""]
                     for d in town.diff]
        parts += [el("h4", None, t("diff", lang), f" ({len(town.diff)})"),
                  table([t("change", lang), t("label", lang), t("detail", lang), t("element", lang)], diff_rows,
                        table_id=f"{tid}-diff", filter_label=t("filter", lang))]
    if town.key not in drawn and town.diagram is not None:
        svg = diagram_svg(town.diagram)
        parts += [el("h4", None, t("diagram", lang)), _diagram_legend(lang),
                  el("div", {"class": "diagram"}, Markup(svg)) if svg else el("p", {"class": "muted"},
                                                                               t("no_diagram", lang))]
    model = ctx.town(town) if ctx is not None else None
    if model is not None and model.stakeholders:
        holder_rows = [[h.name, term(f"stakeholder.{h.kind}", lang, default=h.kind),
                        term(f"involvement.{h.involvement}", lang, default=h.involvement),
                        "; ".join(h.citations)] for h in model.stakeholders]
        parts += [el("h4", None, t("stakeholders", lang)),
                  table([t("label", lang), t("kind", lang), t("involvement", lang), t("norm", lang)], holder_rows,
                        table_id=f"{tid}-stakeholders")]
    if town.raci is not None and town.raci.units:
        raci_rows = [[name, *town.raci.letters[i]] for i, (_uid, name) in enumerate(town.raci.units)]
        parts += [el("h4", None, t("raci", lang)),
                  el("div", {"class": "diagram"},
                     table([t("unit", lang), *(name or sid for sid, name in town.raci.steps)], raci_rows,
                           css="data raci", table_id=f"{tid}-raci"))]
    if town.units:
        unit_rows = [[u.name, num(u.fte, lang), num(u.eur, lang, 0), ", ".join(u.it_systems)] for u in town.units]
        parts += [el("h4", None, t("resources", lang)),
                  table([t("unit", lang), t("fte", lang), t("eur", lang), t("it", lang)], unit_rows,
                        table_id=f"{tid}-units")]
    if town.log is not None:
        parts.append(log_section(town, lang))
    if town.notes:
        parts.append(el("p", {"class": "muted"}, t("notes", lang), ": ", "; ".join(n.get(lang) for n in town.notes)))
    return el("section", {"class": "town", "id": tid, "data-name": town.name}, parts)


def action_block(comparison: Comparison, town: TownResult, ctx: ReportContext, lang: Lang) -> list[Markup]:
    """„Was ist zu tun“ of a town: heading and table (or a line saying there is nothing to do)."""
    from vollzug.report import actions as act

    items = act.town_actions(comparison, town, ctx, lang)
    heading = el("h4", None, act.TITLE(lang), f" ({len(items)})")
    if not items:
        return [heading, el("p", None, act.NOTHING(lang))]
    rows = [[(a.deadline_text, {"data-sort": a.deadline or "9999"}), a.obligation, a.title, a.citations,
             (badge(a.status, lang), {"data-sort": a.status}), a.gap, a.unit, a.change] for a in items]
    return [heading, table([act.HEADER[c](lang) for c in act.COLUMNS], rows, table_id=f"{anchor(comparison, town.key)}"
                           "-actions", css="data sortable actions")]


def _diagram_legend(lang: Lang) -> Markup:
    from vollzug.report.diagram import COLOURS

    keys = {"same": "legend_same", "changed": "legend_changed", "added": "legend_added"}
    return el("p", {"class": "legend"}, [el("span", None, el("i", {"style": f"background:{COLOURS[s][0]};"
                                                                   f"border:1px solid {COLOURS[s][1]}"}),
                                            t(k, lang)) for s, k in keys.items()])
