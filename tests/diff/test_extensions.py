"""Vendor extension changes (``--extensions show|fold|ignore``) on real files from other tools.

Tested on the matching gold set's ADONIS/Signavio variants and on MIWG export/roundtrip pairs whose tools add their
own namespaces (the shared corpus; skipped where absent). Whatever the mode, the non-vendor changes are the same.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from tests.diff.diffcase import REPO
from vollzug.cli.errors import run
from vollzug.cli.main import cli
from vollzug.diff.changes import DiffResult
from vollzug.diff.engine import DiffOptions, diff_files
from vollzug.diff.extensions import FOLDED_PATH, is_vendor

GOLD = REPO / "tests" / "fixtures" / "matching_gold" / "procedures"
MIWG = Path(os.environ.get("VOLLZUG_CORPORA", "/work/shared/corpora")) / "miwg"
CONFLUENCE = MIWG / "BPMN-Modeler_for_Confluence_Enterprise_3.38.0"
MIWG_PAIRS = [  # (tool, model, match): ids kept by the round trip -> id; ids rewritten -> auto
    ("BPMN-Modeler_for_Confluence_Enterprise_3.38.0", "C.8.0", "auto"),
    ("OMNITRACKER_BPMN_12.3", "C.4.0", "id"),
    ("bpmn.io_Camunda_Modeler_18.6.1", "C.3.0", "id"),
]

GOLD_PAIRS = [
    (GOLD / "baugenehmigung" / "hainburg-signavio.bpmn", GOLD / "baugenehmigung" / "ittersbach-adonis.bpmn"),
    (GOLD / "council-tax" / "westmere-signavio.bpmn", GOLD / "council-tax" / "eastwick-adonis.bpmn"),
]


BOC = "http://www.boc-group.com/adonis/bpmn-export"
SIGNAVIO = "http://www.signavio.com"


def _other_vendor(source: Path, target: Path) -> Path:
    """``source`` (a Signavio-style file) as another tool would keep it: every element's ``signavio:`` metadata
    replaced by an ADONIS-style ``boc:class`` attribute, ids and everything else unchanged."""
    tree = etree.parse(str(source))
    root = tree.getroot()
    fresh = etree.Element(root.tag, nsmap={**root.nsmap, "boc": BOC}, attrib=dict(root.attrib))
    fresh.text, fresh[:] = root.text, list(root)
    tree._setroot(fresh)
    for meta in list(tree.iter(f"{{{SIGNAVIO}}}signavioMetaData")):
        holder = meta.getparent()
        owner = holder.getparent() if holder is not None else None
        if holder is None or owner is None:
            continue
        holder.remove(meta)
        owner.set(f"{{{BOC}}}class", "Aktivität")
        if len(holder) == 0:
            owner.remove(holder)
    tree.write(str(target), xml_declaration=True, encoding="UTF-8")
    return target


def _by_element(result: DiffResult) -> dict[str, dict[str, tuple[object, object]]]:
    return {c.id: {a.path: (a.left, a.right) for a in c.attrs} for c in result.changed}


def _check_modes(left: Path, right: Path, match: str) -> tuple[int, int]:
    """The three modes agree on everything but vendor paths; returns (vendor paths shown, folded entries)."""
    shown, folded, ignored = (diff_files(left, right, DiffOptions(match=match, extensions=mode))  # type: ignore[arg-type]
                              for mode in ("show", "fold", "ignore"))
    show, fold, ignore = _by_element(shown), _by_element(folded), _by_element(ignored)
    vendor_count = 0
    for element, attrs in show.items():
        plain = {p: v for p, v in attrs.items() if not is_vendor(p)}
        vendor = [p for p in attrs if is_vendor(p)]
        vendor_count += len(vendor)
        assert ignore.get(element, {}) == plain, element
        expected = dict(plain, **({FOLDED_PATH: fold[element].get(FOLDED_PATH)} if vendor else {}))
        assert fold[element] == expected, element
        assert (FOLDED_PATH in fold[element]) == bool(vendor)
    assert set(fold) == set(show)
    assert set(ignore) == {e for e, attrs in show.items() if any(not is_vendor(p) for p in attrs)}
    for result in (folded, ignored):
        assert result.added == shown.added and result.removed == shown.removed
        assert result.matches == shown.matches and result.behaviour_deltas == shown.behaviour_deltas
    return vendor_count, sum(FOLDED_PATH in attrs for attrs in fold.values())


@pytest.mark.parametrize(("left", "right"), GOLD_PAIRS, ids=lambda p: p.stem)
def test_gold_adonis_and_signavio_variants_fold_to_one_entry_per_element(left: Path, right: Path,
                                                                          tmp_path: Path) -> None:
    vendor, folded = _check_modes(left, _other_vendor(left, tmp_path / "other.bpmn"), "id")
    assert vendor > folded > 0  # boc:class and signavio metadata shown path by path, folded once per element


@pytest.mark.skipif(not MIWG.is_dir(), reason="MIWG corpus not present")
@pytest.mark.parametrize(("tool", "model", "match"), MIWG_PAIRS)
def test_miwg_roundtrips_with_vendor_namespaces(tool: str, model: str, match: str) -> None:
    vendor, folded = _check_modes(MIWG / tool / f"{model}-export.bpmn", MIWG / tool / f"{model}-roundtrip.bpmn", match)
    assert vendor > 2 * folded > 0


def test_folded_value_names_namespaces_and_counts_items(tmp_path: Path) -> None:
    left = GOLD_PAIRS[0][0]
    right = _other_vendor(left, tmp_path / "other.bpmn")
    result = diff_files(left, right, DiffOptions(match="id", extensions="fold"))
    values = {(a.left, a.right) for c in result.changed for a in c.attrs if a.path == FOLDED_PATH}
    assert ("signavio ×1", "boc ×1") in values  # one signavioMetaData element against one boc:class attribute


@pytest.mark.parametrize(("path", "vendor"), [
    ("boc:class", True), ("camunda:assignee", True), ("processRef.signavio:x", True),
    ("extensionElements[0]", True), ("extensionElements[0]/zeebe:taskDefinition[0]/@type", True),
    ("name", False), ("lane", False), ("conditionExpression[0]/@xsi:type", False), ("eventDefinitions[0]", False),
    ("raci", False),
])
def test_vendor_paths(path: str, vendor: bool) -> None:
    assert is_vendor(path) is vendor


def test_cli_ignore_makes_a_vendor_only_change_equal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A copy of a real Signavio-style file with one foreign attribute more: fold/show differ (exit 1), ignore is
    equal (exit 0)."""
    source = GOLD_PAIRS[0][0]
    tree = etree.parse(str(source))
    task = tree.getroot().find(".//{http://www.omg.org/spec/BPMN/20100524/MODEL}task")
    assert task is not None
    task.set("{http://www.boc-group.com/adonis/bpmn-export}class", "Task")
    changed = tmp_path / "changed.bpmn"
    tree.write(str(changed), xml_declaration=True, encoding="UTF-8")
    codes = {}
    for mode in ("fold", "show", "ignore"):
        with pytest.raises(SystemExit) as exc:
            run(cli, ["diff", str(source), str(changed), "--match", "id", "--extensions", mode])
        codes[mode] = exc.value.code
        out = capsys.readouterr().out
        if mode == "fold":
            assert "extensions: — → ns0 ×1" in out or "extensions: — → boc ×1" in out
    assert codes == {"fold": 1, "show": 1, "ignore": 0}
