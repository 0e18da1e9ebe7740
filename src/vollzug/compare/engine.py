"""Vergleichslauf: many towns against the reference SOLL of their law (matrix, scores, gaps, clustering).

The fast path compares each town with precomputed reference features (no full diff); ``detail=True`` adds the
step-level diff, RACI matrix, per-unit resources and diagram data that the report shows per town.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vollzug.compare import detail as det
from vollzug.compare.applicability import ObligationSource, obligation_source
from vollzug.compare.cells import town_cells
from vollzug.compare.clustering import cluster
from vollzug.compare.engines import run_rules
from vollzug.compare.features import ModelFeatures, extract
from vollzug.compare.results import Comparison, ComparisonSet, Outlier, TownResult
from vollzug.compare.similarity import pairwise, scores, signature, to_result
from vollzug.errors import ConfigError
from vollzug.model.law import Catalogue
from vollzug.model.process import OperationalModel

PAIRWISE_LIMIT = 2000
"""Above this many towns the town × town matrix and clustering are skipped unless forced."""

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Town:
    """One input: a model and where it came from."""

    model: OperationalModel
    path: str = ""


@dataclass(frozen=True)
class _Context:
    reference: OperationalModel
    ref_features: ModelFeatures
    source: ObligationSource
    detail: bool
    rules: bool


_CONTEXT: _Context | None = None


def _init_worker(context: _Context) -> None:
    global _CONTEXT  # one context per worker process
    _CONTEXT = context


def slug(text: str) -> str:
    """URL- and id-safe key of a town name."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-") or "town"


def _town_result(town: Town, key: str, ctx: _Context, own_soll: OperationalModel | None = None) -> TownResult:
    model = town.model
    features = extract(model)
    cells, gaps = town_cells(model, features, ctx.ref_features, ctx.source)
    notes: list[str] = []
    if ctx.rules:
        found = run_rules(model, Path(town.path) if town.path else None)
        if found is None:
            notes.append("Regelprüfung nicht verfügbar – nur Vergleichslücken")
        else:
            gaps.extend(found)
    m = model.municipality
    extra: dict[str, Any] = {}
    if ctx.detail:
        entries, state = det.diff_entries(model, ctx.reference, features, ctx.ref_features)
        extra = {"diff": tuple(entries), "raci": det.raci_matrix(model), "units": tuple(det.unit_resources(model)),
                 "diagram": det.diagram(model, state)}
    if own_soll is not None:
        extra["own_soll"] = tuple(town_cells(model, features, extract(own_soll), ctx.source)[0])
    counts = Counter(c.status for c in cells)
    return TownResult(
        key=key, name=m.name if m else (model.title or Path(town.path).stem), ags=m.ags if m else "",
        kind=m.kind if m else "", population=m.population.count if m and m.population else None,
        variant=model.variant or "", path=town.path, synthetic=model.synthetic, cells=tuple(cells),
        similarity=scores(signature(features), signature(ctx.ref_features)), counts=dict(counts),
        gaps=tuple(gaps), fte=round(features.fte, 3), eur=round(features.eur, 2), notes=tuple(notes), **extra)


def _run_chunk(items: list[tuple[Town, str, OperationalModel | None]]) -> list[TownResult]:
    assert _CONTEXT is not None
    return [_town_result(t, k, _CONTEXT, s) for t, k, s in items]


def _keys(towns: Sequence[Town]) -> list[str]:
    keys: list[str] = []
    seen: Counter[str] = Counter()
    for town in towns:
        m = town.model.municipality
        base = slug(m.name if m else Path(town.path).stem or town.model.title)
        if town.model.variant == "SOLL":
            base += "-soll"
        seen[base] += 1
        keys.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return keys


