"""bpmn-js diagrams in the HTML report: the data files, the assets and the markup of one diagram block.

The report folder gets ``assets/`` (the vendored bpmn-js navigated viewer with its CSS and vollzug's glue script,
written once per folder) and ``diagrams/<law>-<town>.js`` per town (its BPMN as drawn, with the diagram interchange,
and which elements differ from the reference) plus ``diagrams/<law>-reference.js`` (the SOLL, drawn with the steps
the town lacks marked). A page loads a town's file when its diagram scrolls into view, so the page itself stays small
whatever the number of towns; the Content-Security-Policy allows scripts only from the report folder (``'self'``,
which Chromium grants to files beside a ``file://`` page).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from vollzug.compare.results import Comparison, TownResult
from vollzug.i18n import Lang, Msg
from vollzug.report.changes import STATE_LABEL, STATES, State, change_label, change_state, readable_detail
from vollzug.report.context import ReportContext
from vollzug.report.html.markup import Markup, el

VIEWER_FILES = ("bpmn-navigated-viewer.production.min.js", "diagram-js.css", "bpmn-js.css", "LICENSE")
ASSET_DIR = "assets/"
DIAGRAM_DIR = "diagrams/"
_BADGE: dict[State, Msg] = {
    "missing": Msg("fehlt", "missing"), "added": Msg("zusätzlich", "extra"), "changed": Msg("≠", "≠"),
    "reassigned": Msg("⇄", "⇄"), "missing_obligation": Msg("§ fehlt", "§ missing"),
}
_T: dict[str, Msg] = {
    "ist": Msg("IST gegenüber SOLL", "IST against SOLL"),
    "soll": Msg("SOLL: was hier fehlt", "SOLL: what is missing here"),
    "hint": Msg("Element anklicken für Zuständigkeit, RACI, Ressourcen und Norm.",
                "Click an element for responsibility, RACI, resources and norm."),
    "loading": Msg("Diagramm wird geladen …", "Loading diagram …"),
    "unavailable": Msg("Diagramm nicht verfügbar", "Diagram not available"),
    "warnings": Msg("Hinweise beim Einlesen", "import warnings"),
    "type": Msg("Elementtyp", "Element type"), "responsible": Msg("Zuständig", "Responsible"),
    "raci": Msg("RACI", "RACI"), "obligations": Msg("Pflichten", "Obligations"),
    "norm": Msg("Handlungsgrundlage", "Legal basis"), "resources": Msg("Ressourcen", "Resources"),
    "deadlines": Msg("Fristen", "Deadlines"), "notification": Msg("Inkenntnissetzung", "Staff notification"),
    "stakeholder": Msg("Beteiligte/r", "Stakeholder"), "fte": Msg("VZÄ", "FTE"),
    "against_soll": Msg("Gegenüber SOLL", "Against the SOLL"),
    "against_town": Msg("In dieser Kommune", "In this municipality"),
    "hits": Msg("{n} Treffer in {t} Kommunen", "{n} hits in {t} municipalities"),
    "legend": Msg("Legende", "Legend"),
    "zoom_in": Msg("vergrößern", "zoom in"), "zoom_out": Msg("verkleinern", "zoom out"),
    "fit": Msg("Eigene Verwaltung einpassen", "Fit own administration"),
}
_KINDS: dict[str, Msg] = {
    "staff": Msg("Personal", "staff"), "budget": Msg("Budget", "budget"), "it_system": Msg("IT-System", "IT system"),
    "data_source": Msg("Datenquelle", "data source"), "external_service": Msg("Fremdleistung", "external service"),
    "legal": Msg("gesetzlich", "legal"), "planned": Msg("geplant", "planned"),
}


def asset_text(name: str) -> str:
    """A file of the packaged assets (``vollzug-bpmn.js``, ``vollzug-bpmn.css``) or of the vendored viewer."""
    folder = resources.files("vollzug.report").joinpath("assets")
    if name in VIEWER_FILES:
        folder = folder.joinpath("bpmn-js")
    return folder.joinpath(name).read_text(encoding="utf-8")


def asset_files() -> dict[str, bytes]:
    """The viewer, its CSS and licence, and vollzug's glue script, for ``assets/`` of a report folder."""
    files = {f"{ASSET_DIR}bpmn-js/{name}": asset_text(name).encode("utf-8") for name in VIEWER_FILES}
    files[f"{ASSET_DIR}vollzug-bpmn.js"] = asset_text("vollzug-bpmn.js").encode("utf-8")
    return files


