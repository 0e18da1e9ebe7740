"""The report's bpmn-js diagrams, action list and search in headless Chromium, opened from file:// with no network:
diagrams load from diagrams/ beside the page, differences are coloured, the SOLL view marks what a town lacks,
clicking shows the details, hostile labels stay text. Screenshots (1400 px wide) go to build/test-screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.report.report_support import XSS_IMG, XSS_SCRIPT
from vollzug.compare.results import ComparisonSet
from vollzug.report.output import render, write_files

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "test-screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def folder(result: ComparisonSet, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-diagrams")
    write_files(render(result, ["html", "md", "json"], "de"), out)
    return out


@pytest.fixture(scope="module")
def page(folder: Path) -> Iterator[tuple[Any, dict[str, list[str]]]]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium missing (make browser-deps)")
    sync_api = pytest.importorskip("playwright.sync_api")
    seen: dict[str, list[str]] = {"errors": [], "dialogs": [], "requests": []}
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        tab.on("console", lambda msg: seen["errors"].append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
        tab.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
        tab.on("request", lambda req: seen["requests"].append(req.url))
        tab.goto((folder / "index.html").as_uri())
        tab.wait_for_load_state("load")
        yield tab, seen
        browser.close()


def _town_id(result: ComparisonSet, name_part: str) -> str:
    comparison = result.comparisons[0]
    town = next(t for t in comparison.towns if name_part in t.name)
    return f"{comparison.law.lower()}-{town.key}"


def _ready(tab: Any, section: str, view: str) -> Any:
    block = tab.locator(f"#{section} .vz-bpmn")
    block.scroll_into_view_if_needed()
    tab.wait_for_selector(f"#{section} .vz-bpmn[data-ready='{view}']", timeout=20000)
    return block


def test_district_page_offline(page: tuple[Any, dict[str, list[str]]], folder: Path) -> None:
    tab, seen = page
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / "report-district.png"))
    base = folder.as_uri() + "/"
    assert all(url.startswith(base) or url.startswith("data:") for url in seen["requests"]), seen["requests"]
    heat = tab.locator("table.heat th.ob").first.inner_text()
    assert "·" in heat and "§" in heat  # id, title and citation, not only the id
    assert seen["errors"] == [] and seen["dialogs"] == []


def test_diagram_overlays_details_and_soll_view(page: tuple[Any, dict[str, list[str]]],
                                                result: ComparisonSet) -> None:
    tab, seen = page
    section = _town_id(result, "Evilstadt")
    block = _ready(tab, section, "ist")
    markers = tab.locator(f"#{section} .djs-element[class*='vz-']")
    assert markers.count() > 0
    assert tab.locator(f"#{section} .vz-badge").count() == markers.count()
    # the hostile step label is drawn as text by bpmn-js, nothing executes
    assert XSS_SCRIPT in tab.locator(f"#{section} .vz-canvas").inner_text() or \
        XSS_IMG in tab.locator(f"#{section} .vz-canvas").inner_text()
    assert tab.locator("img").count() == 0 and seen["dialogs"] == []
    block.screenshot(path=str(SHOTS / "town-diagram-ist.png"))
    first = markers.first
    first.click(force=True)
    panel = tab.locator(f"#{section} .vz-details")
    assert "Gegenüber SOLL" in panel.inner_text()
    panel.screenshot(path=str(SHOTS / "town-details.png"))
    tab.locator(f"#{section} button[data-view='soll']").click()
    _ready(tab, section, "soll")
    soll_marks = tab.locator(f"#{section} .djs-element[class*='vz-']")
    assert soll_marks.count() > 0
    block.screenshot(path=str(SHOTS / "town-diagram-soll.png"))
    assert seen["errors"] == [] and seen["dialogs"] == []


def test_action_list_and_search(page: tuple[Any, dict[str, list[str]]], result: ComparisonSet,
                                folder: Path) -> None:
    tab, seen = page
    comparison = result.comparisons[0]
    town = next(t for t in comparison.towns if any(c.status != "covered" for c in t.cells))
    section = f"{comparison.law.lower()}-{town.key}"
    actions = tab.locator(f"#{section}-actions")
    actions.scroll_into_view_if_needed()
    rows = actions.locator("tbody tr")
    assert rows.count() == sum(1 for c in town.cells if c.status in ("missing", "deviating"))
    actions.screenshot(path=str(SHOTS / "town-actions.png"))
    box = tab.locator("#vz-search")
    box.scroll_into_view_if_needed()
    box.fill("§7")
    results = tab.locator("#vz-search-results li")
    assert results.count() > 0
    texts = results.all_inner_texts()[:20]
    hits = sum("§ 7" in text for text in texts)  # a result shows a snippet: the match may lie beyond its cut
    assert hits >= max(1, len(texts) // 2), texts
    box.fill(XSS_SCRIPT)
    assert tab.locator("#vz-search-results li").count() > 0 and seen["dialogs"] == []
    tab.locator("#vz-search-results").screenshot(path=str(SHOTS / "search.png"))
    assert (folder / "actions.md").is_file() and (folder / "actions.json").is_file()
    assert seen["errors"] == []


def test_split_report_town_pages_and_search_index(page: tuple[Any, dict[str, list[str]]], result: ComparisonSet,
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above SPLIT_ABOVE towns (lowered here to 3) every town has its own page; the search reads search-index.js."""
    from vollzug.report.emitters import html as html_emitter

    monkeypatch.setattr(html_emitter, "SPLIT_ABOVE", 3)
    write_files(render(result, ["html"], "de"), tmp_path)
    pages = sorted((tmp_path / "towns").glob("*.html"))
    assert len(pages) == len(result.comparisons[0].towns)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'class="town"' not in index and 'href="towns/' in index
    errors: list[str] = []
    dialogs: list[str] = []
    browser = page[0].context.browser  # the module's browser (one Playwright instance per process)
    assert browser is not None
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.goto((tmp_path / "index.html").as_uri())
        tab.locator("#vz-search").fill("§ 7")
        tab.wait_for_selector("#vz-search-results li", timeout=20000)
        link = tab.locator("#vz-search-results li a").first
        assert (link.get_attribute("href") or "").startswith("towns/")
        tab.locator("#vz-search").fill(XSS_IMG)
        tab.wait_for_selector("#vz-search-results li", timeout=20000)
        tab.locator("#vz-search-results li a").first.click()
        tab.wait_for_load_state("load")
        assert "Evilstadt" in tab.title()
        tab.locator(".vz-bpmn").scroll_into_view_if_needed()
        tab.wait_for_selector(".vz-bpmn[data-ready='ist']", timeout=20000)
        assert tab.locator(".djs-element[class*='vz-']").count() > 0
    finally:
        tab.close()
    assert errors == [] and dialogs == []
