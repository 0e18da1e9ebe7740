"""Authoring YAML: safe loading with line numbers, conveniences, one-line errors, block-style dumping."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from vollzug.authoring.yaml_io import dump_model_yaml, load_yaml_model, model_from_text
from vollzug.errors import HostileInputError, InputError, ModelError
from vollzug.loader import load_model
from vollzug.model.process import OperationalModel
from vollzug.safe_yaml import MAX_BYTES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "yaml"
ALL = sorted(FIXTURES.glob("*.yaml"))


def _load(tmp_path: Path, text: str, name: str = "m.yaml") -> OperationalModel:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_yaml_model(path).model


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_fixture_loads_without_errors_and_dumps_losslessly(path: Path) -> None:
    loaded = load_model(path)  # through the suffix dispatch
    assert not [d for d in loaded.diagnostics if d.severity == "error"], loaded.diagnostics
    text = dump_model_yaml(loaded.model)
    again = model_from_text(text, Path("dumped.yaml")).model
    assert again == loaded.model
    # the dump is plain OperationalModel JSON shape (no conveniences needed to read it back)
    assert OperationalModel.model_validate(yaml.safe_load(text)) == loaded.model
    assert dump_model_yaml(again) == text


def test_lines_point_at_every_element(tmp_path: Path) -> None:
    loaded = load_yaml_model(FIXTURES / "wpg-small.yaml")
    source = (FIXTURES / "wpg-small.yaml").read_text(encoding="utf-8").splitlines()
    for ident in ("rat", "fb_planung", "beschluss", "frist", "kehrbuch", "da_gis", "note_beteiligung"):
        line = loaded.line_of(ident)
        assert line is not None and ident in source[line - 1], ident
    # generated flows point at the step's `next:` entry
    flow_line = loaded.line_of("Flow_vollstaendig_beteiligung")
    assert flow_line is not None and "beteiligung" in source[flow_line - 1]


def test_next_shorthand_and_raci_map(tmp_path: Path) -> None:
    model = _load(tmp_path, """
steps:
  - {id: a, next: [b, {to: c, name: sonst, default: true}], raci: {R: u1, C: [u2, u3]}}
  - {id: b, next: c}
  - {id: c}
sequence_flows:
  - {id: Flow_a_b, source: b, target: a}
org_units: [{id: u1, name: U1}, {id: u2, name: U2}, {id: u3, name: U3}]
""")
    flows = {(f.id, f.source, f.target, f.name, f.default) for f in model.sequence_flows}
    assert flows == {("Flow_a_b", "b", "a", "", False), ("Flow_a_b_2", "a", "b", "", False),
                     ("Flow_a_c", "a", "c", "sonst", True), ("Flow_b_c", "b", "c", "", False)}
    step = model.step("a")
    assert step is not None
    assert [(r.party, r.letter) for r in step.raci] == [("u1", "R"), ("u2", "C"), ("u3", "C")]


def test_implicit_pools(tmp_path: Path) -> None:
    model = _load(tmp_path, """
id: P
municipality: {ags: "05566076", name: Rheine, kind: Stadt}
stakeholders: [{id: nb, name: Netzbetreiber, kind: network_operator}]
steps: [{id: x, pool: nb}]
""")
    assert [(p.id, p.stakeholder, p.process) for p in model.pools] == [("Participant_P", None, "P"),
                                                                      ("nb", "nb", "Process_nb")]
    assert model.pools[0].name == "Rheine"


def test_timer_type_is_filled_in(tmp_path: Path) -> None:
    model = _load(tmp_path, """
steps:
  - {id: a, type: startEvent, event: {kind: timer, timer: R3/PT1H}}
  - {id: b, type: intermediateCatchEvent, event: {kind: timer, timer: P5Y}}
  - {id: c, type: intermediateCatchEvent, event: {kind: timer, timer: "2028-06-30"}}
