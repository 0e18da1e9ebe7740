"""JSON output: the :class:`~vollzug.lint.finding.CheckResult` as published in ``docs/schemas/findings.schema.json``."""

from __future__ import annotations

import json

from vollzug.i18n import Lang
from vollzug.lint.finding import CheckResult


def emit(result: CheckResult, lang: Lang = "de") -> str:
    """Dump the result (both languages are always included; ``lang`` does not change JSON)."""
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
