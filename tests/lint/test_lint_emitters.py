"""Every output format, snapshot-tested on the same fixture; SARIF validated against the official 2.1.0 schema;
JSON validated against the published findings schema."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest

from tests.lint.lintcase import FIXTURES, REPO
from vollzug import __version__
from vollzug.lint.config import Config
from vollzug.lint.emit import EMITTERS, get_emitter
from vollzug.lint.engine import Engine
from vollzug.lint.finding import CheckResult, summarise
from vollzug.loader import load_model
from vollzug.schema_docs import json_schema

EMIT = FIXTURES / "emit"
SUFFIX = {"text": "txt", "json": "json", "sarif": "sarif", "github": "txt", "markdown": "md"}
UPDATE = os.environ.get("VOLLZUG_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture(scope="module")
def result() -> CheckResult:
    engine = Engine(Config(select=("OB005", "RE002", "NT001", "OB002", "BP")))
    loaded = load_model(EMIT / "model.yaml")
    files = (engine.check_loaded(loaded, "tests/fixtures/lint/emit/model.yaml"),)
    return CheckResult(tool_version=__version__, rules=tuple(r.code for r in engine.rules), files=files,
                       summary=summarise(files))


def test_fixture_has_active_and_suppressed_findings(result: CheckResult) -> None:
    assert result.summary["suppressed"] == 2
    assert result.summary["findings"] >= 3
    assert {f.code for f in result.findings} >= {"OB005", "RE002", "NT001", "OB002"}


@pytest.mark.parametrize("fmt", list(EMITTERS))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_emitter_snapshot(result: CheckResult, fmt: str, lang: str) -> None:
    text = get_emitter(fmt)(result, lang)  # type: ignore[arg-type]
    snapshot = EMIT / f"expected.{lang}.{fmt}.{SUFFIX[fmt]}"
    if UPDATE:
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8"), f"run with VOLLZUG_UPDATE_SNAPSHOTS=1 to update {snapshot}"


def test_sarif_validates_against_official_schema(result: CheckResult) -> None:
    schema = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(get_emitter("sarif")(result, "de"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(suppressed) == 2 and all(s["suppressions"][0]["justification"] for s in suppressed)
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_sarif_schema_rejects_a_broken_log(result: CheckResult) -> None:
    schema = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(get_emitter("sarif")(result, "de"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)


def test_json_matches_published_schema(result: CheckResult) -> None:
    published = json.loads((REPO / "docs" / "schemas" / "findings.schema.json").read_text(encoding="utf-8"))
    assert published == json_schema(CheckResult), "regenerate docs/schemas/findings.schema.json"
    jsonschema.validate(json.loads(get_emitter("json")(result, "de")), published)


def test_github_escapes_properties(result: CheckResult) -> None:
    lines = get_emitter("github")(result, "de").splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert not any("unterdrückt" in line for line in lines)
