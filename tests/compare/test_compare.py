"""compare: matrix statuses, gaps, similarity and clustering on a reference fixture and deliberate variations."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from vollzug.compare.engine import Town, compare_all, compare_law
from vollzug.compare.features import extract, unit_family
from vollzug.compare.similarity import pairwise, signature
from vollzug.model.process import OperationalModel

REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "compare" / "wpg-soll.yaml"


def _ref_doc() -> dict:
    return yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))


def _town(doc: dict, name: str, ags: str, population: int = 20_000) -> OperationalModel:
    doc = dict(doc)
    doc["variant"] = "IST"
    doc["municipality"] = {"ags": ags, "name": name, "kind": "Stadt",
                           "population": {"count": population, "reference_date": "2024-01-01"}}
    return OperationalModel.model_validate(doc)


def _compare(*towns: OperationalModel, **options):
    ref = OperationalModel.model_validate(_ref_doc())
    return compare_law([Town(t) for t in towns], Town(ref, str(REFERENCE)), rules=False, **options)


def _cell(result, town_index: int, obligation: str):
    town = result.towns[town_index]
    return next(c for c in town.cells if c.obligation == obligation)


def test_copy_of_reference_is_fully_similar_and_has_no_missing_cells() -> None:
    result = _compare(_town(_ref_doc(), "Gleichstadt", "05999001", 80_000))
    town = result.towns[0]
    assert town.similarity.overall == pytest.approx(1.0)
    assert town.counts.get("missing", 0) == 0
    assert town.counts.get("deviating", 0) == 0
    assert town.counts.get("covered", 0) > 15


def test_dropped_step_is_missing_with_a_gap_citing_its_norm() -> None:
    doc = _ref_doc()
    doc["steps"] = [s for s in doc["steps"] if s["id"] != "t_abwaegung"]
    result = _compare(_town(doc, "Ohnestadt", "05999002", 80_000))
    cell = _cell(result, 0, "WPG.W12")
    assert cell.status == "missing"
    gaps = [g for g in result.towns[0].gaps if g.obligation == "WPG.W12"]
    assert gaps and gaps[0].code == "CMP001"
    assert result.towns[0].similarity.obligations < 1.0


def test_moved_step_removed_flow_and_notification_are_deviations() -> None:
    doc = _ref_doc()
    for step in doc["steps"]:
        if step["id"] == "t_daten":
            step["lane"] = "presse"
            step["raci"] = [{"party": "presse", "letter": "A"}]
    doc["message_flows"] = [m for m in doc["message_flows"] if m["target"] != "p_netz"]
    doc["steps"] = [s for s in doc["steps"] if not s.get("notification")]
    result = _compare(_town(doc, "Abweichstadt", "05999003", 80_000))
    daten = _cell(result, 0, "WPG.W06")
    assert daten.status == "deviating"
    assert any("Zuständigkeit" in r.de and "responsibility" in r.en for r in daten.reasons)
    assert any("Personal" in r.de and "staff" in r.en for r in daten.reasons)
    beteiligung = _cell(result, 0, "WPG.W04")
    assert beteiligung.status == "deviating"
    assert "network_operator" not in beteiligung.stakeholders
    categories = {g.category for g in result.towns[0].gaps}
    assert {"G08", "G10", "G12"} <= categories
    kinds = {d.kind for d in result.towns[0].diff}
    assert {"reassigned", "stakeholder_removed"} <= kinds


def test_pairwise_matrix_is_symmetric_with_unit_diagonal_and_clusters_identical_towns() -> None:
    base = _ref_doc()
    other = _ref_doc()
    other["steps"] = [s for s in other["steps"] if s["id"] not in {"t_abwaegung", "t_auslegung", "t_potenzial"}]
    towns = [_town(base, "A-Stadt", "05999010"), _town(base, "B-Stadt", "05999011"),
             _town(other, "C-Stadt", "05999012")]
    result = _compare(*towns)
    assert result.similarity is not None and result.clustering is not None
    matrix = np.array(result.similarity.overall)
    assert np.allclose(matrix, matrix.T)
    assert np.allclose(np.diag(matrix), 1.0)
    assert matrix[0, 1] == pytest.approx(1.0)
    assert matrix[0, 2] < 1.0
    assert set(result.clustering.order) == {t.key for t in result.towns}
    groups = result.clustering.groups
    assert groups["a-stadt"] == groups["b-stadt"]


def test_pairwise_is_skipped_when_off() -> None:
    result = _compare(_town(_ref_doc(), "A", "05999020"), _town(_ref_doc(), "B", "05999021"), pairwise_mode="off")
    assert result.similarity is None and result.clustering is None


def test_vectorised_pairwise_agrees_with_to_reference_scores() -> None:
    doc = _ref_doc()
    doc["steps"] = doc["steps"][:-3]
    ref = OperationalModel.model_validate(_ref_doc())
    town = _town(doc, "Kurzstadt", "05999030")
    result = _compare(town)
    matrices = pairwise([signature(extract(town)), signature(extract(ref))])
    scores = result.towns[0].similarity
    for dim in ("obligations", "responsibility", "stakeholders", "structure", "resources"):
        assert matrices[dim][0, 1] == pytest.approx(getattr(scores, dim), abs=1e-3)


def test_parallel_run_equals_serial_run() -> None:
    from vollzug.synth import synth_towns

    ref = OperationalModel.model_validate(_ref_doc())
    towns = [Town(m) for m in synth_towns(ref, 8, seed=5)]
    serial = compare_all(towns, [Town(ref, "ref")], rules=False)
    parallel = compare_all(towns, [Town(ref, "ref")], rules=False, jobs=2)
    assert serial.comparisons[0].towns == parallel.comparisons[0].towns


def test_towns_without_a_reference_of_their_law_are_listed_as_skipped() -> None:
    doc = _ref_doc()
    doc["law"] = "FZV"
    ref = OperationalModel.model_validate(_ref_doc())
    result = compare_all([Town(_town(doc, "Fahrstadt", "05999040"), "x.yaml")], [Town(ref, "ref")], rules=False)
    assert result.comparisons == ()
    assert result.skipped and "FZV" in result.skipped[0].de and "no reference" in result.skipped[0].en


@pytest.mark.parametrize(("unit_id", "name", "family"), [
    ("fb61", "FB 61 Stadtplanung", "planning"), ("rat", "Rat der Stadt", "council"),
    ("x1", "Klimaschutzmanagement", "climate"), ("bauamt", "Bauamt", "planning"), ("zz", "Irgendwas", "zz"),
])
def test_unit_family(unit_id: str, name: str, family: str) -> None:
    assert unit_family(unit_id, name) == family


def test_full_diff_uses_the_diff_engine_and_colours_town_steps() -> None:
    pytest.importorskip("vollzug.diff.engine")
    doc = _ref_doc()
    doc["steps"] = [s for s in doc["steps"] if s["id"] != "t_abwaegung"]
    for step in doc["steps"]:
        if step["id"] == "t_daten":
            step["lane"] = "presse"
            step["raci"] = [{"party": "presse", "letter": "A"}]
    result = _compare(_town(doc, "Diffstadt", "05999050", 80_000), full_diff=True)
    assert result.engines["diff"] == "vollzug.diff"
    town = result.towns[0]
    assert any(d.kind == "removed" and d.reference_element == "t_abwaegung" for d in town.diff)
    assert any(d.kind == "reassigned" and d.element == "t_daten" for d in town.diff)
    assert town.diagram is not None
    states = {n.id: n.state for n in town.diagram.nodes}
    assert states["t_daten"] == "changed" and states["t_plan"] == "same"


def test_own_soll_is_compared_with_the_ist_of_the_same_town() -> None:
    ist_doc = _ref_doc()
    ist_doc["steps"] = [s for s in ist_doc["steps"] if s["id"] != "t_abwaegung"]
    ist = _town(ist_doc, "Eigenstadt", "05999060", 80_000)
    soll = _town(_ref_doc(), "Eigenstadt", "05999060", 80_000).model_copy(update={"variant": "SOLL"})
    result = _compare(ist, soll)
    keys = [t.key for t in result.towns]
    assert keys == ["eigenstadt", "eigenstadt-soll"]
    own = result.towns[0].own_soll
    assert own is not None
    assert next(c for c in own if c.obligation == "WPG.W12").status == "missing"
    assert result.towns[1].own_soll is None


def test_towns_may_stream_from_a_generator() -> None:
    from vollzug.synth import synth_towns

    ref = OperationalModel.model_validate(_ref_doc())
    result = compare_law((Town(m) for m in synth_towns(ref, 5, seed=9)), Town(ref, "ref"), rules=False,
                         detail=False)
    assert len(result.towns) == 5 and result.similarity is not None
    assert all(t.diff == () and t.raci is None for t in result.towns)


def test_obligation_the_law_imposes_on_the_town_is_missing_even_if_the_reference_lacks_it() -> None:
    """§ 21 WPG applies above 45,000 inhabitants; the Kreis reference SOLL (a mid-size town) has no such step.
    Ibbenbüren (50,618) does not model it: a gap, as the rules engine says (OB001). Metelen (6,404): n. a."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "vollzug", "compare", "models/ist/ibbenbueren/", "models/ist/metelen/",
                           "--reference", "models/soll/wpg-kreis-steinfurt.yaml", "--format", "json", "-q"],
                          capture_output=True, text=True, cwd=repo, check=False)
    assert done.returncode == 1, done.stderr
    result = json.loads(done.stdout)["comparisons"][0]
    towns = {t["name"]: {c["obligation"]: c for c in t["cells"]} for t in result["towns"]}
    ibbenbueren, metelen = towns["Ibbenbüren"], towns["Metelen"]
    assert ibbenbueren["WPG.W13"]["status"] == "missing"
    assert "nicht im Referenz-SOLL" in ibbenbueren["WPG.W13"]["reasons"][0]["de"]
    assert metelen["WPG.W13"]["status"] == "not_applicable"
    assert ibbenbueren["WPG.W21"]["status"] == "not_applicable"  # joint planning: a choice Ibbenbüren did not make
