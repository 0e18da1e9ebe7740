"""The matching gold set (tests/fixtures/matching_gold): valid models, consistent gold, derived pairs up to date."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

from vollzug.bpmn.validate import problem_line, validate_file

GOLD = Path(__file__).parents[1] / "fixtures" / "matching_gold"
MODELS = sorted(GOLD.glob("procedures/*/*.bpmn"))
ALIGN = "{http://knowledgeweb.semanticweb.org/heterogeneity/alignment}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"


@pytest.fixture(scope="module")
def make_pairs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_pairs", GOLD / "make_pairs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_pairs", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("model", MODELS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_model_is_valid_bpmn(model: Path) -> None:
    assert [problem_line(p) for p in validate_file(model)] == []


def test_gold_covers_every_activity_and_pairs_are_up_to_date(make_pairs: ModuleType) -> None:
    procs = make_pairs.procedures()  # load() exits on an unknown id or an activity in no cluster
    assert len(procs) == len({p.parent for p in MODELS})
    assert make_pairs.check(procs) == 0


def test_activity_ids_do_not_encode_the_correspondence(make_pairs: ModuleType) -> None:
    for proc in make_pairs.procedures():
        for a, b in itertools.combinations(proc.variants, 2):
            assert not set(proc.activities[a]) & set(proc.activities[b]), (proc.name, a, b)


def test_split_is_by_procedure_with_both_languages_and_a_five_variant_procedure_in_each_part(
    make_pairs: ModuleType,
) -> None:
    split = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    procs = {p.name: p for p in make_pairs.procedures()}
    assert set(split["dev"]).isdisjoint(split["test"])
    assert set(split["dev"]) | set(split["test"]) == set(procs)
    assert "waermeplanung" in split["test"]
    for part in ("dev", "test"):
        assert {procs[n].language for n in split[part]} == {"de", "en"}
        assert any(procs[n].language == "de" and len(procs[n].variants) >= 5 for n in split[part])


def test_pair_files_point_at_existing_activities(make_pairs: ModuleType) -> None:
    procs = {p.name: p for p in make_pairs.procedures()}
    files = sorted((GOLD / "pairs").glob("*.rdf"))
    assert len(files) == sum(len(p.variants) * (len(p.variants) - 1) // 2 for p in procs.values())
    for path in files:
        name, a, b = path.stem.split("__")
        proc = procs[name]
        align = etree.parse(str(path)).getroot().find(f"{ALIGN}Alignment")
        assert align is not None
        assert align.findtext(f"{ALIGN}onto1") == f"procedures/{name}/{a}.bpmn"
        cells = align.findall(f"{ALIGN}map/{ALIGN}Cell")
        assert len(cells) == len(make_pairs.correspondences(proc, a, b))
        for cell in cells:
            e1 = cell.find(f"{ALIGN}entity1")
            e2 = cell.find(f"{ALIGN}entity2")
            assert e1 is not None and e2 is not None
            file1, id1 = str(e1.get(f"{RDF}resource")).split("#")
            file2, id2 = str(e2.get(f"{RDF}resource")).split("#")
            assert (file1, file2) == (f"{a}.bpmn", f"{b}.bpmn")
            assert id1 in proc.activities[a] and id2 in proc.activities[b]
            assert cell.findtext(f"{ALIGN}relation") == "="


@pytest.mark.parametrize("folder", sorted({p.parent for p in MODELS}), ids=lambda p: p.name)
def test_every_procedure_has_its_description(folder: Path) -> None:
    text = (folder / "description.md").read_text(encoding="utf-8")
    assert text.startswith("# ") and len(re.findall(r"[a-zäöüß)]\.\s", text)) >= 8
