"""Engine behaviour: selection, configuration, suppression, crash isolation, registry validation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vollzug.errors import ConfigError
from vollzug.i18n import Msg
from vollzug.lint.config import Config, discover_config, find_config_file
from vollzug.lint.engine import Engine
from vollzug.lint.registry import all_rules, resolve, validate_rules
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.selection import select_rules
from vollzug.model.process import OperationalModel

REPO = Path(__file__).resolve().parents[2]

MODEL = OperationalModel.model_validate({
    "id": "P",
    "org_units": [{"id": "FB", "name": "FB"}],
    "steps": [
        {"id": "T1", "name": "Ohne Grundlage", "lane": "FB",
         "suppressions": [{"code": "OB", "reason": "intern abgestimmt"}]},
        {"id": "T2", "name": "Auch ohne", "lane": "FB"},
    ],
    "annotations": [{"id": "A1", "text": "vollzug: ignore RS003 -- Eigentümer folgt", "target": None}],
})


def codes(rules: list[type[Rule]]) -> list[str]:
    return [r.code for r in rules]


def test_preset_and_prefix_selection() -> None:
    rules = all_rules()
    recommended = codes(select_rules(rules))
    assert "RE003" not in recommended and "BP001" in recommended
    assert "RE003" in codes(select_rules(rules, preset="strict"))
    assert codes(select_rules(rules, select=["RS"])) == [c for c in rules if c.startswith("RS")]
    assert codes(select_rules(rules, select=["RS"], ignore=["RS00"])) == []
    # longest prefix wins: ignore the family, select one rule back
    assert codes(select_rules(rules, select=["RS001"], ignore=["RS"])) == ["RS001"]
    assert codes(select_rules(rules, select=["ALL"], ignore=["BP", "RS", "OB", "ST", "NT", "RE", "DL", "VZ"])) == [
        "DP001"]
    assert codes(select_rules(rules, select=["missing-accountable"])) == ["RS005"]


def test_unknown_selector_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="matches no rule"):
        select_rules(all_rules(), select=["XX9"])


def test_element_and_annotation_suppression() -> None:
    findings = Engine(Config(select=("OB002", "RS003"))).check_model(MODEL, "m.yaml")
    by_element = {(f.code, f.element): f for f in findings}
    assert by_element[("OB002", "T1")].suppressed
    assert by_element[("OB002", "T1")].suppression_reason == "intern abgestimmt"
    assert not by_element[("OB002", "T2")].suppressed
    assert by_element[("RS003", "P")].suppression_reason == "Eigentümer folgt"
    assert not any(f.failing for f in findings if f.suppressed)


def test_file_level_suppression_and_severity_override() -> None:
    config = Config(select=("OB002",), severity={"OB002": "info"},
                    suppress=({"files": "models/*.yaml", "code": "OB", "reason": "Altbestand"},))  # type: ignore[arg-type]
    inside = Engine(config).check_model(MODEL, "models/x.yaml")
    outside = Engine(config).check_model(MODEL, "other/x.yaml")
    assert all(f.suppressed and f.suppression_reason in {"Altbestand", "intern abgestimmt"} for f in inside)
    assert [f.severity for f in outside] == ["info", "info"]
    assert not any(f.failing for f in outside)


def test_options_are_validated() -> None:
    with pytest.raises(ConfigError, match="RE002"):
        Engine(Config(select=("RE002",), options={"RE002": {"max_fte": -1}})).check_model(
            OperationalModel.model_validate({"steps": [{"id": "T", "resources": [{"kind": "staff", "fte": 1}]}]}))
    with pytest.raises(ConfigError, match="unknown rule"):
        Engine(Config(options={"XX123": {}}))


class _Crashing(Rule):
    """Test rule that always raises."""

    code = "ZZ900"
    name = "always-crashes"
    summary = what = why = Msg("x", "y")
    invalid = valid = "{}"

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        raise ZeroDivisionError("boom")


def test_crashing_rule_becomes_a_finding_and_the_run_goes_on() -> None:
    rules = [_Crashing, all_rules()["OB002"]]
    findings = Engine(Config(), rules=rules).check_model(MODEL, "m.yaml")
    crash = [f for f in findings if f.code == "VZ000"]
    assert len(crash) == 1 and "ZZ900" in crash[0].message.de and "boom" in crash[0].message.en
    assert crash[0].severity == "error"
    assert any(f.code == "OB002" for f in findings)


def test_registry_rejects_bad_codes_and_duplicates() -> None:
    class BadCode(_Crashing):
        """Bad."""

        code = "Z1"

    class Duplicate(_Crashing):
        """Duplicate name."""

        code = "ZZ901"

    with pytest.raises(ConfigError, match="two capital letters"):
        validate_rules([BadCode])
    with pytest.raises(ConfigError, match="already used"):
        validate_rules([_Crashing, Duplicate])
    assert resolve("missing-accountable") is all_rules()["RS005"]
    assert resolve("rs005") is all_rules()["RS005"]


def test_config_discovery_upwards(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config_file(sub) is None or find_config_file(sub) != tmp_path / "pyproject.toml"
    (tmp_path / "a" / "vollzug.toml").write_text('preset = "strict"\nignore = ["BP006"]\n', encoding="utf-8")
    config = discover_config([sub])
    assert config.preset == "strict" and config.ignore == ("BP006",)
    (tmp_path / "a" / "b" / "pyproject.toml").write_text('[tool.vollzug]\nselect = ["RS"]\n', encoding="utf-8")
    assert discover_config([sub]).select == ("RS",)


def test_bad_config_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "vollzug.toml"
    bad.write_text('preset = "everything"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        discover_config([tmp_path])
    assert "vollzug.toml" in str(info.value) and "\n" not in str(info.value)
    bad.write_text("preset = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        discover_config([tmp_path])


def test_reader_warnings_become_findings() -> None:
    from vollzug.loader import load_model

    loaded = load_model(REPO / "tests" / "fixtures" / "bpmn" / "lax.bpmn")
    assert loaded.diagnostics
    result = Engine(Config(select=("VZ001",))).check_loaded(loaded, "lax.bpmn")
    warnings = [f for f in result.findings if f.code == "VZ001"]
    assert len(warnings) == len(loaded.diagnostics)
    assert all(f.line for f in warnings) and any("fancyTask" in f.message.de for f in warnings)
    unselected = Engine(Config(select=("BP001",))).check_loaded(loaded, "lax.bpmn").findings
    assert all(f.code != "VZ001" for f in unselected)


def test_plugin_rules_are_discovered_through_entry_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "vz_plugin_rules.py").write_text(
        "from vollzug.i18n import Msg\n"
        "from vollzug.lint.rule import Rule\n\n"
        "class TitleMissing(Rule):\n"
        '    """Plugin test rule."""\n\n'
        '    code = "ZZ100"\n'
        '    name = "title-missing"\n'
        '    summary = what = why = Msg("Titel fehlt", "Title missing")\n'
        '    invalid = valid = "{}"\n\n'
        "    def check(self, ctx):\n"
        "        if not ctx.model.title:\n"
        '            yield self.report(ctx.model.id, Msg("Kein Titel", "No title"))\n',
        encoding="utf-8")
    dist = tmp_path / "vz_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: vz-plugin\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[vollzug.rules]\ntitle = vz_plugin_rules:TitleMissing\n",
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    all_rules.cache_clear()
    try:
        assert "ZZ100" in all_rules()
        findings = Engine(Config(select=("ZZ100",))).check_model(MODEL, "m.yaml")
        assert [(f.code, f.element, f.message.en) for f in findings] == [("ZZ100", "P", "No title")]
    finally:
        monkeypatch.undo()
        all_rules.cache_clear()
    assert "ZZ100" not in all_rules()


def test_unknown_catalogue_is_reported_and_obligation_rules_skipped() -> None:
    model = OperationalModel.model_validate({"id": "P", "law": "WGP", "steps": [{"id": "T", "name": "A"}]})
    findings = Engine(Config(select=("VZ002", "OB001", "OB004"))).check_model(model, "m.yaml")
    assert [(f.code, f.element) for f in findings] == [("VZ002", "P")]
    assert "WGP" in findings[0].message.de and "WPG" in findings[0].message.en


def test_aliases_keep_old_codes_selectable() -> None:
    class Renamed(_Crashing):
        """Rule that was renumbered from ZZ800."""

        code = "ZZ901"
        name = "renamed-rule"
        aliases = ("ZZ800", "old-name")

    rules = validate_rules([Renamed, all_rules()["RS001"]])
    assert codes(select_rules(rules, select=["ZZ800"])) == ["ZZ901"]
    assert codes(select_rules(rules, select=["old-name"])) == ["ZZ901"]
    assert codes(select_rules(rules, select=["ALL"], ignore=["ZZ8"])) == ["RS001"]
    with pytest.raises(ConfigError, match="already used"):
        validate_rules([Renamed, type("Clash", (_Crashing,), {"code": "ZZ902", "name": "old-name"})])
