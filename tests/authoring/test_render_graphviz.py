"""vollzug render: Graphviz drawings of fixtures (real dot, no mocks)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from lxml import etree

from vollzug.authoring.yaml_io import load_yaml_model
from vollzug.report.render import render_bytes, to_dot

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "yaml").glob("*.yaml"))
SVG = "{http://www.w3.org/2000/svg}"
pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed")


def _svg_text(data: bytes) -> str:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    assert root.tag == SVG + "svg"
    return " ".join(t.text or "" for t in root.iter(SVG + "text"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_svg_contains_every_step_name_and_lane(path: Path) -> None:
    model = load_yaml_model(path).model
    text = _svg_text(render_bytes(model, "svg"))
    for step in model.steps:
        if step.name:
            assert step.name in text, step.name
    for unit in model.org_units:
        assert unit.name in text


def test_markers_for_citations_notifications_and_resources() -> None:
    model = load_yaml_model(Path(FIXTURES[0]).with_name("wpg-small.yaml")).model
    text = _svg_text(render_bytes(model, "svg"))
    assert "§ 13 Abs. 2 WPG" in text  # citation under the step name
    assert "✉ Personal in Kenntnis setzen" in text  # notification step
    assert "0,5 VZÄ · 40.000 € · GIS" in text  # resource line of the analysis
    dot = to_dot(model)
    assert "rankdir=LR" in dot and "cluster_fb_planung" in dot and "style=dashed" in dot


def test_png_and_pdf(tmp_path: Path) -> None:
    model = load_yaml_model(FIXTURES[0]).model
    assert render_bytes(model, "png").startswith(b"\x89PNG\r\n\x1a\n")
    assert render_bytes(model, "pdf").startswith(b"%PDF")


def test_cli_render(tmp_path: Path) -> None:
    out = tmp_path / "m.svg"
    source = Path(FIXTURES[0]).with_name("features.yaml")
    done = subprocess.run([sys.executable, "-m", "vollzug", "render", str(source), "-o", str(out), "--engine",
                           "graphviz"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Antrag prüfen" in _svg_text(out.read_bytes())
    bad = subprocess.run([sys.executable, "-m", "vollzug", "render", str(source), "-o", str(tmp_path / "m.gif")],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "Zeichenformat „gif“ unbekannt" in bad.stderr  # errors in the output language (de)


def _cluster_boxes(svg: bytes) -> dict[str, tuple[float, float, float, float]]:
    """cluster title → (x0, y0, x1, y1) of its outline polygon."""
    root = etree.fromstring(svg, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    boxes = {}
    for group in root.iter(SVG + "g"):
        title = group.find(SVG + "title")
        polygon = group.find(SVG + "polygon")
        if group.get("class") == "cluster" and title is not None and polygon is not None:
            points = [tuple(map(float, p.split(","))) for p in (polygon.get("points") or "").split()]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            boxes[title.text or ""] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


def test_lanes_are_full_width_bands_stacked_without_overlap() -> None:
    model = load_yaml_model(Path(FIXTURES[0]).with_name("wpg-small.yaml")).model
    boxes = _cluster_boxes(render_bytes(model, "svg"))
    parents = {unit.id: unit.parent for unit in model.org_units}
    # top-level lanes (a leaf lane sits one cluster margin inside a lane with sub-lanes), and the sub-lanes
    for level, tolerance in ((None, 10), ("verwaltung", 1)):
        lanes = [boxes[f"cluster_{lane}"] for lane, parent in parents.items() if parent == level]
        assert len(lanes) >= 2
        lefts, rights = {round(b[0]) for b in lanes}, {round(b[2]) for b in lanes}
        assert max(lefts) - min(lefts) <= tolerance and max(rights) - min(rights) <= tolerance, (lefts, rights)
        bands = sorted((b[1], b[3]) for b in lanes)
        for (_top, bottom), (next_top, _next_bottom) in pairwise(bands):
            assert bottom <= next_top + 0.5
