"""HTML emitter: one self-contained file (inline CSS, JS and SVG; no external requests; works offline)."""

from __future__ import annotations

from importlib import resources

from vollzug.compare.results import ComparisonSet
from vollzug.i18n import Lang
from vollzug.report.context import ReportContext, context_for
from vollzug.report.html import diagrams
from vollzug.report.html.markup import Markup, el
from vollzug.report.html.sections import PER_TOWN_LIMIT, anchor, overview, town_section
from vollzug.report.labels import t
from vollzug.report.norms import norm_texts

_CSP = ("default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:")
"""Scripts and styles only inline or from the report folder (the viewer in assets/, the diagrams/ data)."""


def _asset(name: str) -> str:
    return resources.files("vollzug.report.html").joinpath("assets", name).read_text(encoding="utf-8")


def render_html(result: ComparisonSet, lang: Lang = "de", ctx: ReportContext | None = None,
                drawn: dict[str, set[str]] | None = None) -> str:
    """The report page (``index.html``); ``drawn``: per law the towns whose diagram data is in ``diagrams/``."""
    ctx = ctx if ctx is not None else ReportContext()
    nav: list[object] = []
    body: list[object] = [el("div", {"class": "vz-search"},
                             el("input", {"type": "search", "id": "vz-search", "placeholder": t("search", lang),
                                          "aria-label": t("search", lang)}),
                             el("div", {"id": "vz-search-results", "aria-live": "polite"}))]
    obligations: dict[str, dict[str, object]] = {}
    for comparison in result.comparisons:
        law = comparison.law.lower()
        nav.append(el("a", {"href": f"#{law}-overview"}, comparison.law))
        body.append(overview(comparison, lang))
        shown = (drawn or {}).get(comparison.law, set())
        for town in comparison.towns[:PER_TOWN_LIMIT]:
            body.append(town_section(comparison, town, lang, ctx, shown))
        obligations.update({o.id: {"title": o.title, "citations": list(o.citations)} for o in comparison.obligations})
        nav.extend(el("a", {"href": f"#{anchor(comparison, town.key)}"}, town.name)
                   for town in comparison.towns[:PER_TOWN_LIMIT])
    if result.skipped:
        body.append(el("section", None, el("h2", None, t("skipped", lang)),
                       el("ul", None, [el("li", None, s) for s in result.skipped])))
    engines = "; ".join(f"{c.law}: " + ", ".join(f"{k} = {v}" for k, v in c.engines.items())
                        for c in result.comparisons)
    head = el("head", None,
              Markup('<meta charset="utf-8">'),
              el("meta", {"http-equiv": "Content-Security-Policy", "content": _CSP}),
              el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
              el("title", None, t("doc_title", lang)),
              el("link", {"rel": "icon", "href": "data:,"}),
              el("link", {"rel": "stylesheet", "href": f"{diagrams.ASSET_DIR}bpmn-js/diagram-js.css"}),
              el("link", {"rel": "stylesheet", "href": f"{diagrams.ASSET_DIR}bpmn-js/bpmn-js.css"}),
              el("style", None, Markup(_asset("report.css") + diagrams.asset_text("vollzug-bpmn.css"))))
    norms = norm_texts(c for o in obligations.values() for c in o["citations"])  # type: ignore[attr-defined]
    page = el("html", {"lang": lang}, head, el("body", None,
              el("header", None, el("h1", None, t("doc_title", lang)),
                 el("p", None, t("generated", lang), f": {result.generated} · ",
                    ", ".join(f"{c.law}: {len(c.towns)} {t('towns', lang)}" for c in result.comparisons))),
              el("nav", None, nav),
              el("main", None, body,
                 el("p", {"class": "muted"}, t("engines", lang), ": ", engines)),
              el("script", None, Markup(_asset("report.js"))),
              diagrams.page_data(obligations, norms, lang),
              el("script", {"src": f"{diagrams.ASSET_DIR}bpmn-js/bpmn-navigated-viewer.production.min.js"}),
              el("script", {"src": f"{diagrams.ASSET_DIR}vollzug-bpmn.js"})))
    return "<!DOCTYPE html>\n" + page


def emit(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``index.html``, the viewer in ``assets/`` and one diagram data file per town in ``diagrams/``."""
    ctx = context_for(result)
    files = diagrams.asset_files()
    drawn: dict[str, set[str]] = {}
    for comparison in result.comparisons:
        data, keys = diagrams.diagram_files(comparison, list(comparison.towns[:PER_TOWN_LIMIT]), ctx, lang)
        files.update(data)
        drawn[comparison.law] = keys
    files["index.html"] = render_html(result, lang, ctx, drawn).encode("utf-8")
    return files
