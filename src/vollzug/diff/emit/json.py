"""JSON: the :class:`DiffResult` dump (schema in ``docs/schemas/diff.schema.json``).

:func:`write` streams the document entry by entry into a binary file, so the JSON of a diff of two huge models is
never held in memory as one string (nor as one dict of the whole result); :func:`emit` returns the same bytes.
The layout is exactly ``json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False)`` plus a newline.
"""

from __future__ import annotations

import io
import json as _json
from typing import Any, BinaryIO

from pydantic import BaseModel

from vollzug.diff.changes import DiffResult
from vollzug.diff.emit import EmitContext

_INDENT = 2


def schema() -> dict[str, Any]:
    """The published JSON Schema of the diff result."""
    from vollzug.schema_docs import json_schema

    out = json_schema(DiffResult, mode="serialization")
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = "urn:vollzug:schema:diff:1"
    return out


def _dumps(value: Any, level: int) -> bytes:
    """``value`` as indented JSON, nested ``level`` deep (JSON strings escape newlines: every raw one is layout)."""
    text = _json.dumps(value, indent=_INDENT, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * (_INDENT * level)).encode("utf-8")


def write(result: DiffResult, ctx: EmitContext, out: BinaryIO) -> None:
    """Stream indented UTF-8 JSON into ``out``: the top-level fields in order, record lists one entry at a time."""
    names = list(type(result).model_fields)
    pad1, pad2 = b" " * _INDENT, b" " * (2 * _INDENT)
    out.write(b"{\n")
    for index, name in enumerate(names):
        value = getattr(result, name)
        out.write(pad1 + _dumps(name, 1) + b": ")
        if isinstance(value, tuple) and value and all(isinstance(item, BaseModel) for item in value):
            out.write(b"[\n")
            last = len(value) - 1
            for position, item in enumerate(value):
                out.write(pad2 + _dumps(item.model_dump(mode="json"), 2) + (b",\n" if position < last else b"\n"))
            out.write(pad1 + b"]")
        else:
            out.write(_dumps(result.model_dump(mode="json", include={name})[name], 1))
        out.write(b",\n" if index < len(names) - 1 else b"\n")
    out.write(b"}\n")


def emit(result: DiffResult, ctx: EmitContext) -> bytes:
    """Indented UTF-8 JSON (what :func:`write` streams)."""
    buffer = io.BytesIO()
    write(result, ctx, buffer)
    return buffer.getvalue()
