"""Size and load time of the interactive HTML report (bpmn-js diagrams) for the example towns and for N synthetic
towns.

Cases (each writes a report folder with ``vollzug report --format html`` in a subprocess, then opens it from
``file://`` in headless Chromium through Playwright):

* ``examples`` — the 13 example models (``models/ist/*/``: 12 WPG towns and the Kreis for FZV);
* ``synth:N`` — N synthetic towns from ``vollzug synth --towns N --from models/soll/wpg-kreis-steinfurt.yaml``
  (written once, not timed).

Figures per case: time to write the report; bytes of ``index.html``, of ``assets/`` (the viewer, once per folder),
of ``diagrams/`` (one data file per town, loaded when its diagram scrolls into view) and their mean per town;
of the town pages and of ``search-index.js`` (reports above 60 towns); in Chromium the time to the ``load``
event, for one search over all towns ("§ 7"; with town pages this loads ``search-index.js``), to load a town page
(split reports) and until the first town's diagram is drawn and coloured. Medians over ``--repeat`` page loads.

Usage::

    python benchmarks/bench_report_html.py                 # examples and synth:396
    python benchmarks/bench_report_html.py --cases synth:50 --repeat 5
    python benchmarks/bench_report_html.py --smoke         # examples only, one page load (a check that it runs)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _vollzug(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "vollzug", *args], check=True, cwd=ROOT, capture_output=True,
                   env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size


def _write(case: str, work: Path) -> tuple[Path, float, int]:
    out = work / f"report-{case.replace(':', '-')}"
    if case == "examples":
        models = sorted(str(p) for p in (ROOT / "models" / "ist").iterdir() if p.is_dir())
    else:
        count = int(case.split(":")[1])
        towns = work / f"towns-{count}"
        if not towns.is_dir():
            _vollzug("synth", "--towns", str(count), "--from", str(REFERENCE), "-o", str(towns))
        models = [str(towns)]
    start = time.perf_counter()
    _vollzug("report", *models, "--reference", str(REFERENCE), "-o", str(out), "--format", "html", "-q")
    seconds = time.perf_counter() - start
    return out, seconds, sum(1 for f in (out / "diagrams").glob("*.js") if not f.stem.endswith("-reference"))


def _browser(folder: Path, repeat: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    loads: list[float] = []
    first: list[float] = []
    search: list[float] = []
    town_loads: list[float] = []
    pages = sorted((folder / "towns").glob("*.html"))  # a split report: the diagrams are on the town pages
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for _ in range(repeat):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                start = time.perf_counter()
                page.goto((folder / "index.html").as_uri())
                page.wait_for_load_state("load")
                loads.append(time.perf_counter() - start)
                start = time.perf_counter()
                page.locator("#vz-search").fill("§ 7")
                page.wait_for_selector("#vz-search-results li", timeout=120000)
                search.append(time.perf_counter() - start)
                if pages:
                    start = time.perf_counter()
                    page.goto(pages[0].as_uri())
                    page.wait_for_load_state("load")
                    town_loads.append(time.perf_counter() - start)
                block = page.locator(".vz-bpmn").first
                start = time.perf_counter()
                block.scroll_into_view_if_needed()
                page.wait_for_selector(".vz-bpmn[data-ready]", timeout=60000)
                first.append(time.perf_counter() - start)
                page.close()
        finally:
            browser.close()
    return {"load_s": statistics.median(loads), "search_s": statistics.median(search),
            "town_page_load_s": statistics.median(town_loads) if town_loads else 0.0,
            "first_diagram_s": statistics.median(first)}


def run(case: str, work: Path, repeat: int) -> dict[str, Any]:
    folder, seconds, towns = _write(case, work)
    diagrams = _size(folder / "diagrams")
    row: dict[str, Any] = {"case": case, "towns_drawn": towns, "write_s": round(seconds, 2),
                           "index_html_bytes": _size(folder / "index.html"), "assets_bytes": _size(folder / "assets"),
                           "town_pages_bytes": _size(folder / "towns") if (folder / "towns").is_dir() else 0,
                           "search_index_bytes": _size(folder / "search-index.js")
                           if (folder / "search-index.js").is_file() else 0,
                           "diagrams_bytes": diagrams, "diagram_per_town_bytes": diagrams // max(towns, 1),
                           "folder_bytes": _size(folder)}
    row.update({k: round(v, 3) for k, v in _browser(folder, repeat).items()})
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default="examples,synth:396", help="comma-separated: examples, synth:N")
    parser.add_argument("--repeat", type=int, default=3, help="page loads per case (median)")
    parser.add_argument("--smoke", action="store_true", help="examples only, one page load")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "vollzug-bench-report-html")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"skipped: {CHROMIUM} missing (make browser-deps)")
        return 0
    cases = ["examples"] if args.smoke else [c.strip() for c in args.cases.split(",") if c.strip()]
    repeat = 1 if args.smoke else args.repeat
    args.work.mkdir(parents=True, exist_ok=True)
    rows = [run(case, args.work, repeat) for case in cases]
    keys = list(rows[0])
    print("  ".join(f"{k:>22}" for k in keys))
    for row in rows:
        print("  ".join(f"{row[k]!s:>22}" for k in keys))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