""")
    assert [s.event.timer_type for s in model.steps if s.event] == ["cycle", "duration", "date"]


@pytest.mark.parametrize(("text", "line", "needle"), [
    ("steps:\n  - {id: a, type: tsak}\n", 2, "steps[0].type"),
    ("title: x\nsteps:\n  - id: a\n    raci:\n      - {party: u, letter: X}\n", 5, "steps[0].raci[0].letter"),
    ("steps:\n  - id: a\n    resources:\n      - {kind: staff, fte: viel}\n", 4, "fte"),
    ("steps:\n  - {name: ohne id}\n", 2, "steps[0].id"),
    ("titel: Tippfehler\n", 1, "titel"),
    ("steps:\n  - {id: a\n", 3, "YAML syntax error"),
    ("title: a\ntitle: b\n", 2, "duplicate key 'title'"),
    ("- a\n- b\n", 1, "top level must be a mapping"),
    ("", 1, "empty document"),
    ("steps:\n  - {id: a, 1: b}\n", 2, "not a string"),
])
def test_errors_are_one_line_with_file_line_and_path(tmp_path: Path, text: str, line: int, needle: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelError) as info:
        load_yaml_model(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: "), message
    assert needle in message


def test_validation_error_names_the_element(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("steps:\n  - {id: ok}\n  - id: kaputt\n    loop: immer\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"bad\.yaml:4: \[kaputt\] steps\[1\]\.loop"):
        load_yaml_model(path)


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(levels) + "\n", encoding="utf-8")
    with pytest.raises(HostileInputError, match="alias bomb"):
        load_yaml_model(path)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("documentation: " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    with pytest.raises(HostileInputError):
        load_yaml_model(path)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"documentation: " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(HostileInputError, match="larger than"):
        load_yaml_model(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Wärme\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_yaml_model(path)


def test_python_tags_are_not_executed(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("title: !!python/object/apply:os.system [echo hi]\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"YAML tag '!!python/object/apply:os\.system'"):
        load_yaml_model(path)
    path.write_text("title: !!python/name:os.system\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"evil\.yaml:1: YAML tag '!!python/name:os\.system' is not allowed"):
        load_yaml_model(path)


def test_json_models_load(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"title": "JSON", "steps": [{"id": "a", "name": "Prüfen"}]}', encoding="utf-8")
    assert load_model(path).model.steps[0].name == "Prüfen"


def test_semantic_checks_report_dangling_references(tmp_path: Path) -> None:
    path = tmp_path / "dangling.yaml"
    path.write_text("""law: WPG
org_units: [{id: u, name: U}]
steps:
  - {id: a, lane: nirgendwo, obligations: [FZV.K01], next: fehlt}
  - {id: b, raci: [{party: niemand, letter: R}]}
message_flows: [{id: m, source: a, target: weg}]
""", encoding="utf-8")
    diags = load_yaml_model(path).diagnostics
    found = {(d.element, d.severity, d.line) for d in diags}
    assert ("a", "error", 4) in found  # lane
    assert ("a", "warning", 4) in found  # obligation from another catalogue
    assert ("Flow_a_fehlt", "error", 4) in found
    assert ("b", "warning", 5) in found
    assert ("m", "error", 6) in found
    assert all(d.file == str(path) for d in diags)


def test_dump_is_block_style_unicode_and_quotes_numeric_strings() -> None:
    model = load_yaml_model(FIXTURES / "wpg-small.yaml").model
    text = dump_model_yaml(model)
    assert "Öffentlichkeit" in text and "\\u" not in text
    assert 'ags: "05566999"' in text
    flow_style = [e for e in yaml.parse(text) if isinstance(e, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
                  and e.flow_style]
    assert flow_style == []  # block style only
    assert "\n  - id: rat\n" in text
    assert "next:" not in text  # the dump is the expanded form
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith(" ")]
    fields = list(OperationalModel.model_fields)
    assert keys == sorted(keys, key=fields.index)


def test_the_documented_example_loads_and_builds() -> None:
    from vollzug.authoring.build import build_bpmn

    doc = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    loaded = model_from_text(example, Path("docs/authoring.md"))
    assert [d for d in loaded.diagnostics] == []
    assert len(loaded.model.steps) == 12 and len(loaded.model.sequence_flows) == 10
    assert b"<bpmn:boundaryEvent" in build_bpmn(loaded.model)


def test_unknown_obligation_of_the_catalogue_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("law: WPG\nsteps:\n  - {id: a, obligations: [WPG.W01, WPG.W99]}\n", encoding="utf-8")
    diags = load_yaml_model(path).diagnostics
    assert [(d.element, d.line, d.message) for d in diags] == [
        ("a", 3, "obligation 'WPG.W99' does not exist in catalogue 'WPG'")]
