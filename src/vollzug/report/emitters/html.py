"""HTML emitter: the report folder's pages (no external requests; works offline from ``file://``).

Up to :data:`SPLIT_ABOVE` towns per law everything is on ``index.html``. Above, the district page keeps the overview
(tables, heat map, dendrogram) and each town gets its own page ``towns/<law>-<key>.html``: a browser does not have
to lay out hundreds of town sections at once (396 towns were 15 MB on one page). The search box then looks in
``search-index.js``, loaded on the first search. ``assets/`` (the bpmn-js viewer, once per folder) and ``diagrams/``
(one data file per town) serve all pages.
"""

from __future__ import annotations

from importlib import resources

from vollzug.compare.results import Comparison, ComparisonSet, TownResult
from vollzug.i18n import Lang
from vollzug.locale import format_datetime
from vollzug.report import excluded
from vollzug.report.context import ReportContext, context_for
from vollzug.report.html import diagrams
from vollzug.report.html.markup import Markup, el
from vollzug.report.html.sections import PER_TOWN_LIMIT, anchor, overview, town_href, town_section
from vollzug.report.labels import engine_name, engine_value, t
from vollzug.report.norms import norm_texts

_CSP = ("default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:")
"""Scripts and styles only inline or from the report folder (the viewer in assets/, the diagrams/ data)."""
SPLIT_ABOVE = 60
"""More towns than this in one law: one page per town."""
SEARCH_INDEX = "search-index.js"


def _asset(name: str) -> str:
    return resources.files("vollzug.report.html").joinpath("assets", name).read_text(encoding="utf-8")


def _page(title: str, lang: Lang, prefix: str, header: list[object], nav: list[object], main: list[object],
          obligations: dict[str, dict[str, object]], search_index: str | None = None) -> str:
    """A page of the report folder; ``prefix`` leads from the page to the folder ("" or "../")."""
    head = el("head", None,
              Markup('<meta charset="utf-8">'),
              el("meta", {"http-equiv": "Content-Security-Policy", "content": _CSP}),
              el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
              el("title", None, title),
              el("link", {"rel": "icon", "href": "data:,"}),
              el("link", {"rel": "stylesheet", "href": f"{prefix}{diagrams.ASSET_DIR}bpmn-js/diagram-js.css"}),
              el("link", {"rel": "stylesheet", "href": f"{prefix}{diagrams.ASSET_DIR}bpmn-js/bpmn-js.css"}),
              el("style", None, Markup(_asset("report.css") + diagrams.asset_text("vollzug-bpmn.css"))))
    norms = norm_texts(c for o in obligations.values() for c in o["citations"])  # type: ignore[attr-defined]
    extra = {"search": f"{prefix}{search_index}"} if search_index else None
    page = el("html", {"lang": lang}, head, el("body", None,
              el("header", None, header), el("nav", None, nav), el("main", None, main),
              el("script", None, Markup(_asset("report.js"))),
              diagrams.page_data(obligations, norms, lang, f"{prefix}{diagrams.DIAGRAM_DIR}", extra=extra),
              el("script", {"src": f"{prefix}{diagrams.ASSET_DIR}bpmn-js/bpmn-navigated-viewer.production.min.js"}),
              el("script", {"src": f"{prefix}{diagrams.ASSET_DIR}vollzug-bpmn.js"})))
    return "<!DOCTYPE html>\n" + page


def _obligations(comparisons: tuple[Comparison, ...]) -> dict[str, dict[str, object]]:
    return {o.id: {"title": o.title, "citations": list(o.citations)} for c in comparisons for o in c.obligations}


def split(result: ComparisonSet) -> bool:
    """Whether the towns get pages of their own."""
    return any(len(c.towns) > SPLIT_ABOVE for c in result.comparisons)