def safe_json(value: object) -> str:
    """JSON that is also safe inside ``<script>`` and in a JavaScript file (``<``, ``>``, ``&``, U+2028/9 escaped)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def inline_record(key: str, value: object) -> Markup:
    """Diagram data inside the page (single-file outputs such as ``vollzug diff --format html``)."""
    return Markup(f'<script type="application/json" class="vz-diagram" data-key="{key}">{safe_json(value)}</script>')


def js_record(key: str, value: object) -> bytes:
    """A diagram data file: ``window.vzDiagrams[key] = …;``."""
    return f"window.vzDiagrams=window.vzDiagrams||{{}};window.vzDiagrams[{safe_json(key)}]={safe_json(value)};\n" \
        .encode()


def diagram_key(comparison: Comparison, town: TownResult | None) -> str:
    """File stem of a town's (or, with None, the reference's) diagram data."""
    return f"{comparison.law.lower()}-{town.key if town is not None else 'reference'}"


def _note(notes: dict[str, dict[str, Any]], element: str, state: State, text: str) -> None:
    entry = notes.setdefault(element, {"state": state, "notes": []})
    if STATES.index(state) < STATES.index(entry["state"]):
        entry["state"] = state
    if text and text not in entry["notes"]:
        entry["notes"].append(text)


def overlay_notes(comparison: Comparison, town: TownResult, ctx: ReportContext, lang: Lang
                  ) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(town elements, reference elements) → {state, notes}: what differs, coloured in the IST and SOLL views."""
    ist: dict[str, dict[str, Any]] = {}
    soll: dict[str, dict[str, Any]] = {}
    for entry in town.diff:
        state = change_state(entry.kind)
        label = change_label(entry.kind, lang)
        detail = readable_detail(entry.kind, entry.detail, lang)
        text = f"{label}: {detail}" if detail and detail != label else label
        if entry.element:
            _note(ist, entry.element, state, text)
        if entry.reference_element:
            _note(soll, entry.reference_element, state, text)
    reference = ctx.reference(comparison)
    titles = {o.id: o.title for o in comparison.obligations}
    if reference is not None:
        missing = {c.obligation for c in town.cells if c.status == "missing"}
        for step in reference.steps:
            for ob in sorted(set(step.obligations) & missing):
                _note(soll, step.id, "missing_obligation",
                      f"{STATE_LABEL['missing_obligation'](lang)}: {ob} {titles.get(ob, '')}".strip())
    return ist, soll


def diagram_files(comparison: Comparison, towns: list[TownResult], ctx: ReportContext, lang: Lang
                  ) -> tuple[dict[str, bytes], set[str]]:
    """``diagrams/*.js`` of the reference and of every town with a drawable model; and the town keys drawn."""
    files: dict[str, bytes] = {}
    drawn: set[str] = set()
    ref_xml = ctx.bpmn(comparison.reference)
    ref_key = diagram_key(comparison, None)
    if ref_xml is not None:
        files[f"{DIAGRAM_DIR}{ref_key}.js"] = js_record(ref_key, {"xml": ref_xml.decode("utf-8")})
    for town in towns:
        xml = ctx.bpmn(town.path) if town.path and not town.from_log else None
        if xml is None:
            continue
        ist, soll = overlay_notes(comparison, town, ctx, lang)
        key = diagram_key(comparison, town)
        files[f"{DIAGRAM_DIR}{key}.js"] = js_record(key, {"xml": xml.decode("utf-8"), "ist": ist, "soll": soll,
                                                         "reference": ref_key})
        drawn.add(town.key)
    return files, drawn


def page_data(comparison_obligations: dict[str, dict[str, Any]], norms: dict[str, str], lang: Lang,
              folder: str = DIAGRAM_DIR, texts_override: dict[str, str] | None = None,
              extra: dict[str, str] | None = None) -> Markup:
    """The page's ``<script type="application/json" id="vz-data">``: texts, obligations, norm texts, descriptor."""
    from vollzug.bpmn.moddle import moddle_descriptor

    texts: dict[str, Any] = {k: m(lang) for k, m in _T.items()}
    texts.update(texts_override or {})
    texts["states"] = {s: STATE_LABEL[s](lang) for s in STATES}
    texts["badges"] = {s: _BADGE[s](lang) for s in STATES}
    texts["kinds"] = {k: m(lang) for k, m in _KINDS.items()}
    value = {"texts": texts, "obligations": comparison_obligations, "norms": norms, "moddle": moddle_descriptor(),
             "folder": folder, "locale": "de-DE" if lang == "de" else "en-GB", **(extra or {})}
    return Markup(f'<script type="application/json" id="vz-data">{safe_json(value)}</script>')


def legend(lang: Lang, states: tuple[State, ...] = STATES) -> Markup:
    """Colour legend of the diagram states."""
    return el("p", {"class": "vz-legend"}, [el("span", None, el("i", {"class": f"vz-key vz-key-{s}"}),
                                               STATE_LABEL[s](lang)) for s in states])


def block(comparison: Comparison, town: TownResult, lang: Lang) -> Markup:
    """The diagram block of a town section: view buttons, canvas, details panel."""
    return view_block(diagram_key(comparison, town), _T["ist"](lang), _T["soll"](lang), lang)


def view_block(key: str, own_view: str, reference_view: str, lang: Lang, states: tuple[State, ...] = STATES
               ) -> Markup:
    """A diagram block for the data ``key``: buttons for the own and the reference view, canvas, details panel."""
    return el("div", {"class": "vz-bpmn", "data-town": key, "data-view": "ist"},
              el("div", {"class": "vz-views"},
                 el("button", {"type": "button", "data-view": "ist", "aria-pressed": "true"}, own_view),
                 el("button", {"type": "button", "data-view": "soll", "aria-pressed": "false"}, reference_view),
                 el("button", {"type": "button", "data-zoom": "in", "title": _T["zoom_in"](lang)}, "+"),
                 el("button", {"type": "button", "data-zoom": "out", "title": _T["zoom_out"](lang)}, "−"),
                 el("button", {"type": "button", "data-zoom": "fit", "title": _T["fit"](lang)}, _T["fit"](lang)),
                 el("span", {"class": "vz-status muted"}, "")),
              legend(lang, states),
              el("div", {"class": "vz-frame"},
                 el("div", {"class": "vz-canvas"}),
                 el("aside", {"class": "vz-details", "aria-live": "polite"}, el("p", {"class": "muted"},
                                                                               _T["hint"](lang)))))
