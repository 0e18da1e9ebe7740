"""Draw a model as the analyst drew it: SVG from the BPMN diagram interchange (DI), PNG/PDF converted with cairosvg.

A ``.bpmn`` file is drawn from its own DI (positions, sizes, waypoints as in Camunda Modeler, Signavio, ADONIS …);
a YAML model from the layout ``vollzug build`` gives it (the same drawing the built BPMN shows in a modeller). Only a
BPMN file without DI falls back to Graphviz (:mod:`vollzug.report.render`). The SVG writer is the diff's
(:mod:`vollzug.diff.emit.svg`: every label escaped, no scripts).
"""

from __future__ import annotations

from pathlib import Path

from vollzug.errors import ConfigError, MissingExtraError

FORMATS = ("svg", "png", "pdf")


def di_svg(path: Path) -> str | None:
    """The drawing from the DI (or the built layout of a YAML model) as SVG text, or None when the file has no DI."""
    from vollzug.diff.emit.diagram import diagram_view
    from vollzug.diff.emit.svg import render
    from vollzug.diff.engine import load_side

    side = load_side(path)
    if path.suffix.lower() in (".bpmn", ".xml", ".bpmn2") and (side.view is None or not side.view.layout):
        return None
    view = diagram_view(side)
    if not view.layout:
        return None
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + render(view, {}, side.model.title or side.model.id, 1.0)


def convert(svg: str, fmt: str) -> bytes:
    """SVG text as ``svg``, ``png`` or ``pdf`` bytes (PNG/PDF need the cairosvg package)."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown render format '{fmt}' (known: {', '.join(FORMATS)})")
    if fmt == "svg":
        return svg.encode("utf-8")
    try:
        import cairosvg
    except (ImportError, OSError) as exc:  # OSError: the cairo library itself is missing
        raise MissingExtraError("cairosvg", "render", "PNG/PDF from the diagram interchange") from exc
    data: bytes = (cairosvg.svg2png if fmt == "png" else cairosvg.svg2pdf)(bytestring=svg.encode("utf-8"))
    return data


def cairosvg_available() -> bool:
    """cairosvg and its cairo library can be imported."""
    try:
        import cairosvg  # noqa: F401
    except (ImportError, OSError):
        return False
    return True
