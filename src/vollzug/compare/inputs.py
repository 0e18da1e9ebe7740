"""Eingaben: load the towns' models and the reference SOLLs from files and folders.

References may be given several times (one per law) and as folders. A law that has towns but no reference is
looked up among the SOLL models in the folders of the given references (``models/soll/`` holds one per law), so
``--reference models/soll/wpg-kreis-steinfurt.yaml`` also finds ``models/soll/fzv-ikfz.yaml`` for FZV models.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from vollzug.compare import messages as m_
from vollzug.compare.engine import Town
from vollzug.errors import ConfigError
from vollzug.i18n import Text
from vollzug.loader import iter_model_files, load_model


@dataclass
class Inputs:
    """Towns and references, plus notes about how references were found."""

    towns: list[Town]
    references: list[Town]
    notes: list[Text] = field(default_factory=list)


def _load_one(path: Path) -> Town:
    return Town(load_model(path).model, str(path))


def _load(paths: Sequence[Path], jobs: int = 1) -> list[Town]:
    """Load model files, over ``jobs`` processes if many (reading YAML/BPMN costs far more than shipping models)."""
    files = iter_model_files(list(paths))
    if jobs <= 1 or len(files) < 8:
        return [_load_one(p) for p in files]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_load_one, files, chunksize=max(1, len(files) // (jobs * 8))))


def load_inputs(models: Sequence[str | Path], references: Sequence[str | Path], law: str | None = None,
                jobs: int = 1) -> Inputs:
    """Load towns and references; discover missing references beside the given ones."""
    if not references:
        raise ConfigError("at least one --reference SOLL model is needed")
    refs = _load([Path(r) for r in references])
    ref_paths = {Path(r.path).resolve() for r in refs}
    towns = [t for t in _load([Path(m) for m in models], jobs) if Path(t.path).resolve() not in ref_paths]
    if law:
        towns = [t for t in towns if t.model.law == law]
    notes: list[Text] = []
    have = {r.model.law for r in refs}
    wanted = {t.model.law for t in towns} - have
    if wanted:
        folders = sorted({Path(r.path).parent for r in refs if r.path})
        for candidate in iter_model_files(folders):
            if Path(candidate).resolve() in ref_paths:
                continue
            loaded = load_model(candidate)
            if loaded.model.variant == "SOLL" and loaded.model.law in wanted:
                refs.append(Town(loaded.model, str(candidate)))
                wanted.discard(loaded.model.law)
                notes.append(m_.text(m_.REFERENCE_FOUND, law=loaded.model.law, path=str(candidate)))
    return Inputs(towns, refs, notes)
