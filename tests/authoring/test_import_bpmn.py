"""vollzug import: BPMN drawn in a modeller → authoring YAML, with every heuristic decision reported."""

from __future__ import annotations

from pathlib import Path

from vollzug.authoring.build import build_bpmn
from vollzug.authoring.import_bpmn import import_bpmn
from vollzug.authoring.yaml_io import dump_model_yaml, load_yaml_model, model_from_text

DRAWN = Path(__file__).parent / "data" / "drawn.bpmn"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "yaml"


def test_heuristics_on_a_drawn_model() -> None:
    result = import_bpmn(DRAWN)
    model = result.model
    decided = {(d.element, d.decision) for d in result.decisions}
    beschluss = model.step("Activity_Beschluss")
    assert beschluss is not None
    assert beschluss.citations == ("§ 13 Abs. 1 Nr. 1 WPG",) and beschluss.obligations == ("WPG.W01",)
    assert [(r.party, r.letter) for r in beschluss.raci] == [("Lane_Rat", "R"), ("Lane_Rat", "A")]
    beteiligung = model.step("Activity_Beteiligung")
    assert beteiligung is not None
    assert beteiligung.obligations == ("WPG.W04",)  # citation found in the documentation
    assert [(r.party, r.letter) for r in beteiligung.raci] == [("Lane_FB", "R")]  # nested lane: R only
    daten = model.step("Activity_Daten")
    assert daten is not None and daten.citations == ("§ 13 WPG",) and daten.obligations == ()
    assert any(e == "Activity_Daten" and d == "no obligation linked" for e, d in decided)
    da = model.step("Activity_DA")
    assert da is not None and da.notification is not None
    assert da.notification.channel == "Dienstanweisung"
    assert set(da.notification.recipients) == {"Lane_Rat", "Lane_FB"}
    kinds = {s.id: s.kind for s in model.stakeholders}
    assert kinds == {"Participant_NB": "network_operator", "Participant_SF": "chimney_sweep",
                     "Participant_X": "unknown"}
    units = {u.id: u.kind for u in model.org_units}
    assert units == {"Lane_Rat": "council", "Lane_Verwaltung": "other", "Lane_FB": "department",
                     "Lane_Presse": "staff_unit"}
    assert model.law == "WPG"
    assert ("Process_1", "law WPG") in decided
    assert all(d.reason for d in result.decisions)


def test_imported_yaml_loads_and_builds(tmp_path: Path) -> None:
    text = dump_model_yaml(import_bpmn(DRAWN).model)
    loaded = model_from_text(text, tmp_path / "drawn.yaml")
    assert not [d for d in loaded.diagnostics if d.severity == "error"]
    assert b"Activity_Beschluss_di" in build_bpmn(loaded.model)


def test_extension_data_wins_over_heuristics(tmp_path: Path) -> None:
    original = load_yaml_model(FIXTURES / "wpg-small.yaml").model
    path = tmp_path / "built.bpmn"
    path.write_bytes(build_bpmn(original))
    result = import_bpmn(path)
    assert result.model == original
    assert result.decisions == []


def test_cli_import_writes_yaml_and_lists_decisions(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "drawn.yaml"
    done = subprocess.run([sys.executable, "-m", "vollzug", "import", str(DRAWN), "-o", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Participant_NB" in done.stdout and "network_operator" in done.stdout
    assert load_yaml_model(out).model.law == "WPG"
    missing = subprocess.run([sys.executable, "-m", "vollzug", "import", str(tmp_path / "nope.bpmn")],
                             capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "Datei nicht gefunden" in missing.stderr
