"""SARIF 2.1.0 output (validated against the official schema in the test suite)."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from vollzug.i18n import Lang
from vollzug.lint.finding import CheckResult, Finding
from vollzug.lint.registry import all_rules

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
"""``$schema`` value of the log."""
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix(), safe="/:")


def _rule_descriptor(code: str, lang: Lang) -> dict[str, Any]:
    rule = all_rules().get(code)
    if rule is None:
        return {"id": code}
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary(lang)},
        "fullDescription": {"text": rule.what(lang)},
        "help": {"text": rule.why(lang)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"groups": list(rule.groups), "tags": [t for t in (rule.gap,) if t]},
    }
    if rule.aliases:
        descriptor["deprecatedIds"] = list(rule.aliases)
    return descriptor


def _result(f: Finding, index: dict[str, int], lang: Lang) -> dict[str, Any]:
    text = f.message.get(lang) + (f" ({f.citation})" if f.citation else "")
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.file or "")}}}
    if f.line:
        location["physicalLocation"]["region"] = {"startLine": f.line}
    if f.element:
        location["logicalLocations"] = [{"name": f.element, "kind": "element"}]
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _LEVEL[f.severity],
        "message": {"text": text},
        "locations": [location],
        "properties": {"gap": f.gap, "citation": f.citation, "messageDe": f.message.de, "messageEn": f.message.en},
    }
    if f.suppressed:
        result["suppressions"] = [{"kind": "inSource", "justification": f.suppression_reason or ""}]
    return result


def emit(result: CheckResult, lang: Lang = "de") -> str:
    """Render one SARIF run with the rules that ran and all findings (suppressed ones carry ``suppressions``)."""
    codes = list(dict.fromkeys([*result.rules, *(f.code for f in result.findings)]))
    index = {code: i for i, code in enumerate(codes)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vollzug",
                "version": result.tool_version,
                "rules": [_rule_descriptor(code, lang) for code in codes],
            }},
            "language": lang,
            "artifacts": [{"location": {"uri": _uri(r.file)}} for r in result.files],
            "results": [_result(f, index, lang) for f in result.findings],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
