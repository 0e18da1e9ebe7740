"""Every output format on the same fixture, the published JSON schema, HTML escaping and BPMN colours."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from tests.diff.diffcase import FIXTURES, REPO, case_files
from vollzug.diff import DiffOptions, diff_sides, load_side
from vollzug.diff.emit import EMITTERS, EmitContext, emitter
from vollzug.diff.emit.bpmn import BIOC_NS, COLOR_NS
from vollzug.diff.emit.json import schema
from vollzug.model.process import OperationalModel

SCHEMA_FILE = REPO / "docs" / "schemas" / "diff.schema.json"


def _run(case: str, fmt: str, lang: str = "de", match: str = "id") -> bytes:
    left, right = case_files(FIXTURES / case)
    ls, rs = load_side(left), load_side(right)
    result = diff_sides(ls, rs, DiffOptions(match=match))  # type: ignore[arg-type]
    return emitter(fmt)(result, EmitContext(lang=lang, left=ls, right=rs))  # type: ignore[arg-type]


def test_schema_file_is_current() -> None:
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == schema(), (
        "regenerate docs/schemas/diff.schema.json (see docs/diff.md)")
    props = schema()["properties"]
    assert {"added", "removed", "changed", "layout_changed", "matches"} <= set(props)


@pytest.mark.parametrize("case", ["domain", "bpmn-attributes", "auto-relabel", "behaviour-parallel"])
def test_json_output_validates_against_schema(case: str) -> None:
    data = json.loads(_run(case, "json", match="auto" if case == "auto-relabel" else "id"))
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    for entry in data["added"] + data["removed"] + data["layout_changed"]:
        assert {"id", "type", "name"} <= set(entry)
    for match in data["matches"]:
        assert {"left", "right", "score", "signals"} <= set(match)


@pytest.mark.parametrize("fmt", sorted(EMITTERS))
def test_every_format_renders_the_same_fixture(fmt: str) -> None:
    out = _run("bpmn-attributes", fmt)
    assert out
    if fmt in ("text", "markdown", "html"):
        text = out.decode("utf-8")
        assert "Pruefen" in text and "extensions: camunda ×2 → camunda ×2" in text  # folded by default
        assert "Zuständigkeit verschoben" in text  # heading of the change vocabulary


def test_text_is_german_by_default_and_english_on_request() -> None:
    de = _run("behaviour-parallel", "text").decode("utf-8")
    en = _run("behaviour-parallel", "text", lang="en").decode("utf-8")
    assert "Ablauf abweichend" in de and "parallel" in de and "In IST läuft" in de
    assert "Order deviating" in en and "run in parallel" in en


def test_html_is_self_contained_and_escapes_model_strings(tmp_path: Path) -> None:
    left, right = case_files(FIXTURES / "rename")
    text = right.read_text(encoding="utf-8").replace("Bestandsanalyse vornehmen", "<script>alert(1)</script> & Co")
    evil = tmp_path / "right.yaml"
    evil.write_text(text, encoding="utf-8")
    ls, rs = load_side(left), load_side(evil)
    page = emitter("html")(diff_sides(ls, rs, DiffOptions(match="id")), EmitContext(left=ls, right=rs)).decode()
    # our own scripts only: two diagram data blocks, the page data, the inlined viewer and vollzug's glue
    assert page.count('<script type="application/json"') == 3
    assert "<script>alert(1)" not in page
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert not re.search(r"""(src|href)=["']?https?:""", html)  # the viewer itself links bpmn.io (watermark)
    assert html.count("<svg") == 4  # each side twice: fitted overview side by side, then at full size
    assert html.count('width="100%"') == 2
    assert 'data-state="changed"' in html


def test_bpmn_output_carries_bpmn_js_colours() -> None:
    out = _run("bpmn-attributes", "bpmn")
    root = etree.fromstring(out)
    shapes = {s.get("bpmnElement"): s for s in root.iter("{http://www.omg.org/spec/BPMN/20100524/DI}BPMNShape")}
    changed = shapes["Pruefen"]
    assert changed.get(f"{{{BIOC_NS}}}stroke") and changed.get(f"{{{BIOC_NS}}}fill")
    assert changed.get(f"{{{COLOR_NS}}}border-color") and changed.get(f"{{{COLOR_NS}}}background-color")
    assert shapes["Start"].get(f"{{{BIOC_NS}}}stroke") is None
    edges = {e.get("bpmnElement"): e for e in root.iter("{http://www.omg.org/spec/BPMN/20100524/DI}BPMNEdge")}
    assert edges["F5"].get(f"{{{BIOC_NS}}}stroke")  # layout-only change is coloured too


def test_bpmn_output_from_yaml_is_built_and_valid_model() -> None:
    out = _run("domain", "bpmn")
    root = etree.fromstring(out)
    added = [s for s in root.iter("{http://www.omg.org/spec/BPMN/20100524/DI}BPMNShape")
             if s.get("bpmnElement") == "netz"]
    assert added and added[0].get(f"{{{BIOC_NS}}}stroke") == "#2e7d32"
    assert added[0].get(f"{{{BIOC_NS}}}fill") is None  # a pool: border only, so the steps inside stay readable
    assert OperationalModel  # the coloured file is still BPMN: our own reader loads it
    from vollzug.bpmn.document import read_bpmn_bytes

    assert "beteiligung" in read_bpmn_bytes(out).elements


def test_behaviour_deltas_of_one_activity_are_grouped() -> None:
    """Participation before everything (left) vs in parallel from the start (right): one sentence, not four."""
    from vollzug.diff import diff_models
    from vollzug.diff.emit.sections import behaviour_lines
    from vollzug.model.process import OperationalModel, SequenceFlow, Step

    def model(flows: list[tuple[str, str]], extra: list[Step]) -> OperationalModel:
        steps = [Step(id="s", type="startEvent", name="Start"), Step(id="x", name="Öffentlichkeit beteiligen")]
        steps += [Step(id=i, name=n) for i, n in (("a", "Bestand analysieren"), ("b", "Potenzial analysieren"),
                                                  ("c", "Entwurf erstellen"), ("d", "Plan beschließen"))]
        steps += [*extra, Step(id="e", type="endEvent", name="Ende")]
        return OperationalModel(steps=tuple(steps), sequence_flows=tuple(
            SequenceFlow(id=f"f_{p}_{q}", source=p, target=q) for p, q in flows))

    left = model([("s", "x"), ("x", "a"), ("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")], [])
    gateways = [Step(id="g1", type="parallelGateway"), Step(id="g2", type="parallelGateway")]
    right = model([("s", "g1"), ("g1", "x"), ("g1", "a"), ("a", "b"), ("b", "c"), ("c", "d"), ("x", "g2"),
                   ("d", "g2"), ("g2", "e")], gateways)
    result = diff_models(left, right, DiffOptions(match="id"))
    assert len(result.behaviour_deltas) == 4
    lines = behaviour_lines(result, "de")
    assert lines == ["„Öffentlichkeit beteiligen“ läuft in IST vor 4 Schritten, in SOLL parallel zu ihnen: "
                     "„Bestand analysieren“, „Potenzial analysieren“, „Entwurf erstellen“, „Plan beschließen“."]
    assert behaviour_lines(result, "en")[0].startswith("“Öffentlichkeit beteiligen” runs before 4 steps in IST")
