"""„Was ist zu tun“: one line per missing/deviating obligation, sorted by legal deadline, every compare reason turned
into a change sentence (German and English), no English identifiers in the German text; the change vocabulary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from vollzug.compare.engine import compare_all
from vollzug.compare.inputs import load_inputs
from vollzug.compare.results import ComparisonSet
from vollzug.report import actions as act
from vollzug.report.changes import change_label, readable_detail
from vollzug.report.context import ReportContext
from vollzug.report.output import render

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def examples() -> ComparisonSet:
    inputs = load_inputs(sorted((ROOT / "models" / "ist").iterdir()), [ROOT / "models" / "soll" /
                                                                       "wpg-kreis-steinfurt.yaml"])
    return compare_all(inputs.towns, inputs.references, rules=False)


def test_one_action_per_open_obligation_sorted_by_deadline(examples: ComparisonSet) -> None:
    ctx = ReportContext()
    for comparison in examples.comparisons:
        for town in comparison.towns:
            items = act.town_actions(comparison, town, ctx, "de")
            assert len(items) == sum(1 for c in town.cells if c.status in ("missing", "deviating"))
            dates = [a.deadline or "9999" for a in items]
            assert dates == sorted(dates)
            for a in items:
                assert a.change and a.citations and a.title
                # the reason phrases of compare are all known: none passes through unchanged
                for reason in town.cells[[c.obligation for c in town.cells].index(a.obligation)].reasons:
                    assert reason not in a.change.split("; ")


def test_sentences_name_stakeholders_not_ids(examples: ComparisonSet) -> None:
    ctx = ReportContext()
    texts = [a.gap + " " + a.change for c in examples.comparisons for t in c.towns
             for a in act.town_actions(c, t, ctx, "de")]
    assert texts
    assert not [t for t in texts if re.search(r"\b[a-z]+_[a-z_]+\b", t)], "snake_case id in German text"
    assert any("fortlaufend" in t for t in texts) or any("beteiligen" in t for t in texts)
    english = [a.change for c in examples.comparisons for t in c.towns for a in act.town_actions(c, t, ctx, "en")]
    assert not [t for t in english if "Frist" in t or "Dienstanweisung" in t]


def test_fixed_deadline_first(examples: ComparisonSet) -> None:
    comparison = examples.comparisons[0]
    town = comparison.towns[0]
    cells = tuple(c.model_copy(update={"status": "missing", "reasons": ("nicht modelliert",)}) for c in town.cells)
    items = act.town_actions(comparison, town.model_copy(update={"cells": cells}), ReportContext(), "de")
    fixed = [a for a in items if a.deadline]
    assert fixed and items[0].deadline == min(a.deadline for a in fixed)
    assert re.match(r"\d\d\.\d\d\.\d{4}", items[0].deadline_text)
    assert items[0].change.startswith("Prozessschritt „")


def test_files(examples: ComparisonSet) -> None:
    files = render(examples, ["md", "json", "xlsx"], "de")
    doc = json.loads(files["actions.json"])
    assert doc["kind"] == "action_list" and doc["actions"]
    assert {"obligation", "citations", "unit", "change", "deadline"} <= set(doc["actions"][0])
    assert "# Was ist zu tun" in files["actions.md"].decode()
    assert files["actions.xlsx"][:2] == b"PK"


def test_change_vocabulary() -> None:
    assert change_label("removed") == "fehlt gegenüber SOLL"
    assert change_label("added") == "zusätzlich (nicht im SOLL)"  # the one vocabulary (vollzug.vocabulary)
    assert change_label("reassigned") == "Zuständigkeit verschoben"
    assert change_label("deadline_removed") == "Frist: fehlt"
    assert change_label("removed", "en") == "missing compared with the reference"
    text = readable_detail("changed", "lane: a → b; notification: {'recipients': ['x', … → {'recipients': …")
    assert text == "Organisationseinheit: IST „a“, SOLL „b“; Inkenntnissetzung anders als im SOLL"
    assert "{" not in text
    assert act.durations("alle P5Y, P1M nach W10", "de") == "alle 5 Jahre, 1 Monat nach W10"
