"""Catalogue data and loader: BRIEF coverage, [U] flags, and line-precise validation errors."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from vollzug.errors import CatalogueError
from vollzug.law.catalogue import catalogue_path, list_catalogues, load_catalogue
from vollzug.law.citation import parse_citation
from vollzug.model.law import FixedDeadline, PromptDeadline, RecurringDeadline, RelativeDeadline

WPG_IDS = [f"WPG.W{i:02d}" for i in range(22)] + ["WPG.W07b", "WPG.W18b"]
FIXED_STAKEHOLDER_KINDS = {
    "public", "network_operator", "heat_network_operator", "future_network_operator", "municipality", "defence",
    "toeb", "renewable_heat_producer", "waste_heat_producer", "chimney_sweep", "lanuv", "kreis", "land",
    "planning_consultant", "stadtwerke", "statistics_office",
}
FZV_KINDS = {"keeper", "kba", "insurer", "customs", "plate_maker", "inspection_body", "post", "police",
             "bulk_customer", "it_provider"}


def test_list_catalogues() -> None:
    assert [c.id for c in list_catalogues()] == ["FZV", "WPG"]


def test_wpg_has_every_step_of_the_brief() -> None:
    wpg = load_catalogue("WPG")
    assert sorted(o.id for o in wpg.obligations) == sorted(WPG_IDS)
    assert {k.id for k in wpg.stakeholder_kinds} == FIXED_STAKEHOLDER_KINDS
    assert {o.id for o in wpg.land_options} >= {"simplified_procedure", "joint_planning", "notification_procedure"}
    assert all(o.lands == ("NRW",) for o in wpg.land_options)


def test_wpg_laws_and_norms() -> None:
    wpg = load_catalogue("WPG")
    laws = {law.id: law for law in wpg.laws}
    assert laws["WPG"].versions[0].gazette == "BGBl. 2023 I Nr. 394"
    assert laws["LWPG NRW"].versions[0].gazette == "GV. NRW. S. 1177"
    sections = {parse_citation(n.citation).numbers for n in laws["WPG"].norms if n.citation.startswith("§")}
    covered = set()
    for numbers in sections:
        for number in numbers:
            low, _, high = number.partition("-")
            covered.update(range(int(low.rstrip("a")), int((high or low).rstrip("a")) + 1))
    assert covered == set(range(1, 36))  # §§ 1–35 and § 34a, one norm each, titles from the text


@pytest.mark.parametrize(
    ("ob_id", "citations"),
    [
        ("WPG.W01", ("§ 13 Abs. 1 Nr. 1 WPG",)),
        ("WPG.W04", ("§ 7 Abs. 2 Nr. 1–4 WPG",)),
        ("WPG.W15", ("§ 23 Abs. 3 WPG", "§ 13 Abs. 5 WPG")),
        ("WPG.W18b", ("§ 2 Abs. 5 LWPG NRW",)),
        ("FZV.K01", ("§ 49 FZV",)),
        ("FZV.K11", ("§ 51 Abs. 4 FZV",)),
    ],
)
def test_citations_as_in_the_brief(ob_id: str, citations: tuple[str, ...]) -> None:
    catalogue = load_catalogue(ob_id.split(".")[0])
    assert next(o for o in catalogue.obligations if o.id == ob_id).citations == citations


def test_wpg_deadlines_and_constraints() -> None:
    obs = {o.id: o for o in load_catalogue("WPG").obligations}
    fixed = [d for d in obs["WPG.W15"].deadlines if isinstance(d, FixedDeadline)]
    assert sorted(d.date.isoformat() for d in fixed) == ["2026-06-30", "2028-06-30"]
    assert any(isinstance(d, RecurringDeadline) and d.every == "P5Y" for d in obs["WPG.W18"].deadlines)
    rel = [d for d in obs["WPG.W18b"].deadlines if isinstance(d, RelativeDeadline)]
    assert rel[0].duration == "P3M" and rel[0].after == "WPG.W18"
    comment = next(d for d in obs["WPG.W11"].deadlines if isinstance(d, RelativeDeadline))
    assert comment.duration == "P30D" and comment.minimum
    assert obs["WPG.W11"].verified is False  # the 30 days are in the text, the NRW exception is not
    assert any(isinstance(d, PromptDeadline) and d.term == "unverzüglich" for d in obs["WPG.W07"].deadlines)
    assert obs["WPG.W09"].personal_data == "forbidden"
    assert obs["WPG.W16"].personal_data == "forbidden"
    assert obs["WPG.W06"].personal_data == "aggregated_only"
    assert all(r.continuous for r in obs["WPG.W04"].stakeholders)
    assert obs["WPG.W03"].optional
    for unverified in ("WPG.W11", "WPG.W12", "WPG.W17", "WPG.W21"):  # what the WPG text cannot settle (Landesrecht)
        assert obs[unverified].verified is False, unverified
    for checked in ("WPG.W06", "WPG.W13"):  # checked against the text (rules/wpg/text)
        assert obs[checked].verified is True, checked


def test_fzv_catalogue() -> None:
    fzv = load_catalogue("FZV")
    assert [o.id for o in fzv.obligations] == [f"FZV.K{i:02d}" for i in range(1, 14)]
    assert {k.id for k in fzv.stakeholder_kinds} == FZV_KINDS
    law = next(law for law in fzv.laws if law.id == "FZV")
    assert [v.in_force.isoformat() for v in law.versions] == ["2011-03-01", "2023-09-01", "2026-03-05"]
    assert {(r.old, r.new) for r in law.renumbering} >= {("§ 23 FZV a. F.", "§ 49 FZV"), ("§ 25 FZV a. F.", "§ 51 FZV")}
    assert next(o for o in fzv.obligations if o.id == "FZV.K05").verified is False


def test_load_by_path_and_cache(tmp_path: Path) -> None:
    path = catalogue_path("WPG")
    assert load_catalogue(path) is load_catalogue("wpg")
    copy = tmp_path / "catalogue.yaml"
    copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    first = load_catalogue(copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("title: Kommunale Wärmeplanung (WPG mit LWPG NRW)",
                                                             "title: Geändert"), encoding="utf-8")
    os.utime(copy, ns=(copy.stat().st_mtime_ns + 10**9, copy.stat().st_mtime_ns + 10**9))
    assert load_catalogue(copy).title == "Geändert"
    assert first.title != "Geändert"


def test_rules_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "wpg").mkdir()
    (tmp_path / "wpg" / "catalogue.yaml").write_text(catalogue_path("WPG").read_text(encoding="utf-8"), "utf-8")
    monkeypatch.setenv("VOLLZUG_RULES_DIR", str(tmp_path))
    assert [c.id for c in list_catalogues()] == ["WPG"]
    with pytest.raises(CatalogueError, match="unknown catalogue 'XYZ'"):
        load_catalogue("XYZ")


MINIMAL = """\
id: T
title: Test
laws:
  - id: WPG
    title: W
