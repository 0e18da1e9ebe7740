"""Vergleichslauf: many towns against the reference SOLL of their law (matrix, scores, gaps, clustering).

The fast path compares each town with precomputed reference features (no full diff); ``detail=True`` adds the
step-level diff, RACI matrix, per-unit resources and diagram data that the report shows per town.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vollzug.compare import detail as det
from vollzug.compare import messages as m_
from vollzug.compare.applicability import ObligationSource, obligation_source
from vollzug.compare.cells import town_cells
from vollzug.compare.clustering import cluster
from vollzug.compare.engines import run_diff, run_rules
from vollzug.compare.features import ModelFeatures, extract
from vollzug.compare.results import Comparison, ComparisonSet, Outlier, TownResult
from vollzug.compare.similarity import Signature, pairwise, scores, signature, to_result
from vollzug.compare.trusted import trusted
from vollzug.errors import ConfigError
from vollzug.i18n import Text
from vollzug.locale import bilingual, format_fte
from vollzug.model.law import Catalogue
from vollzug.model.process import OperationalModel
from vollzug.parallel import in_order

PAIRWISE_LIMIT = 2000
"""Above this many towns the town × town matrix and clustering are skipped unless forced."""

FULL_DIFF_LIMIT = 100
"""``diff_mode="auto"`` runs the diff engine per town up to this many towns of one law."""
STATUS_TEXT = {"covered": Text(de="abgedeckt", en="covered"), "deviating": Text(de="abweichend", en="deviating"),
               "missing": Text(de="fehlt", en="missing"), "not_applicable": Text(de="n. a.", en="n/a")}
"""Cell status in both languages (outlier reasons)."""
CHUNK = 64
"""Towns per worker task."""

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
    ref_signature: Signature
    source: ObligationSource
    detail: bool
    rules: bool
    full_diff: bool


_CONTEXT: _Context | None = None


def _init_worker(context: _Context) -> None:
    global _CONTEXT  # one context per worker process
    _CONTEXT = context


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """URL- and id-safe key of a town name."""
    return _NOT_SLUG.sub("-", text.translate(_UMLAUTS).lower()).strip("-") or "town"


def _town_result(town: Town, key: str, ctx: _Context, own_soll: OperationalModel | None = None
                 ) -> tuple[TownResult, Signature]:
    model = town.model
    features = extract(model)
    cells, gaps = town_cells(model, features, ctx.ref_features, ctx.source)
    notes: list[Text] = []
    if ctx.rules:
        found = run_rules(model, Path(town.path) if town.path else None)
        if found is None:
            notes.append(m_.text(m_.RULES_UNAVAILABLE))
        else:
            gaps.extend(found)
    m = model.municipality
    extra: dict[str, Any] = {}
    if ctx.detail:
        found_diff = None
        if ctx.full_diff:
            try:
                found_diff = run_diff(model, ctx.reference)
            except Exception as exc:  # a failing diff engine must not stop the comparison
                notes.append(m_.text(m_.DIFF_FAILED, error=type(exc).__name__))
        entries, state = found_diff or det.diff_entries(model, ctx.reference, features, ctx.ref_features)
        extra = {"diff": tuple(entries), "raci": det.raci_matrix(model), "units": tuple(det.unit_resources(model)),
                 "diagram": det.diagram(model, state)}
    if own_soll is not None:
        extra["own_soll"] = tuple(town_cells(model, features, extract(own_soll), ctx.source)[0])
    counts = Counter(c.status for c in cells)
    sig = signature(features)
    result = TownResult(
        key=key, name=m.name if m else (model.title or Path(town.path).stem), ags=m.ags if m else "",
        kind=m.kind if m else "", population=m.population.count if m and m.population else None,
        variant=model.variant or "", path=town.path, synthetic=model.synthetic, cells=tuple(cells),
        similarity=scores(sig, ctx.ref_signature), counts=dict(counts),
        gaps=tuple(gaps), fte=round(features.fte, 3), eur=round(features.eur, 2), notes=tuple(notes), **extra)
    return result, sig


_Item = tuple[Town, str, OperationalModel | None]


def _run_chunk(items: list[_Item]) -> list[tuple[TownResult, Signature]]:
    assert _CONTEXT is not None
    return [_town_result(t, k, _CONTEXT, s) for t, k, s in items]


class _Keys:
    """Unique town keys, assigned as towns stream in."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def __call__(self, town: Town) -> str:
        m = town.model.municipality
        base = slug(m.name if m else Path(town.path).stem or town.model.title)
        if town.model.variant == "SOLL":
            base += "-soll"
        return self.unique(base)

    def unique(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3`` … when it was given out before."""
        self.seen[base] += 1
        return base if self.seen[base] == 1 else f"{base}-{self.seen[base]}"


def _items(towns: Iterable[Town]) -> Iterator[_Item]:
    soll_by_ags: dict[str, OperationalModel] = {}
    if isinstance(towns, Sequence):  # own SOLLs need a look at all inputs first
        soll_by_ags = {t.model.municipality.ags: t.model for t in towns
                       if t.model.variant == "SOLL" and t.model.municipality is not None}
    keys = _Keys()
    for town in towns:
        m = town.model.municipality
        own = soll_by_ags.get(m.ags) if m is not None and town.model.variant == "IST" else None
        yield town, keys(town), own


def _chunks(items: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    chunk: list[_Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run(items: Iterator[_Item], ctx: _Context, jobs: int, progress: Progress | None
         ) -> Iterator[tuple[TownResult, Signature]]:
    """Results in input order; with ``jobs`` > 1 over worker processes with a bounded number of chunks in flight."""
    if jobs <= 1:
        _init_worker(ctx)
        for item in items:
            yield from _run_chunk([item])
            if progress:
                progress(1)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(ctx,)) as pool:
        yield from in_order((pool.submit(_run_chunk, chunk) for chunk in _chunks(items, CHUNK)), 2 * jobs, progress)


_outlier = trusted(Outlier)
"""Outliers are built from our own results (plain strings): no re-validation (thousands for a large district)."""


def _outliers(results: Sequence[TownResult]) -> list[Outlier]:
    out: list[Outlier] = []
    if len(results) < 3:
        return out
    keys = [r.key for r in results]
    for first, column in zip(results[0].cells, zip(*(r.cells for r in results), strict=True), strict=True):
        applicable = [(k, c) for k, c in zip(keys, column, strict=True) if c.status != "not_applicable"]
        modal = Counter(c.status for _, c in applicable).most_common(1)
        if modal and modal[0][1] / max(len(applicable), 1) >= 0.6:
            out.extend(_outlier(obligation=first.obligation, town=k,
                                reason=m_.text(m_.STATUS_OUTLIER, status=STATUS_TEXT[c.status],
                                               usual=STATUS_TEXT[modal[0][0]]))
                       for k, c in applicable if c.status != modal[0][0])
        ftes = [c.fte for _, c in applicable if c.fte > 0]
        if len(ftes) >= 5:
            median = statistics.median(ftes)
            mad = statistics.median(abs(x - median) for x in ftes) or 0.05 * median or 0.01
            limit = max(3.5 * mad, 0.5 * median, 0.1)
            out.extend(_outlier(obligation=first.obligation, town=k, reason=m_.text(
                m_.FTE_OUTLIER, fte=bilingual(format_fte, c.fte), median=bilingual(format_fte, median)))
                       for k, c in applicable if c.fte > 0 and abs(c.fte - median) > limit)
    return out


def compare_law(
    towns: Iterable[Town], reference: Town, *, law: str | None = None, catalogue: Catalogue | None = None,
    detail: bool = True, rules: bool = True, jobs: int = 1, pairwise_mode: str = "auto",
    full_diff: bool = False, progress: Progress | None = None,
) -> Comparison:
    """Compare towns of one law with its reference SOLL (towns may be a generator: models are not kept).

    ``full_diff`` runs the diff engine (``vollzug.diff``, ~0.4 s per town) for the per-town detail instead of
    the fast step matching of :mod:`vollzug.compare.detail`.
    """
    if pairwise_mode not in {"auto", "on", "off"}:
        raise ConfigError(f"unknown pairwise mode '{pairwise_mode}' (auto, on, off)")
    law_id = law or reference.model.law or "?"
    source = obligation_source(law_id, reference.model, catalogue)
    ref_features = extract(reference.model)
    ctx = _Context(reference.model, ref_features, signature(ref_features), source, detail, rules,
                   full_diff and detail)
    results: list[TownResult] = []
    signatures: list[Signature] = []
    for result, sig in _run(_items(towns), ctx, jobs, progress):
        results.append(result)
        signatures.append(sig)
    return finish(results, signatures, reference, law_id, ctx, pairwise_mode)


def finish(results: list[TownResult], signatures: list[Signature], reference: Town, law_id: str, ctx: _Context,
           pairwise_mode: str) -> Comparison:
    """The comparison of one law from its towns' results: town × town matrix, clustering, ranking, outliers."""
    source, detail, rules = ctx.source, ctx.detail, ctx.rules
    do_pairs = pairwise_mode == "on" or (pairwise_mode == "auto" and len(results) <= PAIRWISE_LIMIT)
    similarity = clustering = None
    if do_pairs and len(results) >= 2:
        keys = [r.key for r in results]
        matrices = pairwise(signatures)
        similarity = to_result(keys, matrices)
        clustering = cluster(keys, matrices["overall"])
    del signatures
    closest = tuple(r.key for r in sorted(results, key=lambda r: -r.similarity.overall))
    diff_engine = "vollzug.diff" if ctx.full_diff else "vollzug.compare.detail (schneller Abgleich)"
    engines = {"catalogue": source.engine, "diff": diff_engine if detail else "–",
               "rules": "vollzug.lint" if rules and any(not r.notes for r in results) else "fallback (compare)"}
    return Comparison(law=law_id, reference=reference.path or reference.model.title,
                      reference_title=reference.model.title, obligations=source.infos, towns=tuple(results),
                      similarity=similarity, clustering=clustering, closest=closest,
                      outliers=tuple(_outliers(results)), engines=engines)


def compare_all(
    towns: Sequence[Town], references: Sequence[Town], *, law: str | None = None, diff_mode: str = "fast",
    **options: Any,
) -> ComparisonSet:
    """Group towns by law, compare each group with the reference of its law; list what had no reference.

    ``diff_mode``: "full" (diff engine for every town), "fast" (step matching) or "auto" (full up to
    :data:`FULL_DIFF_LIMIT` towns per law).
    """
    if diff_mode not in {"auto", "full", "fast"}:
        raise ConfigError(f"unknown diff mode '{diff_mode}' (auto, full, fast)")
    by_law: dict[str, Town] = {}
    for ref in references:
        by_law.setdefault(ref.model.law or law or "?", ref)
    groups: dict[str, list[Town]] = {}
    skipped: list[Text] = []
    for town in towns:
        town_law = town.model.law or law
        if law and town_law != law:
            continue
        if town_law not in by_law:
            skipped.append(m_.text(m_.NO_REFERENCE, input=town.path or town.model.title, law=town_law))
            continue
        if any(town.path and town.path == r.path for r in references):
            continue
        groups.setdefault(town_law, []).append(town)
    comparisons = tuple(
        compare_law(group, by_law[name], law=name,
                    full_diff=diff_mode == "full" or (diff_mode == "auto" and len(group) <= FULL_DIFF_LIMIT), **options)
        for name, group in groups.items())
    return ComparisonSet(generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), comparisons=comparisons,
                         skipped=tuple(skipped))
