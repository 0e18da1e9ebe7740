"""HTML: one self-contained page, both diagrams side by side (SVG from the DI) and the report sections.

No scripts, no external resources; every string from a model is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from vollzug.diff.changes import DiffResult
from vollzug.diff.emit import EmitContext
from vollzug.diff.emit.diagram import diagram_view
from vollzug.diff.emit.sections import build
from vollzug.diff.emit.svg import COLOURS, render
from vollzug.i18n import Msg

_LEGEND: dict[str, Msg] = {
    "added": Msg("nur rechts", "right only"),
    "removed": Msg("nur links", "left only"),
    "changed": Msg("geändert", "changed"),
    "layout": Msg("nur Layout", "layout only"),
}

_FULL_SIZE = Msg("Diagramme in Originalgröße (nebeneinander, zum Lesen der Beschriftungen)",
                 "Diagrams at full size (side by side, to read the labels)")

_CSS = """
body{font-family:sans-serif;margin:1.5em;color:#222}
.diagrams{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1em}
.diagrams figure{margin:0;border:1px solid #ccc;padding:.5em;overflow:auto}
.diagrams.full figure{max-height:85vh}
figcaption{font-weight:bold;margin-bottom:.3em}
details{margin-top:1em} summary{cursor:pointer;font-weight:bold}
.legend span{display:inline-block;padding:.1em .6em;margin-right:.5em;border:2px solid}
section{margin-top:1.2em} li{margin:.15em 0} pre{margin:0;white-space:pre-wrap}
"""


def states(result: DiffResult) -> tuple[dict[str, str], dict[str, str]]:
    """Element id → colour state, for the left and for the right diagram."""
    left: dict[str, str] = {}
    right: dict[str, str] = {}
    for e in result.layout_changed:
        right[e.id] = "layout"
    for c in result.changed:
        right[c.id] = "changed"
        left[c.left_id] = "changed"
    for e in result.removed:
        left[e.id] = "removed"
    for e in result.added:
        right[e.id] = "added"
    return left, right


def emit(result: DiffResult, ctx: EmitContext) -> bytes:
    """A complete HTML document."""
    title, sections = build(result, ctx.lang)
    lstates, rstates = states(result)
    overview: list[str] = []
    full: list[str] = []
    for side, label, st in ((ctx.left, result.left_label, lstates), (ctx.right, result.right_label, rstates)):
        view = diagram_view(side) if side is not None else None
        for scale, figures in ((None, overview), (1.0, full)):
            svg = render(view, st, label, scale) if view is not None else ""
            figures.append(f"<figure><figcaption>{escape(label)}</figcaption>{svg}</figure>")
    legend = "".join(f'<span style="border-color:{COLOURS[k][0]};background:{COLOURS[k][1]}">{escape(m(ctx.lang))}'
                     f"</span>" for k, m in _LEGEND.items())
    body = []
    for section in sections:
        items = "".join(f"<li><pre>{escape(line)}</pre></li>" for line in section.lines)
        body.append(f'<section class="{escape(section.key)}"><h2>{escape(section.heading)}</h2><ul>{items}</ul>'
                    f"</section>")
    if result.norm_texts:  # the cited norms' wording: on hover (title) and on click (details)
        from vollzug.diff.normtexts import WORDING

        items = "".join(f'<li><details title="{escape(c.text)}"><summary>{escape(c.citation)}</summary>'
                        f"<blockquote>{escape(c.text)}</blockquote></details></li>" for c in result.norm_texts)
        body.append(f'<section class="norms"><h2>{escape(WORDING(ctx.lang))}</h2><ul>{items}</ul></section>')
    from vollzug.diff.emit.interactive import CSP
    from vollzug.diff.emit.interactive import section as interactive_section

    interactive, extra_head = interactive_section(result, ctx)
    page = (f'<!DOCTYPE html>\n<html lang="{ctx.lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}"><link rel="icon" href="data:,">'
            f"<title>{escape(title)}</title><style>{_CSS}</style>{extra_head}</head><body>"
            f"<h1>{escape(title)}</h1>{interactive}<p class=\"legend\">{legend}</p>"
            f'<div class="diagrams">{"".join(overview)}</div>'
            f'<details open><summary>{escape(_FULL_SIZE(ctx.lang))}</summary>'
            f'<div class="diagrams full">{"".join(full)}</div></details>{"".join(body)}</body></html>\n')
    return page.encode("utf-8")