land_options:
  - {id: opt, title: O, citation: "§ 4 WPG"}
stakeholder_kinds:
  - {id: public, name: Öffentlichkeit}
obligations:
  - id: T.A
    title: A
    citations: ["§ 13 WPG"]
    addressee: x
    kind: task
  - id: T.B
    title: B
    citations: ["§ 14 WPG"]
    addressee: x
    kind: task
    depends_on: [T.A]
    stakeholders:
      - {stakeholder: public, involvement: must}
    applicability:
      - {kind: land_option, option: opt}
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "element", "message"),
    [
        ('citations: ["§ 14 WPG"]', 'citations: ["Paragraf 14 WPG"]', 18, "obligations[1].citations[0]",
         "does not parse"),
        ('citations: ["§ 14 WPG"]', 'citations: ["§ 14 GEG"]', 18, "obligations[1].citations[0]", "'GEG'"),
        ("  - id: T.B", "  - id: T.A", 16, "obligations[1].id", "duplicate obligation id 'T.A'"),
        ("stakeholder: public", "stakeholder: nobody", 23, "obligations[1].stakeholders[0]", "'nobody'"),
        ("depends_on: [T.A]", "depends_on: [T.Z]", 21, "obligations[1].depends_on[0]", "'T.Z'"),
        ("option: opt}", "option: other}", 25, "obligations[1].applicability[0]", "'other'"),
        ("kind: task\n  - id: T.B", "kind: chore\n  - id: T.B", 15, "obligations[0].kind", "Input should be"),
        ("depends_on: [T.A]", "depends_on: [T.A]\n    colour: red", 22, "obligations[1].colour", "Extra inputs"),
    ],
)
def test_validation_errors_name_file_line_and_key(
    tmp_path: Path, old: str, new: str, line: int, element: str, message: str
) -> None:
    assert old in MINIMAL
    path = tmp_path / "catalogue.yaml"
    path.write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    text = str(info.value)
    assert text.startswith(f"{path}:{line}: [{element}] "), text
    assert message in text
    assert "\n" not in text


def test_minimal_catalogue_loads(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert [o.id for o in load_catalogue(path).obligations] == ["T.A", "T.B"]


def test_cycle_and_syntax_errors(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.yaml"
    cyclic = MINIMAL.replace("    kind: task\n  - id: T.B", "    kind: task\n    depends_on: [T.B]\n  - id: T.B")
    path.write_text(cyclic, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"cycle among: T\.A, T\.B"):
        load_catalogue(path)
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(path)
    assert re.match(rf"{re.escape(str(path))}:\d+: YAML syntax error", str(info.value))
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="must be a YAML mapping"):
        load_catalogue(path)
    with pytest.raises(CatalogueError, match="not found"):
        load_catalogue(tmp_path / "missing.yaml")
