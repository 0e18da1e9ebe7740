"""The HTML report in headless Chromium: offline, sortable, filterable, and inert against script payloads."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.report.report_support import XSS_IMG, XSS_SCRIPT
from vollzug.compare.results import ComparisonSet
from vollzug.report.output import render, write_files

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(result: ComparisonSet, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("report")
    write_files(render(result, ["html"], "de"), folder)
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(not Path(CHROMIUM).exists() and shutil.which("chromium") is None, reason="Chromium missing")
def test_report_in_chromium(served: str, result: ComparisonSet) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    towns = result.comparisons[0].towns
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        errors: list[str] = []
        requests: list[str] = []
        dialogs: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda req: requests.append(req.url))
        page.on("response", lambda res: errors.append(f"{res.status} {res.url}") if res.status >= 400 else None)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(served)
        page.wait_for_load_state("load")

        assert errors == []
        assert dialogs == []
        folder = served.rsplit("/", 1)[0] + "/"
        assert requests[0] == served and all(r.startswith(folder) for r in requests), requests
        assert {r[len(folder):] for r in requests[1:]} <= {
            "assets/bpmn-js/diagram-js.css", "assets/bpmn-js/bpmn-js.css",
            "assets/bpmn-js/bpmn-navigated-viewer.production.min.js", "assets/vollzug-bpmn.js",
        } | {f"diagrams/{r[len(folder) + 9:]}" for r in requests if r.startswith(folder + "diagrams/")}

        table = page.locator("#wpg-towns")
        assert table.locator("tbody tr").count() == len(towns)
        # the payloads are shown as text, never executed
        body_text = page.locator("body").inner_text()
        assert XSS_IMG in body_text and XSS_SCRIPT in body_text
        assert page.locator("img").count() == 0
        sources = page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))")
        assert all(src is None or src.startswith(("assets/", "diagrams/")) for src in sources), sources

        # sort by similarity: click the header twice → descending
        header = table.locator("thead th").nth(3)
        header.click()
        assert header.get_attribute("aria-sort") == "ascending"
        values = [float(v) for v in table.locator("tbody tr td:nth-child(4)").evaluate_all(
            "cells => cells.map(c => c.getAttribute('data-sort'))")]
        assert values == sorted(values)
        header.click()
        values = [float(v) for v in table.locator("tbody tr td:nth-child(4)").evaluate_all(
            "cells => cells.map(c => c.getAttribute('data-sort'))")]
        assert values == sorted(values, reverse=True)

        # filter: one town name leaves one visible row
        page.locator("input.filter[data-table='wpg-towns']").fill(towns[0].name)
        assert table.locator("tbody tr:visible").count() == 1
        page.locator("input.filter[data-table='wpg-towns']").fill("")
        assert table.locator("tbody tr:visible").count() == len(towns)

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.screenshot(path=str(ARTIFACTS / "report-overview.png"), full_page=False)
        assert dialogs == [] and errors == []
        browser.close()
