"""Self-contained HTML for mining results (inline CSS, no scripts, no external requests; every string escaped)."""

from __future__ import annotations

from vollzug.i18n import Lang
from vollzug.mining.render import Section
from vollzug.report.html.markup import Markup, el, table

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:1rem 2rem;
color:#1d2733}
h1{font-size:1.5rem;border-bottom:3px solid #2b5d8a;padding-bottom:.3rem}h2{font-size:1.15rem;margin-top:2rem;
color:#2b5d8a}table.data{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem;display:block;overflow-x:auto}
table.data th,table.data td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
table.data th{background:#eef3f8;position:sticky;top:0}table.data tr:nth-child(even) td{background:#f8fafc}
td.num{text-align:right;font-variant-numeric:tabular-nums}p.muted{color:#5b6773;font-size:.85rem}
section.mining{margin-bottom:1.5rem}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _cell(value: str) -> object:
    stripped = value.replace(" %", "").replace(".", "", 1).replace("-", "", 1)
    return (value, {"class": "num"}) if stripped.isdigit() or value == "–" else value


def fragment(sections: list[Section], *, heading_level: int = 2) -> Markup:
    """The sections as an HTML fragment (for embedding in the district report)."""
    tag = f"h{heading_level}"
    parts: list[object] = []
    for section in sections:
        parts.append(el(tag, None, section.title))
        parts += [el("p", None, p) for p in section.paragraphs]
        parts += [table(t.headers, ([_cell(v) for v in row] for row in t.rows), css="data") for t in section.tables]
    return el("section", {"class": "mining"}, parts)


def page(title: str, sections: list[Section], lang: Lang = "de") -> str:
    """A complete, self-contained HTML page."""
    head = el("head", None, Markup('<meta charset="utf-8">'),
              el("meta", {"http-equiv": "Content-Security-Policy", "content": _CSP}),
              el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
              el("title", None, title), el("style", None, Markup(_CSS)))
    body = el("body", None, el("h1", None, title), fragment(sections),
              el("p", {"class": "muted"}, "vollzug · process mining (pm4py)"))
    return "<!DOCTYPE html>\n" + el("html", {"lang": lang}, head, body) + "\n"
