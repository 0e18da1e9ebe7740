"""The ``reference`` run: load the models, merge, write the BPMN and the table, summarise (de/en)."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path

from vollzug.batch import Batch, require_files
from vollzug.errors import ConfigError, InputError
from vollzug.fileio import write_bytes_atomic
from vollzug.i18n import Lang
from vollzug.loader import iter_model_files, load_model
from vollzug.model.process import OperationalModel
from vollzug.output.csvsafe import Cell, to_csv
from vollzug.output.guard import declare_inputs
from vollzug.reference.build import reference_bpmn
from vollzug.reference.merge import Cluster, merge
from vollzug.reference.table import Distance, SupportRow, distances, order_agreement, support_rows

_TEXT = {
    "de": {"head": "Referenzprozess aus {n} Modellen: {steps} Schritte ({core} Kern ab {k} Modellen, {var} Varianten)",
           "order": "Reihenfolge stimmt für {share} der Schrittpaare mit der Mehrheit der Modelle überein",
           "town": "{model}: Abstand {distance} – fehlt: {lacks}; zusätzlich: {adds}", "none": "–",
           "written": "geschrieben: {path}"},
    "en": {"head": "Reference process from {n} models: {steps} steps ({core} core from {k} models, {var} variants)",
           "order": "order agrees with the majority of models for {share} of step pairs",
           "town": "{model}: distance {distance} – lacks: {lacks}; adds: {adds}", "none": "–",
           "written": "written: {path}"},
}


@dataclass
class ReferenceResult:
    """What the run produced (for the summary and for tests)."""

    clusters: list[Cluster]
    keys: list[str]
    min_support: int
    rows: list[SupportRow]
    distances: list[Distance]
    agreement: float | None
    written: list[Path] = field(default_factory=list)
    batch: Batch = field(default_factory=Batch)

    def render(self, fmt: str, lang: str) -> str:
        """The summary as text or JSON."""
        if fmt == "json":
            data = {"kind": "reference", "models": self.keys, "min_support": self.min_support,
                    "order_agreement": self.agreement, "steps": [dataclasses.asdict(r) for r in self.rows],
                    "distances": [dataclasses.asdict(d) for d in self.distances],
                    "excluded": [str(e) for e in self.batch.excluded]}
            return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        from babel.numbers import format_percent

        t = _TEXT[lang]
        core = sum(1 for r in self.rows if r.core)
        lines = [t["head"].format(n=len(self.keys), steps=len(self.rows), core=core, k=self.min_support,
                                  var=len(self.rows) - core)]
        if self.agreement is not None:
            lines.append(t["order"].format(share=format_percent(self.agreement, locale=lang)))
        for d in self.distances:
            lines.append(t["town"].format(model=d.model, distance=format_percent(d.distance, locale=lang),
                                          lacks=", ".join(d.lacks) or t["none"], adds=", ".join(d.adds) or t["none"]))
        lines += [t["written"].format(path=p) for p in self.written]
        return "\n".join(lines) + "\n"


def _key(path: Path, model: OperationalModel, used: set[str]) -> str:
    base = model.municipality.name if model.municipality is not None else path.stem
    key, n = base, 2
    while key in used:
        key, n = f"{base} ({n})", n + 1
    used.add(key)
    return key


def _table_bytes(path: Path, rows: list[SupportRow], dists: list[Distance]) -> bytes:
    if path.suffix.lower() == ".json":
        data = {"steps": [dataclasses.asdict(r) for r in rows], "distances": [dataclasses.asdict(d) for d in dists]}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if path.suffix.lower() != ".csv":
        raise ConfigError(f"{path}: --table must end in .csv or .json")
    names = [f.name for f in dataclasses.fields(SupportRow)]
    return to_csv(names, ([_cell(getattr(row, n)) for n in names] for row in rows)).encode("utf-8")


def _cell(value: object) -> Cell:
    return value if value is None or isinstance(value, str | int | float) else str(value)


def run_reference(paths: list[Path], output: Path, *, min_support: int | None = None, law: str | None = None,
                  table: Path | None = None, lang: str = "de", fail_fast: bool = False) -> ReferenceResult:
    """Load, merge, write; unreadable files are reported and left out (see :class:`~vollzug.batch.Batch`)."""
    declare_inputs(paths)  # the output layer then refuses -o/--table onto any of them
    language: Lang = "en" if lang == "en" else "de"
    files = require_files(iter_model_files(paths), paths, language)
    models: list[tuple[str, OperationalModel]] = []
    batch = Batch(fail_fast=fail_fast)
    used: set[str] = set()
    for file in files:
        loaded = batch.attempt(file, lambda f=file: load_model(f))  # type: ignore[misc]
        if loaded is None:
            continue
        model = loaded.model
        if law is not None and model.law != law:
            continue
        models.append((_key(file, model, used), model))
    if len(models) < 2:
        raise InputError(f"a reference needs at least two models, found {len(models)}")
    clusters = merge(models)
    total = len(models)
    k = min_support if min_support is not None else total // 2 + 1
    keys = [key for key, _ in models]
    laws = {m.law for _, m in models if m.law}
    title = f"Referenzprozess {law or (laws.pop() if len(laws) == 1 else '')} ({total} Modelle)".replace("  ", " ")
    write_bytes_atomic(output, reference_bpmn(clusters, total, k, title=title, law=law))
    rows, dists = support_rows(clusters, total, k), distances(clusters, keys, k)
    written = [output]
    if table is not None:
        write_bytes_atomic(table, _table_bytes(table, rows, dists))
        written.append(table)
    return ReferenceResult(clusters, keys, k, rows, dists, order_agreement(clusters), written, batch)
