"""The statute as ground truth: verify, changes, normative detector, coverage, draft, audit (library and CLI)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from vollzug.law.audit import audit_result
from vollzug.law.changes import classify, compare_trees, impact, load_version
from vollzug.law.coverage import coverage, draft_catalogue
from vollzug.law.grounding import verify
from vollzug.law.markdown_text import read_markdown
from vollzug.law.normative import NORMATIVE, detect_tree, find_deadlines, find_thresholds, modality_of
from vollzug.law.texts import norm_text, tree_for
from vollzug.lint.emit import get_emitter

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "law"


def _law(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vollzug", "law", *args], capture_output=True, text=True,
                          check=False, cwd=REPO)


# ------------------------------------------------------------------------------------------------ verify


@pytest.mark.parametrize("catalogue", ["WPG", "FZV"])
def test_shipped_catalogues_and_models_are_grounded(catalogue: str) -> None:
    result = verify(catalogue, [REPO / "models"])
    assert result.unresolved == []
    assert result.titles == []
    assert result.models  # the example towns were checked too
    assert all(u.reason and u.reason != "(no reason given)" for u in result.unverified)


def test_verify_reports_missing_units_titles_and_unverified(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules" / "wpg", rules / "wpg")
    path = rules / "wpg" / "catalogue.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('title: "Ablauf der Wärmeplanung"', 'title: "Ablauf"')
    text = text.replace('citations: ["§ 13 Abs. 2 WPG"]', 'citations: ["§ 13 Abs. 9 WPG"]', 1)
    path.write_text(text, encoding="utf-8")
    result = verify(path, [])
    assert [(c.text, c.detail.split(" (")[0]) for c in result.unresolved] == [("§ 13 Abs. 9 WPG", "§ 13 Abs. 9")]
    assert [(t.citation, t.text_title) for t in result.titles] == [("§ 13 WPG", "Ablauf der Wärmeplanung")]
    assert result.failed
    cli = _law("verify", str(path), "--models", str(tmp_path), "--format", "json")
    assert cli.returncode == 1
    assert json.loads(cli.stdout)["counts"]["unresolved"] == 1


def test_model_is_checked_against_the_text_in_force_at_valid_from(tmp_path: Path) -> None:
    model = tmp_path / "m.yaml"
    base = {"kind": "operational_model", "law": "WPG", "steps": [{"id": "T1", "citations": ["§ 34a WPG"]}]}
    model.write_text(yaml.safe_dump({**base, "valid_from": "2025-12-20"}), encoding="utf-8")
    older = verify("WPG", [model])
    assert [(c.text, c.version) for c in older.unresolved] == [("§ 34a WPG", "2025-12-02")]
    model.write_text(yaml.safe_dump({**base, "valid_from": "2026-04-01"}), encoding="utf-8")
    assert verify("WPG", [model]).unresolved == []


# ----------------------------------------------------------------------------------------------- changes


def test_wpg_changes_between_the_two_versions() -> None:
    changes = compare_trees(load_version("WPG@2025-12-02"), load_version("WPG@2026-03-11"))
    found = {(c.citation, c.kind, c.substantive, c.reason.split(" →")[0]) for c in changes.changes}
    assert ("§ 2 Abs. 3 Satz 2 WPG", "changed", True, "2040,") in found
    assert ("§ 34 Satz 1 WPG", "changed", False, "ministry") in found
    assert ("§ 3 Abs. 1 Nr. 15 Buchst. h WPG", "changed", False, "reference") in found
    assert ("§ 34a WPG", "added", True, "added") in found
    assert ("§ 5 Abs. 2 Satz 2 WPG", "added", True, "added") in found
    assert len(changes.changes) == 11
    impacts = impact(changes, [REPO / "models"])
    towns = {i.town for i in impacts if i.step and i.change.substantive}
    assert {"Rheine", "Metelen", "Greven"} <= towns
    assert any(i.obligation == "WPG.W06" for i in impacts)
    assert all(i.responsible for i in impacts if i.step)


@pytest.mark.parametrize(("old", "new", "substantive", "reason"), [
    ("nach § 3 Nummer 17 des Gesetzes", "nach § 3 Nummer 38 des Gesetzes", False, "reference"),
    ("Das Bundesministerium für Wirtschaft und Klimaschutz macht", "Das Bundesministerium für Wirtschaft und "
     "Energie macht", False, "ministry"),
    ("bis zum 30. Juni 2026", "bis zum 30. Juni 2027", True, "2026 → 2027"),
    ("Die Stelle kann beteiligen.", "Die Stelle muss beteiligen.", True, "kann → muss"),
    ("Wärme- netz", "Wärme-netz", False, "spelling"),
])
def test_classify(old: str, new: str, substantive: bool, reason: str) -> None:
    assert classify(old, new) == (substantive, reason)


def test_changes_cli_formats() -> None:
    for fmt in ("text", "md", "html", "json"):
        result = _law("changes", "WPG@2025-12-02", "WPG@2026-03-11", "--models", "models", "--format", fmt,
                      "--lang", "en")
        assert result.returncode == 1, result.stderr
    data = json.loads(_law("changes", "WPG@2025-12-02", "WPG@2026-03-11", "--format", "json").stdout)
    assert data["counts"] == {"changes": 11, "substantive": 4, "editorial": 7}
    same = _law("changes", "WPG@2026-03-11", "rules/wpg/text/2026-03-11.json")
    assert same.returncode == 0


# --------------------------------------------------------------------------------------- normative sentences


def _labels() -> list[dict[str, str]]:
    lines = (FIXTURES / "normative-labels.csv").read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def test_detector_on_the_held_out_half() -> None:
    labels = _labels()
    assert len(labels) >= 120 and {r["address"].split(":")[0] for r in labels} == {"WPG", "FZV"}
    detected = {d.unit.address: d for law in ("WPG", "FZV") for d in detect_tree(tree_for(law))}  # type: ignore[arg-type]
    held = [r for r in labels if r["split"] == "heldout"]
    tp = sum(1 for r in held if r["modality"] in NORMATIVE and detected[r["address"]].normative)
    fp = sum(1 for r in held if r["modality"] not in NORMATIVE and detected[r["address"]].normative)
    fn = sum(1 for r in held if r["modality"] in NORMATIVE and not detected[r["address"]].normative)
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9  # docs/law.md: 0.929 / 0.951


@pytest.mark.parametrize(("text", "modality"), [
    ("Die planungsverantwortliche Stelle hat den Plan zu veröffentlichen.", "pflicht"),
    ("Die Länder sind verpflichtet sicherzustellen, dass Pläne erstellt werden.", "pflicht"),
    ("Die planungsverantwortliche Stelle beteiligt die Öffentlichkeit.", "pflicht"),
    ("Die Länder können ein vereinfachtes Verfahren vorsehen.", "erlaubnis"),
    ("Ein Vorschlag soll spätestens sechs Monate nach der Veröffentlichung vorgelegt werden.", "soll"),
    ("Der Zulassungsnachweis darf nur erstellt werden, wenn alle Angaben vorliegen.", "verbot"),
    ("Satz 1 ist entsprechend anzuwenden.", "keine"),
    ("Die Landesregierungen werden ermächtigt, durch Rechtsverordnung Stellen zu bestimmen.", "erlaubnis"),
])
def test_modality(text: str, modality: str) -> None:
    assert modality_of(text) == modality


def test_deadlines_and_thresholds() -> None:
    text = ("Wärmepläne sind spätestens bis zum Ablauf des 30. Juni 2026 für Gemeindegebiete, in denen mehr als "
            "100 000 Einwohner gemeldet sind, unverzüglich zu erstellen.")
    assert find_deadlines(text) == ("spätestens bis zum Ablauf des 30. Juni 2026", "unverzüglich")
    assert find_thresholds(text) == ("mehr als 100 000 Einwohner",)


def test_coverage_and_draft(tmp_path: Path) -> None:
    result = coverage("WPG")
    wpg = result.laws[0]
    assert len(wpg.normative) > 100 and 0 < len(wpg.uncovered) < len(wpg.normative)
    assert ("WPG.W21", "§ 4 Abs. 3 Satz 2 WPG", "erlaubnis") in wpg.non_normative
    draft = draft_catalogue(read_markdown(FIXTURES / "draft-law.md"))
    obligations = {o["citations"][0]: o for o in draft["obligations"]}
    assert obligations["§ 1 Abs. 1 Satz 1 HSPG"]["deadlines"] == [
        {"kind": "fixed", "date": "2027-06-30", "citation": "§ 1 Abs. 1 Satz 1 HSPG"}]
    population = [{"kind": "population", "op": "gt", "value": 20000}]
    assert obligations["§ 3 Abs. 1 Satz 1 HSPG"]["applicability"] == population
    assert obligations["§ 2 Abs. 3 Satz 1 HSPG"]["kind"] == "publication"
    out = tmp_path / "draft.yaml"
    assert _law("draft", str(FIXTURES / "draft-law.md"), "-o", str(out)).returncode == 0
    shown = _law("show", str(out))
    assert shown.returncode == 0 and "HSPG.D001" in shown.stdout


# ------------------------------------------------------------------------------------------------- audit


def test_audit_finds_every_planted_problem() -> None:
    tree = read_markdown(FIXTURES / "draft-law.md")
    result = audit_result([(tree, "draft-law.md")], "de")
    found = {(f.code, f.element) for f in result.findings}
    assert found == {
        ("LA001", "HSPG:§1/Abs1/S1"), ("LA002", "HSPG:§1/Abs2/S1"), ("LA003", "HSPG:§2/Abs1/S1"),
        ("LA004", "HSPG:§2/Abs2/S1"), ("LA002", "HSPG:§2/Abs3/S1"), ("LA005", "HSPG:§3/Abs1/Nr1"),
        ("LA003", "HSPG:§3/Abs2/S1"),
    }
    assert all(f.message.de and f.message.en and f.line for f in result.findings)
    schema = json.loads((REPO / "tests" / "fixtures" / "lint" / "sarif" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(json.loads(get_emitter("sarif")(result, "en")), schema)


def test_audit_cli() -> None:
    result = _law("audit", str(FIXTURES / "draft-law.md"), "--format", "json", "--lang", "en")
    assert result.returncode == 1
    assert json.loads(result.stdout)["summary"]["findings"] == 9


# ------------------------------------------------------------------------------------- import, show, errors


def test_import_cli(tmp_path: Path) -> None:
    result = _law("import", "tests/fixtures/law/gii/wpg-excerpt.xml", "-o", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["texts"][0]["units"]["DBuchst"] == 2
    assert (tmp_path / "2026-03-11.json").is_file()
    stdout = _law("import", "tests/fixtures/law/gii/fzv-excerpt.xml", "-o", "-")
    assert json.loads(stdout.stdout)["law"] == "FZV"


def test_hostile_xml_is_one_line_exit_2() -> None:
    result = _law("import", "tests/fixtures/law/gii/internal-subset.xml")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "internal subset" in result.stderr


def test_show_citation_and_norm_text() -> None:
    assert norm_text("§ 7 Abs. 2 Nr. 1 WPG", "2026-03-11") == (
        "jeden Betreiber eines Energieversorgungsnetzes, das sich innerhalb des beplanten Gebiets befindet,")
    assert "2040" in (norm_text("§ 2 Abs. 3 Satz 2 WPG i. d. F. vom 2.12.2025") or "")
    assert norm_text("§ 99 WPG") is None and norm_text("§ 2 LWPG NRW") is None
    data = json.loads(_law("show", "§ 13 Abs. 2 WPG", "--format", "json").stdout)
    assert data["addresses"] == ["WPG:§13/Abs2"] and data["text"].startswith("Die planungsverantwortliche Stelle")
    assert _law("show", "§ 34a WPG", "--version", "2025-12-02").returncode == 1
    shown = _law("show", "WPG", "--format", "markdown").stdout
    assert "> **§ 13 Abs. 2 WPG (2026-03-11):** Die planungsverantwortliche Stelle informiert" in shown


# ------------------------------------------------------------------------------- text where people read


def test_diff_carries_the_cited_wording() -> None:
    args = [sys.executable, "-m", "vollzug", "diff", "models/ist/rheine/wpg.yaml",
            "models/soll/wpg-kreis-steinfurt.yaml"]
    run = {fmt: subprocess.run([*args, "--format", fmt], capture_output=True, text=True, check=False, cwd=REPO)
           for fmt in ("json", "markdown", "html")}
    texts = json.loads(run["json"].stdout)["norm_texts"]
    by_citation = {t["citation"]: t for t in texts}
    assert by_citation["§ 13 Abs. 2 WPG"]["addresses"] == ["WPG:§13/Abs2"]
    assert by_citation["§ 13 Abs. 2 WPG"]["version"] == "2025-12-02"  # Rheine's model is valid from 2025-01-01
    assert "> **§ 13 Abs. 2 WPG** (WPG 2025-12-02)" in run["markdown"].stdout
    assert '<section class="norms">' in run["html"].stdout and "<details title=" in run["html"].stdout


def test_report_carries_the_cited_wording(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "vollzug", "report", "models/ist/rheine/", "--reference",
                             "models/soll/wpg-kreis-steinfurt.yaml", "-o", str(tmp_path), "--format", "md,json,html"],
                            capture_output=True, text=True, check=False, cwd=REPO)
    assert result.returncode in (0, 1), result.stderr
    texts = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["comparisons"][0]["norm_texts"]
    assert any(t["citation"] == "§ 7 Abs. 2 Nr. 1 WPG" and t["text"].startswith("jeden Betreiber") for t in texts)
    assert "> **§ 13 Abs. 2 WPG**" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert '<details class="norm"><summary>' in (tmp_path / "index.html").read_text(encoding="utf-8")
