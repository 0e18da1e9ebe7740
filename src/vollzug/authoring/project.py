"""Build many models: find authoring sources in a tree, compile each, tell which ``.bpmn`` files are stale."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from vollzug.diagnostics import Diagnostic
from vollzug.errors import InputError
from vollzug.fileio import write_bytes_atomic

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(.*)$", re.MULTILINE)
SOURCE_SUFFIXES = (".yaml", ".yml")
"""Suffixes picked up when a folder is given (``.json`` only when named explicitly)."""


@dataclass
class BuildResult:
    """One compiled source: where it goes, whether the target was out of date, and the loader's warnings."""

    source: Path
    target: Path
    stale: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)


def find_sources(paths: list[Path]) -> list[Path]:
    """Explicit files as given; folders expanded to their ``.yaml``/``.yml`` operational models (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(p for p in sorted(path.rglob("*")) if p.suffix.lower() in SOURCE_SUFFIXES and p.is_file()
                       and _is_model(p))
        elif path.is_file():
            out.append(path)
        else:
            raise InputError("file or folder not found", file=path)
    return out


def _is_model(path: Path) -> bool:
    """Whether a YAML file in a folder is an operational model: its top-level keys are model fields and it
    declares no other document ``kind`` (catalogues, expected-gap lists … are skipped)."""
    from vollzug.model.process import OperationalModel

    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    keys = {m.group(1): m.group(2) for m in _TOP_KEY.finditer(text)}
    if "kind" in keys:
        return keys["kind"].strip().strip("'\"") == "operational_model"
    return bool(keys) and all(key in OperationalModel.model_fields for key in keys)


def build_one(source: Path, target: Path | None = None, *, check: bool = False) -> BuildResult:
    """Compile ``source`` to ``target`` (default: beside it, ``.bpmn``); with ``check`` only compare."""
    from vollzug.authoring.build import build_bpmn
    from vollzug.authoring.yaml_io import load_yaml_model

    loaded = load_yaml_model(source)
    data = build_bpmn(loaded.model, file=source, lines=loaded.lines)
    out = target or source.with_suffix(".bpmn")
    current = out.read_bytes() if out.is_file() else None
    stale = current != data
    if stale and not check:
        write_bytes_atomic(out, data)
    return BuildResult(source, out, stale, list(loaded.diagnostics))
