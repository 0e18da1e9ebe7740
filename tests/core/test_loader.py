"""Folder expansion: YAML sources win over their built BPMN; non-model data beside models is skipped."""

from __future__ import annotations

from pathlib import Path

from vollzug.loader import iter_model_files, looks_like_model


def test_folder_expansion(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "wpg.yaml").write_text("kind: operational_model\nsteps: []\n", encoding="utf-8")
    (tmp_path / "a" / "wpg.bpmn").write_text("<x/>", encoding="utf-8")
    (tmp_path / "b.bpmn").write_text("<x/>", encoding="utf-8")
    (tmp_path / "expected-gaps.yaml").write_text("gaps:\n  - model: a\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    found = iter_model_files([tmp_path])
    assert found == [tmp_path / "a" / "wpg.yaml", tmp_path / "b.bpmn"]


def test_explicit_files_are_kept_even_if_they_do_not_look_like_models(tmp_path: Path) -> None:
    data = tmp_path / "gaps.yaml"
    data.write_text("gaps: []\n", encoding="utf-8")
    assert not looks_like_model(data)
    assert iter_model_files([data]) == [data]


def test_json_models_are_recognised(tmp_path: Path) -> None:
    model = tmp_path / "m.json"
    model.write_text('{"kind": "operational_model", "steps": []}', encoding="utf-8")
    assert looks_like_model(model)
