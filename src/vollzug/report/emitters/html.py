"""HTML emitter: one self-contained file (inline CSS, JS and SVG; no external requests; works offline)."""

from __future__ import annotations

from importlib import resources

from vollzug.compare.results import ComparisonSet
from vollzug.i18n import Lang
from vollzug.locale import format_datetime
from vollzug.report.html.markup import Markup, el
from vollzug.report.html.sections import PER_TOWN_LIMIT, anchor, overview, town_section
from vollzug.report.labels import engine_name, engine_value, t

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _asset(name: str) -> str:
    return resources.files("vollzug.report.html").joinpath("assets", name).read_text(encoding="utf-8")


def render_html(result: ComparisonSet, lang: Lang = "de") -> str:
    """The report as one HTML document."""
    nav: list[object] = []
    body: list[object] = []
    for comparison in result.comparisons:
        law = comparison.law.lower()
        nav.append(el("a", {"href": f"#{law}-overview"}, comparison.law))
        body.append(overview(comparison, lang))
        for town in comparison.towns[:PER_TOWN_LIMIT]:
            body.append(town_section(comparison, town, lang))
        nav.extend(el("a", {"href": f"#{anchor(comparison, town.key)}"}, town.name)
                   for town in comparison.towns[:PER_TOWN_LIMIT])
    if result.skipped:
        body.append(el("section", None, el("h2", None, t("skipped", lang)),
                       el("ul", None, [el("li", None, s.get(lang)) for s in result.skipped])))
    engines = "; ".join(f"{c.law}: " + ", ".join(f"{engine_name(k, lang)} = {engine_value(v, lang)}"
                                                 for k, v in c.engines.items())
                        for c in result.comparisons)
    head = el("head", None,
              Markup('<meta charset="utf-8">'),
              el("meta", {"http-equiv": "Content-Security-Policy", "content": _CSP}),
              el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
              el("title", None, t("doc_title", lang)),
              el("style", None, Markup(_asset("report.css"))))
    page = el("html", {"lang": lang}, head, el("body", None,
              el("header", None, el("h1", None, t("doc_title", lang)),
                 el("p", None, t("generated", lang), f": {format_datetime(result.generated, lang)} · ",
                    ", ".join(f"{c.law}: {t('town_count', lang, n=len(c.towns))}" if len(c.towns) != 1
                              else f"{c.law}: {t('one_town', lang)}" for c in result.comparisons))),
              el("nav", None, nav),
              el("main", None, body,
                 el("p", {"class": "muted"}, t("engines", lang), ": ", engines)),
              el("script", None, Markup(_asset("report.js")))))
    return "<!DOCTYPE html>\n" + page


def emit(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``index.html``."""
    return {"index.html": render_html(result, lang).encode("utf-8")}