def _outliers(results: Sequence[TownResult]) -> list[Outlier]:
    out: list[Outlier] = []
    if len(results) < 3:
        return out
    for index, first in enumerate(results[0].cells):
        column = [(r.key, r.cells[index]) for r in results]
        applicable = [(k, c) for k, c in column if c.status != "not_applicable"]
        modal = Counter(c.status for _, c in applicable).most_common(1)
        if modal and modal[0][1] / max(len(applicable), 1) >= 0.6:
            out.extend(Outlier(obligation=first.obligation, town=k, reason=f"{c.status} (meist {modal[0][0]})")
                       for k, c in applicable if c.status != modal[0][0])
        ftes = [c.fte for _, c in applicable if c.fte > 0]
        if len(ftes) >= 5:
            median = statistics.median(ftes)
            mad = statistics.median(abs(x - median) for x in ftes) or 0.05 * median or 0.01
            out.extend(Outlier(obligation=first.obligation, town=k, reason=f"VZÄ {c.fte:.2f} (Median {median:.2f})")
                       for k, c in applicable if c.fte > 0 and abs(c.fte - median) > max(3.5 * mad, 0.5 * median, 0.1))
    return out


def compare_law(
    towns: Sequence[Town], reference: Town, *, law: str | None = None, catalogue: Catalogue | None = None,
    detail: bool = True, rules: bool = True, jobs: int = 1, pairwise_mode: str = "auto",
    progress: Progress | None = None,
) -> Comparison:
    """Compare towns of one law with its reference SOLL."""
    law_id = law or reference.model.law or "?"
    source = obligation_source(law_id, reference.model, catalogue)
    ctx = _Context(reference.model, extract(reference.model), source, detail, rules)
    keys = _keys(towns)
    soll_by_ags = {t.model.municipality.ags: t.model for t in towns
                   if t.model.variant == "SOLL" and t.model.municipality is not None}
    items = [(t, k, soll_by_ags.get(t.model.municipality.ags) if t.model.variant == "IST" and t.model.municipality
              else None) for t, k in zip(towns, keys, strict=True)]
    results: list[TownResult] = []
    if jobs > 1 and len(items) > 1:
        size = max(1, min(256, len(items) // (jobs * 4) or 1))
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(ctx,)) as pool:
            for chunk_result in pool.map(_run_chunk, chunks):
                results.extend(chunk_result)
                if progress:
                    progress(len(chunk_result))
    else:
        _init_worker(ctx)
        for item in items:
            results.extend(_run_chunk([item]))
            if progress:
                progress(1)
    if pairwise_mode not in {"auto", "on", "off"}:
        raise ConfigError(f"unknown pairwise mode '{pairwise_mode}' (auto, on, off)")
    do_pairs = pairwise_mode == "on" or (pairwise_mode == "auto" and 2 <= len(results) <= PAIRWISE_LIMIT)
    similarity = clustering = None
    if do_pairs and len(results) >= 2:
        matrices = pairwise([signature(extract(t.model)) for t in towns])
        similarity = to_result(keys, matrices)
        clustering = cluster(keys, matrices["overall"])
    closest = tuple(r.key for r in sorted(results, key=lambda r: -r.similarity.overall))
    engines = {"catalogue": source.engine, "diff": "vollzug.compare.detail (fallback)",
               "rules": "vollzug.lint" if rules and any(not r.notes for r in results) else "fallback (compare)"}
    return Comparison(law=law_id, reference=reference.path or reference.model.title,
                      reference_title=reference.model.title, obligations=source.infos, towns=tuple(results),
                      similarity=similarity, clustering=clustering, closest=closest,
                      outliers=tuple(_outliers(results)), engines=engines)


def compare_all(
    towns: Sequence[Town], references: Sequence[Town], *, law: str | None = None, **options: Any
) -> ComparisonSet:
    """Group towns by law, compare each group with the reference of its law; list what had no reference."""
    by_law: dict[str, Town] = {}
    for ref in references:
        by_law.setdefault(ref.model.law or law or "?", ref)
    groups: dict[str, list[Town]] = {}
    skipped: list[str] = []
    for town in towns:
        town_law = town.model.law or law
        if law and town_law != law:
            continue
        if town_law not in by_law:
            skipped.append(f"{town.path or town.model.title}: kein Referenz-SOLL für Gesetz {town_law}")
            continue
        if any(town.path and town.path == r.path for r in references):
            continue
        groups.setdefault(town_law, []).append(town)
    comparisons = tuple(compare_law(group, by_law[name], law=name, **options) for name, group in groups.items())
    return ComparisonSet(generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), comparisons=comparisons,
                         skipped=tuple(skipped))
