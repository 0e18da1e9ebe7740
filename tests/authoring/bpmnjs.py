"""Support for the bpmn-js interoperability tests: run bpmn-moddle under Node, bpmn-js in headless Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

JS_DIR = Path(__file__).resolve().parents[1] / "js"
VIEWER = JS_DIR / "node_modules" / "bpmn-js" / "dist" / "bpmn-viewer.production.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]

# Runs in the page: import the XML, then list what has no shape/connection in the element registry.
_CHECK_JS = """
async (xml) => {
  if (window.__viewer) window.__viewer.destroy();
  const viewer = new BpmnJS({ container: '#canvas' });
  window.__viewer = viewer;
  let warnings = [];
  try {
    const result = await viewer.importXML(xml);
    warnings = result.warnings.map((w) => String(w.message || w));
  } catch (err) {
    return { error: String(err.message || err), warnings: (err.warnings || []).map((w) => String(w.message || w)) };
  }
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  const defs = viewer.getDefinitions();
  const missing = [];
  const seen = { shapes: 0, connections: 0 };
  const planes = new Set(canvas.getRootElements().map((r) => r.id));
  const visit = (el) => {
    if (!el || typeof el !== 'object' || !el.$type) return;
    const t = el.$type;
    const isFlowNode = el.$instanceOf && el.$instanceOf('bpmn:FlowNode');
    const isShape = isFlowNode || t === 'bpmn:Lane' || t === 'bpmn:Participant';
    const isConn = t === 'bpmn:SequenceFlow' || t === 'bpmn:MessageFlow';
    if (isShape || isConn) {
      const found = registry.get(el.id);
      const ok = found && (isConn ? !!found.waypoints : !found.waypoints);
      if (ok) { isConn ? seen.connections++ : seen.shapes++; } else missing.push(el.id + ' (' + t + ')');
    }
    for (const key of Object.keys(el)) {
      if (key.startsWith('$') || key === 'di') continue;
      const v = el[key];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && v.$type && !['sourceRef', 'targetRef', 'processRef', 'attachedToRef',
               'default', 'dataObjectRef', 'flowNodeRef', 'bpmnElement', 'messageRef'].includes(key)) visit(v);
    }
  };
  defs.rootElements.forEach(visit);
  canvas.zoom('fit-viewport');
  return { warnings, missing, seen, planes: planes.size };
}
"""


def node_available() -> bool:
    """Node and the installed npm packages are there."""
    return shutil.which("node") is not None and (JS_DIR / "node_modules" / "bpmn-moddle").is_dir()


def chromium_available() -> bool:
    """Headless Chromium, python playwright and the bpmn-js bundle are there."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists() and VIEWER.is_file()


def moddle_import(files: list[Path]) -> list[dict[str, Any]]:
    """bpmn-moddle's verdict per file: {file, warnings, elements} (or {error})."""
    out = subprocess.run(["node", str(JS_DIR / "moddle_import.mjs"), *(str(f.resolve()) for f in files)],
                         capture_output=True, text=True, check=True, cwd=JS_DIR, timeout=120)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def viewer_check(files: list[Path], screenshot_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Import each file into bpmn-js in one headless Chromium page; per file: warnings, missing shapes, counts."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, Any]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 2400, "height": 1400})
            page.set_content('<html><body style="margin:0"><div id="canvas" style="width:2400px;'
                             'height:1400px"></div></body></html>')
            page.add_script_tag(path=str(VIEWER))
            for file in files:
                results[str(file)] = page.evaluate(_CHECK_JS, file.read_text(encoding="utf-8"))
                if screenshot_dir is not None:
                    page.screenshot(path=str(screenshot_dir / f"{file.stem}.png"))
        finally:
            browser.close()
    return results


def moddle_typed_import(descriptor: Path, files: list[Path], out_dir: Path | None = None) -> list[dict[str, Any]]:
    """bpmn-moddle with vollzug's descriptor, per file: warnings, vz: types seen, generic (untyped) vz: elements,
    undeclared attributes; with ``out_dir`` the XML bpmn-moddle writes back (``written``)."""
    out = subprocess.run(["node", str(JS_DIR / "moddle_typed.mjs"), str(descriptor.resolve()),
                          str(out_dir.resolve()) if out_dir else "-", *(str(f.resolve()) for f in files)],
                         capture_output=True, text=True, check=True, cwd=JS_DIR, timeout=300)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def validate_templates(files: list[Path]) -> list[dict[str, Any]]:
    """@bpmn-io/element-templates-validator's verdict per template file: {file, valid, count, errors}."""
    out = subprocess.run(["node", str(JS_DIR / "validate_templates.mjs"), *(str(f.resolve()) for f in files)],
                         capture_output=True, text=True, check=True, cwd=JS_DIR, timeout=120)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
