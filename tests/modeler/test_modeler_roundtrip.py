"""Round trip through the bpmn-js Modeler in headless Chromium: one of our BPMN files is loaded with the vz:
descriptor, properties are changed through the modeler's API (a RACI letter and a staff figure on vz: elements, the
task name), the XML is saved, and vollzug reads exactly these changes back — nothing else in the model or the
diagram is lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tests.authoring.bpmnjs import CHROMIUM, CHROMIUM_ARGS, JS_DIR
from vollzug.bpmn.moddle import moddle_descriptor
from vollzug.loader import load_model

ROOT = Path(__file__).resolve().parents[2]
MODELER = JS_DIR / "node_modules" / "bpmn-js" / "dist" / "bpmn-modeler.production.min.js"
SOURCE = ROOT / "models" / "ist" / "rheine" / "wpg.bpmn"
DI = "{http://www.omg.org/spec/BPMN/20100524/DI}"
DC = "{http://www.omg.org/spec/DD/20100524/DC}"

pytestmark = pytest.mark.browser

_EDIT_JS = """
async ({ xml, descriptor }) => {
  const modeler = new BpmnJS({ container: '#canvas', moddleExtensions: { vollzug: descriptor } });
  const { warnings } = await modeler.importXML(xml);
  const registry = modeler.get('elementRegistry');
  const modeling = modeler.get('modeling');
  const stepOf = (bo) => ((bo.extensionElements && bo.extensionElements.values) || [])
    .find((v) => v.$type === 'vz:Step');
  const target = registry.filter((e) => {
    const step = stepOf(e.businessObject);
    return step && (step.raci || []).some((r) => r.letter === 'A')
      && (step.resource || []).some((r) => r.kind === 'staff' && r.fte);
  })[0];
  if (!target) return { error: 'no task with an A and a staff resource' };
  const step = stepOf(target.businessObject);
  const raci = step.raci.find((r) => r.letter === 'A');
  const staff = step.resource.find((r) => r.kind === 'staff' && r.fte);
  const before = { party: raci.party, fte: staff.fte, fteType: typeof staff.fte, name: target.businessObject.name };
  modeling.updateModdleProperties(target, raci, { letter: 'C' });
  modeling.updateModdleProperties(target, staff, { fte: 1.25 });
  modeling.updateProperties(target, { name: 'Umbenannt im Modeler' });
  const { xml: saved } = await modeler.saveXML({ format: true });
  return { warnings: warnings.map((w) => String(w.message || w)), id: target.id, before, saved };
}
"""


def _shapes(data: bytes) -> dict[str, tuple[float, ...]]:
    root = etree.fromstring(data)
    out = {}
    for shape in root.iter(DI + "BPMNShape"):
        bounds = shape.find(DC + "Bounds")
        assert bounds is not None
        out[shape.get("bpmnElement", "")] = tuple(float(bounds.get(k, "0")) for k in ("x", "y", "width", "height"))
    return out


@pytest.mark.skipif(not CHROMIUM.exists() or not MODELER.is_file(),
                    reason="Chromium or tests/js/node_modules missing (run: make browser-deps js-deps)")
def test_modeler_round_trip(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.set_content('<html><body style="margin:0"><div id="canvas" style="width:1400px;height:900px">'
                             '</div></body></html>')
            page.add_script_tag(path=str(MODELER))
            result: dict[str, Any] = page.evaluate(_EDIT_JS, {"xml": SOURCE.read_text(encoding="utf-8"),
                                                              "descriptor": moddle_descriptor()})
        finally:
            browser.close()
    assert errors == [] and "error" not in result, (errors, result.get("error"))
    assert result["warnings"] == []
    assert result["before"]["fteType"] == "number"  # typed by the descriptor, not a string
    saved = tmp_path / "saved.bpmn"
    saved.write_text(result["saved"], encoding="utf-8")

    original = load_model(SOURCE).model.model_dump(mode="json")
    edited = load_model(saved).model.model_dump(mode="json")
    step_id = result["id"]
    want = json.loads(json.dumps(original))
    step = next(s for s in want["steps"] if s["id"] == step_id)
    step["name"] = "Umbenannt im Modeler"
    raci = next(r for r in step["raci"] if r["letter"] == "A" and r["party"] == result["before"]["party"])
    raci["letter"] = "C"
    staff = next(r for r in step["resources"] if r["kind"] == "staff" and r["fte"] == result["before"]["fte"])
    staff["fte"] = 1.25
    assert edited == want
    assert edited != original
    # the diagram is kept shape by shape
    assert _shapes(saved.read_bytes()) == _shapes(SOURCE.read_bytes())
