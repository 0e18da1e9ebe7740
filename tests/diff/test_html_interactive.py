"""vollzug diff --format html in headless Chromium from file://: one self-contained file (viewer inlined, nothing
fetched), both sides drawn by bpmn-js with the differences coloured, details on click, hostile labels inert."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.report.report_support import XSS_IMG, XSS_SCRIPT
from vollzug.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "build" / "test-screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _hostile_ist(tmp_path: Path) -> Path:
    doc = yaml.safe_load((ROOT / "models" / "ist" / "rheine" / "wpg.yaml").read_text(encoding="utf-8"))
    task = next(s for s in doc["steps"] if s.get("type", "task").endswith("ask"))
    task["name"] = f"{XSS_IMG} {XSS_SCRIPT}"
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium missing (make browser-deps)")
def test_diff_html_overlays(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "diff.html"
    result = CliRunner().invoke(cli, ["diff", str(_hostile_ist(tmp_path)),
                                      str(ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"),
                                      "--format", "html", "-o", str(out)])
    assert result.exception is None, result.output
    html = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and 'src="http' not in html
    errors: list[str] = []
    dialogs: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda req: requests.append(req.url))
            page.goto(out.as_uri())
            page.wait_for_selector(".vz-bpmn[data-ready='ist']", timeout=20000)
            marked = page.locator(".vz-canvas .djs-element[class*='vz-']")
            assert marked.count() > 5
            assert XSS_SCRIPT in page.locator(".vz-canvas").inner_text()
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "diff-overlays.png"))
            marked.first.click(force=True)
            assert "Gegenüber SOLL" in page.locator(".vz-details").inner_text()
            page.locator("button[data-view='soll']").click()
            page.wait_for_selector(".vz-bpmn[data-ready='soll']", timeout=20000)
            assert page.locator(".vz-canvas .djs-element.vz-missing").count() > 0
            page.locator(".vz-bpmn").screenshot(path=str(SHOTS / "diff-soll-missing.png"))
            assert page.locator("img").count() == 0
        finally:
            browser.close()
    assert errors == [] and dialogs == []
    assert all(r.startswith(("file://", "data:")) for r in requests), requests
