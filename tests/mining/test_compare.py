"""Comparing two towns' logs: coverage, performers, edges, deadlines; output formats escape everything."""

from __future__ import annotations

import json

import pytest

from tests.mining.conftest import LOGS
from vollzug.mining import report_section
from vollzug.mining.compare import LogComparison, compare_logs
from vollzug.mining.deadlines import load_rules
from vollzug.mining.log import EventLog, Trace
from vollzug.mining.render import EMITTERS


@pytest.fixture(scope="module")
def result(fitting: EventLog, town_b: EventLog) -> LogComparison:
    return compare_logs([fitting, town_b], ["Stadt A", "Gemeinde B"], rules=load_rules(LOGS / "deadlines.yaml").rules)


def test_profiles_and_coverage(result: LogComparison) -> None:
    a, b = result.profiles
    assert (a.cases, b.cases, a.variants, b.variants) == (30, 24, 2, 2)
    rows = {r.activity: r for r in result.activities}
    assert rows["Unterlagen nachfordern"].case_share == {"Stadt A": 0.2, "Gemeinde B": 0.5}
    assert rows["Antrag registrieren"].case_share == {"Stadt A": 1.0, "Gemeinde B": 1.0}
    assert result.shared_activities == 6
    assert result.shared_variants == 2


def test_performers_and_step_durations(result: LogComparison) -> None:
    rows = {r.activity: r for r in result.activities}
    assert rows["Bescheid versenden"].performer == {"Stadt A": "Poststelle (100%)", "Gemeinde B": "Bauamt (100%)"}
    assert rows["Bescheid versenden"].median_days == {"Stadt A": 3.0, "Gemeinde B": 3.0}
    assert rows["Vollständigkeit prüfen"].median_days == {"Stadt A": 2.0, "Gemeinde B": 2.0}


def test_directly_follows_differences(result: LogComparison) -> None:
    top = result.edges[0]
    assert top.spread == pytest.approx(0.3)
    assert {top.source, top.target} & {"Unterlagen nachfordern"}


def test_deadlines_per_town(result: LogComparison) -> None:
    a, b = result.deadlines["Stadt A"][0], result.deadlines["Gemeinde B"][0]
    assert (a.measured, a.within, b.measured, b.within) == (30, 13, 24, 13)


def test_formats_escape_and_agree(result: LogComparison, fitting: EventLog) -> None:
    hostile = EventLog("x", fitting.path, [Trace("1", fitting.traces[0].events)], "activity", "resource",
                       {"Antrag registrieren": "<script>alert(1)</script>"})
    evil = compare_logs([hostile], ["<b>Town</b>"])
    html = EMITTERS["html"](evil, "de")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Town&lt;/b&gt;" in html and "<!DOCTYPE html>" in html
    assert "<script" not in html
    text = EMITTERS["text"](result, "en")
    assert "Comparison of event logs" in text and "Gemeinde B" in text
    markdown = EMITTERS["markdown"](result, "de")
    assert "| Unterlagen nachfordern | Unterlagen nachfordern | 20,0\u00a0% | 50,0\u00a0% |" in markdown
    assert LogComparison.model_validate(json.loads(EMITTERS["json"](result, "de"))) == result
    fragment = report_section(result)
    assert fragment.startswith('<section class="mining">') and "<h3>" in fragment
