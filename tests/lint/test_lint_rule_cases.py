"""One driver for all rule case files (``tests/fixtures/lint/cases/<CODE>.yaml``) and the meta-test over the rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.lint.lintcase import CASES, REPO, as_expected, load_cases, run_case
from vollzug.lint.docs import generate
from vollzug.lint.registry import all_rules

ENGINE_FAMILY = "VZ"
"""Engine findings (rule crashed, reader warning) are tested in test_engine.py, not by case files."""


def _all_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = load_cases(path)
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{path.stem}: {case['name']}"))
    return params


@pytest.mark.parametrize(("code", "case"), _all_cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    findings = run_case(code, case)
    assert as_expected(findings) == case["expect"]
    for finding in findings:
        assert finding.code == code
        assert finding.message.en and finding.message.en != finding.message.de


def test_case_file_names_match_rules() -> None:
    for path in CASES.glob("*.yaml"):
        assert load_cases(path)["rule"] == path.stem
        assert path.stem in all_rules(), f"case file for unknown rule {path.stem}"


@pytest.mark.parametrize("code", [c for c in all_rules() if not c.startswith(ENGINE_FAMILY)])
def test_every_rule_has_valid_and_invalid_cases(code: str) -> None:
    path = CASES / f"{code}.yaml"
    assert path.is_file(), f"{code} has no case file {path.relative_to(REPO)}"
    cases = load_cases(path)["cases"]
    assert any(c["expect"] for c in cases), f"{code}: no case with findings"
    assert any(not c["expect"] for c in cases), f"{code}: no case without findings"


@pytest.mark.parametrize("code", list(all_rules()))
def test_every_rule_is_documented_in_both_languages(code: str) -> None:
    rule = all_rules()[code]
    for text in (rule.summary, rule.what, rule.why):
        assert text.de.strip() and text.en.strip() and text.de != text.en
    assert rule.invalid.strip() and rule.valid.strip()
    assert rule.__doc__ and rule.__doc__.strip()
    assert rule.gap is None or (rule.gap.startswith("G") and 1 <= int(rule.gap[1:]) <= 15)
    pages = generate()
    assert f"{rule.code}-{rule.name}.md" in pages and f"en/{rule.code}-{rule.name}.md" in pages
    messages = [v for k, v in vars(rule).items() if k.startswith("_") and isinstance(v, tuple) and hasattr(v, "de")]
    for msg in messages:
        assert msg.de.strip() and msg.en.strip(), f"{code}: message without German or English text"


def test_docs_are_not_stale() -> None:
    folder = REPO / "docs" / "rules"
    expected = generate()
    stale = [rel for rel, text in expected.items()
             if not (folder / rel).is_file() or (folder / rel).read_text(encoding="utf-8") != text]
    assert not stale, f"docs/rules is stale ({stale[:3]}…); run: python -m vollzug.lint.docs docs/rules"
    extra = {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")} - set(expected)
    assert not extra, f"docs/rules has pages of no rule: {sorted(extra)}"


def test_example_snippets_of_each_rule_are_yaml() -> None:
    import yaml

    for rule in all_rules().values():
        for snippet in (rule.invalid, rule.valid):
            yaml.safe_load(snippet)  # must not raise


def test_cases_folder_exists() -> None:
    assert Path(CASES).is_dir()