def render_html(result: ComparisonSet, lang: Lang = "de", ctx: ReportContext | None = None,
                drawn: dict[str, set[str]] | None = None, separate: bool = False) -> str:
    """The district page (``index.html``); ``drawn``: per law the towns whose diagram data is in ``diagrams/``;
    ``separate``: the towns are on pages of their own."""
    ctx = ctx if ctx is not None else ReportContext()
    nav: list[object] = []
    body: list[object] = [excluded.html_section(result, lang),
                          el("div", {"class": "vz-search"},
                             el("input", {"type": "search", "id": "vz-search", "placeholder": t("search", lang),
                                          "aria-label": t("search", lang)}),
                             el("div", {"id": "vz-search-results", "aria-live": "polite"}))]
    for comparison in result.comparisons:
        law = comparison.law.lower()
        nav.append(el("a", {"href": f"#{law}-overview"}, comparison.law))
        body.append(overview(comparison, lang, separate))
        towns = comparison.towns[:PER_TOWN_LIMIT]
        if not separate:
            shown = (drawn or {}).get(comparison.law, set())
            body.extend(town_section(comparison, town, lang, ctx, shown) for town in towns)
            nav.extend(el("a", {"href": f"#{anchor(comparison, town.key)}"}, town.name) for town in towns)
    if result.skipped:
        body.append(el("section", None, el("h2", None, t("skipped", lang)),
                       el("ul", None, [el("li", None, s.get(lang)) for s in result.skipped])))
    engines = "; ".join(f"{c.law}: " + ", ".join(f"{engine_name(k, lang)} = {engine_value(v, lang)}"
                                                 for k, v in c.engines.items())
                        for c in result.comparisons)
    body.append(el("p", {"class": "muted"}, t("engines", lang), ": ", engines))
    header: list[object] = [el("h1", None, t("doc_title", lang)),
                            el("p", None, t("generated", lang), f": {format_datetime(result.generated, lang)} · ",
                               ", ".join(f"{c.law}: {t('town_count', lang, n=len(c.towns))}" if len(c.towns) != 1
                                         else f"{c.law}: {t('one_town', lang)}" for c in result.comparisons))]
    return _page(t("doc_title", lang), lang, "", header, nav, body, _obligations(result.comparisons),
                 SEARCH_INDEX if separate else None)


def town_page(result: ComparisonSet, comparison: Comparison, town: TownResult, lang: Lang, ctx: ReportContext,
              drawn: set[str]) -> str:
    """``towns/<law>-<key>.html``: one town's section with a link back to the district page."""
    header: list[object] = [el("h1", None, town.name, " – ", t("title", lang, law=comparison.law)),
                            el("p", None, t("generated", lang), f": {format_datetime(result.generated, lang)}")]
    nav: list[object] = [el("a", {"href": f"../index.html#{comparison.law.lower()}-overview"},
                            t("doc_title", lang))]
    return _page(f"{town.name} – {t('doc_title', lang)}", lang, "../", header, nav,
                 [town_section(comparison, town, lang, ctx, drawn)], _obligations((comparison,)))


def search_index(result: ComparisonSet, ctx: ReportContext, lang: Lang) -> bytes:
    """``search-index.js``: per town the rows of its tables as text, for the district page's search."""
    from vollzug.report import actions as act
    from vollzug.report.actions import gap_text
    from vollzug.report.changes import change_label, readable_detail
    from vollzug.report.labels import STATUS

    towns = []
    for comparison in result.comparisons:
        infos = {o.id: o for o in comparison.obligations}
        for town in comparison.towns[:PER_TOWN_LIMIT]:
            rows: list[list[str]] = []
            rows += [[act.TITLE(lang), " · ".join(act.row(a))] for a in act.town_actions(comparison, town, ctx, lang)]
            for c in town.cells:
                info = infos.get(c.obligation)
                rows.append([t("matrix", lang), " · ".join(x for x in (
                    c.obligation, info.title if info else "", "; ".join(info.citations) if info else "",
                    STATUS[c.status](lang), c.responsible_name or "",
                    "; ".join(gap_text(r, lang) for r in c.reasons)) if x)])
            rows += [[t("gaps", lang), " · ".join(x for x in (g.category, g.citation, g.message.get(lang)) if x)]
                     for g in town.gaps]
            rows += [[t("diff", lang), " · ".join(x for x in (change_label(d.kind, lang), d.label,
                                                              readable_detail(d.kind, d.detail, lang)) if x)]
                     for d in town.diff]
            model = ctx.town(town)
            if model is not None:
                from vollzug.glossary import term

                rows += [[t("stakeholders", lang), " · ".join(x for x in (
                    h.name, term(f"stakeholder.{h.kind}", lang, default=h.kind), "; ".join(h.citations)) if x)]
                    for h in model.stakeholders]
            towns.append({"town": town.name, "href": town_href(comparison, town.key, True), "rows": rows})
    return f"window.vzSearchIndex={diagrams.safe_json(towns)};\n".encode()


def emit(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``index.html`` (and ``towns/*.html`` + ``search-index.js`` above :data:`SPLIT_ABOVE` towns), the viewer in
    ``assets/`` and one diagram data file per town in ``diagrams/``."""
    ctx = context_for(result)
    files = diagrams.asset_files()
    drawn: dict[str, set[str]] = {}
    separate = split(result)
    for comparison in result.comparisons:
        data, keys = diagrams.diagram_files(comparison, list(comparison.towns[:PER_TOWN_LIMIT]), ctx, lang)
        files.update(data)
        drawn[comparison.law] = keys
        if separate:
            for town in comparison.towns[:PER_TOWN_LIMIT]:
                files[f"towns/{anchor(comparison, town.key)}.html"] = town_page(
                    result, comparison, town, lang, ctx, keys).encode("utf-8")
    if separate:
        files[SEARCH_INDEX] = search_index(result, ctx, lang)
    files["index.html"] = render_html(result, lang, ctx, drawn, separate).encode("utf-8")
    return files
