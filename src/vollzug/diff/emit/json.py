"""JSON: the :class:`DiffResult` dump (schema in ``docs/schemas/diff.schema.json``)."""

from __future__ import annotations

import json as _json
from typing import Any

from vollzug.diff.changes import DiffResult
from vollzug.diff.emit import EmitContext


def schema() -> dict[str, Any]:
    """The published JSON Schema of the diff result."""
    out = DiffResult.model_json_schema(mode="serialization")
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = "urn:vollzug:schema:diff:1"
    return out


def emit(result: DiffResult, ctx: EmitContext) -> bytes:
    """Indented UTF-8 JSON."""
    return (_json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
