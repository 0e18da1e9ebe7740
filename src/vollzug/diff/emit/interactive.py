"""The interactive part of ``vollzug diff --format html``: both sides drawn by the bpmn-js viewer (inlined: the
output is one file), coloured relative to the right-hand side (the reference): only left → zusätzlich, only right →
fehlt gegenüber <right>, changed → abweichend, responsibility shifts → Zuständigkeit verschoben; click for details."""

from __future__ import annotations

from typing import Any

from vollzug.diff.changes import DiffResult
from vollzug.diff.emit import EmitContext
from vollzug.i18n import Msg
from vollzug.report.changes import STATE_LABEL, State
from vollzug.report.html import diagrams
from vollzug.report.html.markup import Markup, el

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
"""Everything inline (the page is one file), nothing fetched."""
_VIEW = Msg("{left} gegenüber {right}", "{left} against {right}")
_REF = Msg("{right}: was in {left} fehlt", "{right}: what {left} lacks")
_AGAINST = Msg("Gegenüber {right}", "Against {right}")
_IN = Msg("In {left}", "In {left}")
_DRAWN = frozenset({"step", "data_object"})
"""Categories coloured in the diagrams (a changed lane or pool would colour everything inside it)."""
_STATES: tuple[State, ...] = ("missing", "reassigned", "changed", "added")


def _add(notes: dict[str, dict[str, Any]], element: str, state: State, text: str) -> None:
    entry = notes.setdefault(element, {"state": state, "notes": []})
    if text not in entry["notes"]:
        entry["notes"].append(text)


def notes(result: DiffResult, ctx: EmitContext) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(left elements, right elements) → {state, notes}."""
    lang = ctx.lang
    left: dict[str, dict[str, Any]] = {}
    right: dict[str, dict[str, Any]] = {}
    for e in result.removed:  # only on the left
        if e.category in _DRAWN:
            _add(left, e.id, "added", STATE_LABEL["added"](lang))
    for e in result.added:  # only on the right
        if e.category in _DRAWN:
            _add(right, e.id, "missing", STATE_LABEL["missing"](lang))
    for c in result.changed:
        if c.category not in _DRAWN:
            continue
        fields = ", ".join(dict.fromkeys(a.path.split(".")[0] for a in c.attrs))
        text = f"{STATE_LABEL['changed'](lang)}: {fields}" if fields else STATE_LABEL["changed"](lang)
        _add(left, c.left_id, "changed", text)
        _add(right, c.id, "changed", text)
    for s in result.responsibility_shifts:
        text = f"{STATE_LABEL['reassigned'](lang)}: {s.left_lane or '–'} → {s.right_lane or '–'}"
        for side, ident in ((left, s.left_id), (right, s.id)):
            entry = side.setdefault(ident, {"state": "reassigned", "notes": []})
            entry["state"] = "reassigned"
            entry["notes"].append(text)
    return left, right


def section(result: DiffResult, ctx: EmitContext) -> tuple[str, str]:
    """(markup for the body, markup for the head) — empty when a side cannot be drawn."""
    if ctx.left is None or ctx.right is None:
        return "", ""
    from vollzug.diff.emit.diagram import right_bpmn_bytes
    from vollzug.errors import VollzugError

    try:
        left_xml, right_xml = right_bpmn_bytes(ctx.left), right_bpmn_bytes(ctx.right)
    except (VollzugError, OSError):
        return "", ""
    lnotes, rnotes = notes(result, ctx)
    lang = ctx.lang
    names = {"left": result.left_label, "right": result.right_label}
    body = Markup("".join([
        diagrams.view_block("left", _VIEW(lang, **names), _REF(lang, **names), lang, _STATES),
        diagrams.inline_record("left", {"xml": left_xml.decode("utf-8"), "ist": lnotes, "soll": rnotes,
                                        "reference": "right"}),
        diagrams.inline_record("right", {"xml": right_xml.decode("utf-8")}),
        diagrams.page_data({}, {}, lang, texts_override={"against_soll": _AGAINST(lang, **names),
                                                         "against_town": _IN(lang, **names)}),
        el("script", None, Markup(diagrams.asset_text("bpmn-navigated-viewer.production.min.js"))),
        el("script", None, Markup(diagrams.asset_text("vollzug-bpmn.js"))),
    ]))
    head = Markup(el("style", None, Markup(diagrams.asset_text("diagram-js.css") + diagrams.asset_text("bpmn-js.css")
                                           + diagrams.asset_text("vollzug-bpmn.css"))))
    return body, head
