"""``vollzug reference``: merged reference of the example towns and of independently drawn gold-set models."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tests.authoring.bpmnjs import chromium_available, moddle_import, node_available, viewer_check
from vollzug.bpmn.validate import validate_file
from vollzug.loader import load_model
from vollzug.reference.merge import merge
from vollzug.reference.run import run_reference

ROOT = Path(__file__).resolve().parents[2]
TOWNS = sorted(p for p in (ROOT / "models" / "ist").iterdir() if p.is_dir() and p.name != "kreis-steinfurt")
GOLD = ROOT / "tests" / "fixtures" / "matching_gold" / "procedures"
VZ = "{urn:vollzug:bpmn:1.0}"


@pytest.fixture(scope="module")
def wpg(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    out = tmp_path_factory.mktemp("ref")
    target, table = out / "ref.bpmn", out / "ref.json"
    result = run_reference(TOWNS, target, law="WPG", table=table)
    return target, table, result


def test_example_towns_merge_into_a_valid_reference_with_support(wpg: tuple[Path, Path, object]) -> None:
    target, table, _result = wpg
    assert [p for p in validate_file(target) if p.severity == "error"] == []
    root = etree.parse(str(target)).getroot()
    supports = list(root.iter(f"{VZ}support"))
    data = json.loads(table.read_text(encoding="utf-8"))
    assert len(supports) == len(data["steps"]) >= 20
    total = len(data["distances"])
    assert total == 12
    for el in supports:
        count = int(el.get("count", "0"))
        assert el.get("total") == str(total)
        assert len({m.get("model") for m in el.iter(f"{VZ}member")}) == count
        assert (el.get("core") == "true") == (count >= total // 2 + 1)
    model = load_model(target).model
    by_id = {s.id: s for s in model.steps}
    for row in data["steps"]:
        assert row["step"] in by_id
        if not row["core"]:  # a variant hangs in an optional branch
            assert by_id[f"{row['step']}_optional"].type == "exclusiveGateway"


def test_reference_order_follows_the_towns(wpg: tuple[Path, Path, object]) -> None:
    _, table, result = wpg
    assert result.agreement is not None and result.agreement >= 0.9  # type: ignore[attr-defined]
    rows = json.loads(table.read_text(encoding="utf-8"))["steps"]
    obligations = [r["obligations"] for r in rows]
    order = [next(i for i, obs in enumerate(obligations) if ob in obs.split("; "))
             for ob in ("WPG.W01", "WPG.W06", "WPG.W08", "WPG.W10", "WPG.W14", "WPG.W15", "WPG.W17")]
    assert order == sorted(order)  # decision, data, analysis, draft, plan, adoption, notification: the law's order


def test_the_same_model_three_times_is_its_own_reference() -> None:
    model = load_model(TOWNS[0] / "wpg.yaml").model
    clusters = merge([("a", model), ("b", model), ("c", model)])
    activities = [s for s in model.steps if s.type.endswith("Task") or s.type in ("task", "subProcess")]
    assert len(clusters) == len(activities)
    assert all(c.support == 3 for c in clusters)


def test_five_independently_drawn_models_merge_close_to_the_gold_clusters() -> None:
    folder = GOLD / "gewerbeanmeldung"  # a development procedure of the gold set (5 tools, 5 towns)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    models = [(v, load_model(folder / f"{v}.bpmn").model) for v in gold["variants"]]
    clusters = merge(models)
    same_gold = set()
    for cluster in gold["clusters"]:
        flat = [(v, e) for v, ids in cluster["members"].items() for e in ids]
        same_gold |= {(a, b) for a in flat for b in flat if a[0] < b[0]}
    predicted = {(a, b) for c in clusters for a in [(m.model, m.step.id) for m in c.members]
                 for b in [(m.model, m.step.id) for m in c.members] if a[0] < b[0]}
    precision = len(predicted & same_gold) / len(predicted)
    assert precision >= 0.8, precision
    assert len(predicted & same_gold) / len(same_gold) >= 0.3  # the precise matcher leaves unsure pairs apart


def test_cli_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    copy = tmp_path / "a.yaml"
    copy.write_bytes((TOWNS[0] / "wpg.yaml").read_bytes())
    before = copy.read_bytes()
    proc = subprocess.run([sys.executable, "-m", "vollzug", "reference", str(copy), str(TOWNS[1]), "-o", str(copy)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert "overwrite" in proc.stderr and "Traceback" not in proc.stderr
    assert copy.read_bytes() == before


@pytest.mark.skipif(not node_available(), reason="node or tests/js/node_modules missing (run: make js-deps)")
def test_bpmn_moddle_reads_the_reference_without_warnings(wpg: tuple[Path, Path, object]) -> None:
    [result] = moddle_import([wpg[0]])
    assert "error" not in result and result["warnings"] == [], result


@pytest.mark.browser
@pytest.mark.skipif(not chromium_available(), reason="Chromium or the bpmn-js bundle missing")
def test_bpmn_js_draws_every_reference_element(wpg: tuple[Path, Path, object], tmp_path: Path) -> None:
    result = viewer_check([wpg[0]], screenshot_dir=tmp_path)[str(wpg[0])]
    assert result["warnings"] == [] and result["missing"] == [], result


def test_a_broken_model_is_left_out_and_reported(tmp_path: Path) -> None:
    for town in TOWNS[:3]:
        (tmp_path / f"{town.name}.yaml").write_bytes((town / "wpg.yaml").read_bytes())
    (tmp_path / "kaputt.bpmn").write_text("<definitions", encoding="utf-8")
    target = tmp_path / "out" / "ref.bpmn"
    proc = subprocess.run([sys.executable, "-m", "vollzug", "reference", str(tmp_path), "-o", str(target)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2, proc.stderr
    assert "kaputt.bpmn" in proc.stderr and "Traceback" not in proc.stderr
    assert target.is_file() and "aus 3 Modellen" in proc.stdout
