"""File conversion by suffix: ``.bpmn`` → ``.bpmn`` (lossless round trip), ``.bpmn`` → ``.json``/``.yaml`` (model
dump), ``.json``/``.yaml`` → ``.bpmn`` (through ``vollzug.authoring.build``) and ``.json`` ⇄ ``.yaml``.

Each conversion is one row of :data:`CONVERSIONS`; every function returns the output bytes, so the caller writes
them atomically and nothing is written on error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vollzug.diagnostics import Diagnostic
from vollzug.errors import ConfigError, ModelError
from vollzug.loader import LoadedModel, load_model
from vollzug.model.process import OperationalModel

_KINDS = {".bpmn": "bpmn", ".bpmn2": "bpmn", ".xml": "bpmn", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}


def _kind(path: Path) -> str:
    kind = _KINDS.get(path.suffix.lower())
    if kind is None:
        raise ConfigError(f"unsupported file type '{path.suffix}' (use {', '.join(sorted(_KINDS))})", file=path)
    return kind


ID_WARNINGS = frozenset({"RD003", "RD004"})
"""Reader codes a lossless conversion passes on as warnings: duplicate ids and dangling references (kept as they
are: a BPMN → BPMN round trip is not ambiguous; conversions to the model refuse duplicate ids instead)."""


def _bpmn_to_bpmn(source: Path, warnings: list[Diagnostic]) -> bytes:
    from vollzug.bpmn.document import read_bpmn
    from vollzug.bpmn.writer import write_bpmn

    doc = read_bpmn(source)
    warnings.extend(d for d in doc.diagnostics if d.code in ID_WARNINGS)
    return write_bpmn(doc)


def _load_unique(source: Path) -> LoadedModel:
    loaded = load_model(source)
    document = loaded.document
    duplicates: dict[str, list[int | None]] = getattr(document, "duplicates", {}) or {}
    if duplicates:
        eid, lines = next(iter(duplicates.items()))
        raise ModelError(f"duplicate id '{eid}': cannot convert to a model with unique ids", file=source,
                         line=lines[0], element=eid)
    return loaded


def _plain(model: OperationalModel) -> dict[str, Any]:
    from vollzug.authoring.yaml_io import to_plain

    return to_plain(model)


def _to_json(source: Path, warnings: list[Diagnostic]) -> bytes:
    text = json.dumps(_plain(_load_unique(source).model), indent=2, ensure_ascii=False, default=str)
    return (text + "\n").encode("utf-8")


def _to_yaml(source: Path, warnings: list[Diagnostic]) -> bytes:
    from vollzug.authoring.yaml_io import dump_model_yaml

    return dump_model_yaml(_load_unique(source).model).encode("utf-8")


def _to_bpmn(source: Path, warnings: list[Diagnostic]) -> bytes:
    try:
        from vollzug.authoring.build import build_bpmn
    except ImportError as exc:
        raise ConfigError(f"converting YAML/JSON to BPMN needs vollzug.authoring.build, which cannot be "
                          f"imported ({exc})", file=source) from None
    loaded = load_model(source)
    warnings.extend(loaded.diagnostics)
    return build_bpmn(loaded.model, file=source, lines=loaded.lines)


CONVERSIONS: dict[tuple[str, str], Callable[[Path, list[Diagnostic]], bytes]] = {
    ("bpmn", "bpmn"): _bpmn_to_bpmn,
    ("bpmn", "json"): _to_json,
    ("bpmn", "yaml"): _to_yaml,
    ("json", "yaml"): _to_yaml,
    ("yaml", "json"): _to_json,
    ("json", "bpmn"): _to_bpmn,
    ("yaml", "bpmn"): _to_bpmn,
}
"""(input kind, output kind) → conversion returning the output bytes (and adding the reader's warnings to the list)."""


def convert(source: Path, target: Path, warnings: list[Diagnostic] | None = None) -> bytes:
    """The bytes of ``source`` converted to the format named by ``target``'s suffix (nothing is written).

    Reader warnings worth telling (duplicate ids and dangling references kept by a BPMN → BPMN round trip, the
    authoring checks of a YAML/JSON source) are added to ``warnings``."""
    pair = (_kind(source), _kind(target))
    func = CONVERSIONS.get(pair)
    if func is None:
        raise ConfigError(f"cannot convert {pair[0]} to {pair[1]}", file=target)
    if not source.is_file():
        raise ConfigError("file not found", file=source)
    if target.exists() and target.resolve() == source.resolve():
        raise ConfigError("output is the input file; inputs are never modified", file=target)
    return func(source, [] if warnings is None else warnings)
