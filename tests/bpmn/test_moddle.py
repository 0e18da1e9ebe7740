"""The bpmn-moddle descriptor of the vz: extension, checked with the real bpmn-moddle under Node: every model we
write (all of models/, built from YAML, and the fixtures) imports with 0 warnings, every vz: element is typed and
every attribute declared, and what bpmn-moddle writes back reads as the same model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from tests.authoring.bpmnjs import moddle_typed_import, node_available
from vollzug.authoring.build import build_bpmn
from vollzug.authoring.yaml_io import load_yaml_model
from vollzug.bpmn.extension import VZ_NS
from vollzug.bpmn.moddle import moddle_descriptor
from vollzug.loader import load_model

ROOT = Path(__file__).resolve().parents[2]
needs_node = pytest.mark.skipif(not node_available(), reason="node or tests/js/node_modules missing (make js-deps)")


def _xsd_names() -> set[str]:
    xsd = etree.parse(str(ROOT / "src" / "vollzug" / "bpmn" / "xsd" / "vollzug.xsd"))
    return {e.get("name", "") for e in xsd.iter("{http://www.w3.org/2001/XMLSchema}element")}


def test_descriptor_covers_every_schema_element() -> None:
    descriptor = moddle_descriptor()
    assert descriptor["uri"] == VZ_NS and descriptor["prefix"] == "vz"
    types = {t["name"]: t for t in descriptor["types"]}
    props = {p["name"] for t in types.values() for p in t["properties"]}
    assert _xsd_names() <= props | {name[:1].lower() + name[1:] for name in types}
    top = {name for name, t in types.items() if t.get("superClass") == ["Element"]}
    assert top == {"Step", "OrgUnit", "Stakeholder", "Data", "Model", "Support"}
    resource = {p["name"]: p for p in types["Resource"]["properties"]}
    assert resource["fte"] == {"name": "fte", "isAttr": True, "type": "Real"}
    assert resource["personal"]["type"] == "Boolean"
    step = {p["name"]: p for p in types["Step"]["properties"]}
    assert step["raci"] == {"name": "raci", "type": "Raci", "isMany": True}
    assert step["notification"] == {"name": "notification", "type": "Notification"}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every model we write: all YAML under models/ and the YAML fixtures built to BPMN, plus the shipped .bpmn."""
    out = tmp_path_factory.mktemp("built")
    files = sorted((ROOT / "models").rglob("*.bpmn"))
    sources = sorted(p for p in (ROOT / "models").rglob("*.yaml") if p.name != "expected-gaps.yaml")
    sources += sorted((ROOT / "tests" / "fixtures" / "yaml").glob("*.yaml"))
    for source in sources:
        target = out / f"{source.parent.name}-{source.stem}.bpmn"
        target.write_bytes(build_bpmn(load_yaml_model(source).model))
        files.append(target)
    return files


def _dump(path: Path) -> dict[str, object]:
    return load_model(path).model.model_dump(mode="json")


@needs_node
def test_every_model_imports_typed_without_warnings(written: list[Path], tmp_path: Path) -> None:
    descriptor = tmp_path / "vollzug.json"
    descriptor.write_text(json.dumps(moddle_descriptor()), encoding="utf-8")
    back = tmp_path / "back"
    back.mkdir()
    results = moddle_typed_import(descriptor, written, back)
    assert len(results) == len(written) >= 20
    assert sum(r.get("typed", {}).get("vz:Step", 0) for r in results) > 500
    for source, result in zip(written, results, strict=True):
        assert "error" not in result, result
        assert result["warnings"] == [], (source, result["warnings"][:3])
        assert result["generic"] == [] and result["undeclared"] == [], result
        in_xml = sum(1 for el in etree.parse(str(source)).iter() if isinstance(el.tag, str)
                     and el.tag.startswith(f"{{{VZ_NS}}}") and etree.QName(el).localname not in ("citation", "author"))
        assert sum(result["typed"].values()) == in_xml, (source, result["typed"])
        assert result["typed"], source
        # what bpmn-moddle writes back is the same model for vollzug's reader
        assert _dump(Path(result["written"])) == _dump(source), source


@needs_node
def test_unknown_vz_element_shows_as_untyped(tmp_path: Path) -> None:
    descriptor = tmp_path / "vollzug.json"
    descriptor.write_text(json.dumps(moddle_descriptor()), encoding="utf-8")
    data = build_bpmn(load_yaml_model(ROOT / "tests" / "fixtures" / "yaml" / "wpg-small.yaml").model).decode()
    assert "<vz:step>" in data and "<vz:raci " in data
    data = data.replace("<vz:step>", '<vz:step><vz:gibtEsNicht/>', 1).replace('<vz:raci ', '<vz:raci extra="1" ', 1)
    path = tmp_path / "odd.bpmn"
    path.write_text(data, encoding="utf-8")
    (result,) = moddle_typed_import(descriptor, [path])
    assert result["generic"] or result["warnings"], result
    assert any(u.endswith("@extra") for u in result["undeclared"]), result
