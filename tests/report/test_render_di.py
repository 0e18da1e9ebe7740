"""vollzug render draws what the analyst drew: SVG from the BPMN DI (MIWG files of other tools, our models),
PNG/PDF through cairosvg, Graphviz only for a BPMN file without DI; labels escaped."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from vollzug.cli.main import cli
from vollzug.report.render_di import cairosvg_available

ROOT = Path(__file__).resolve().parents[2]
MIWG = Path("/work/shared/corpora/miwg")
SVG = "{http://www.w3.org/2000/svg}"
DC = "{http://www.omg.org/spec/DD/20100524/DC}"


def _render(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["render", *args])
    return (1 if result.exception is not None else 0), result.output


@pytest.mark.skipif(not MIWG.is_dir(), reason="MIWG corpus missing")
@pytest.mark.parametrize("source", ["Trisotech_Workflow_Modeler_12.6.3/B.2.0-export.bpmn",
                                    "bpmn.io_Camunda_Modeler_18.6.1/C.1.0-export.bpmn",
                                    "Bonita_BPM_7.2.3/A.4.0-export.bpmn"])
def test_svg_follows_the_di(source: str, tmp_path: Path) -> None:
    path = MIWG / source
    out = tmp_path / "drawing.svg"
    code, output = _render(str(path), "-o", str(out))
    assert code == 0 and "diagram interchange" in output, output
    svg = etree.parse(str(out)).getroot()
    drawn = {g.get("data-id"): g for g in svg.iter(SVG + "g")}
    bpmn = etree.parse(str(path))
    shapes = [s for s in bpmn.iter("{http://www.omg.org/spec/BPMN/20100524/DI}BPMNShape")]
    assert shapes and all(s.get("bpmnElement") in drawn for s in shapes)
    # a task is drawn at its DI position
    for shape in shapes:
        bounds = shape.find(DC + "Bounds")
        rect = drawn[shape.get("bpmnElement")].find(SVG + "rect")
        if bounds is not None and rect is not None:
            assert abs(float(rect.get("x", "0")) - float(bounds.get("x", "0"))) < 0.11
            break


def test_graphviz_only_without_di(tmp_path: Path) -> None:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz missing")
    data = (ROOT / "models" / "soll" / "fzv-ikfz.bpmn").read_text(encoding="utf-8")
    no_di = re.sub(r"<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "", data, flags=re.S)
    path = tmp_path / "no-di.bpmn"
    path.write_text(no_di, encoding="utf-8")
    code, output = _render(str(path), "-o", str(tmp_path / "x.svg"))
    assert code == 0 and "Graphviz" in output
    code, _ = _render(str(path), "-o", str(tmp_path / "y.svg"), "--engine", "di")
    assert code != 0 and not (tmp_path / "y.svg").exists()


@pytest.mark.skipif(not cairosvg_available(), reason="cairosvg missing (pip install 'vollzug[render]')")
def test_png_and_pdf_from_di(tmp_path: Path) -> None:
    source = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.bpmn"
    for suffix, magic in ((".png", b"\x89PNG"), (".pdf", b"%PDF")):
        out = tmp_path / f"soll{suffix}"
        code, output = _render(str(source), "-o", str(out))
        assert code == 0 and "diagram interchange" in output
        assert out.read_bytes().startswith(magic)


def test_labels_escaped(tmp_path: Path) -> None:
    data = (ROOT / "models" / "soll" / "fzv-ikfz.bpmn").read_text(encoding="utf-8")
    first = re.search(r'<bpmn:userTask id="[^"]+" name="([^"]+)"', data)
    assert first is not None
    data = data.replace(f'name="{first.group(1)}"', 'name="&lt;script&gt;alert(1)&lt;/script&gt;"', 1)
    path = tmp_path / "evil.bpmn"
    path.write_text(data, encoding="utf-8")
    out = tmp_path / "evil.svg"
    assert _render(str(path), "-o", str(out))[0] == 0
    svg = etree.parse(str(out)).getroot()
    assert not list(svg.iter(SVG + "script"))
    assert "<script>" in "".join(svg.itertext())
