"""Build the typed analysis tables (pyarrow) from a :class:`ComparisonSet`; frames and exports derive from these.

pyarrow, pandas and duckdb are core dependencies (decision docs/decisions/0017-researchers-tables.md); they are
imported here only, so commands that do not build tables do not load them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import pyarrow as pa

from vollzug.compare.results import Comparison, ComparisonSet, Gap, TownResult
from vollzug.tables.schema import TABLES

_FTE = pa.decimal128(10, 3)
_EUR = pa.decimal128(16, 2)
_TYPES: dict[str, pa.DataType] = {
    "text": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32(),
    "fte": _FTE, "eur": _EUR, "texts": pa.list_(pa.string()),
}
_Q3 = Decimal("0.001")
_Q2 = Decimal("0.01")


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one table (with the column descriptions as field metadata)."""
    return pa.schema([pa.field(name, _TYPES[kind], metadata={"description": text})
                      for name, kind, text in TABLES[table]])


def _fte(value: float) -> Decimal:
    return Decimal(repr(float(value))).quantize(_Q3)


def _eur(value: float) -> Decimal:
    return Decimal(repr(float(value))).quantize(_Q2)


def _ags(town: TownResult) -> str | None:
    return town.ags or None


def _key(c: Comparison, x: TownResult) -> dict[str, Any]:
    return {"law": c.law, "ags": _ags(x), "town_key": x.key}


def _run_date(result: ComparisonSet) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(result.generated).date() if result.generated else None
    except ValueError:
        return None


def _towns(result: ComparisonSet) -> Iterator[dict[str, Any]]:
    day = _run_date(result)
    for c in result.comparisons:
        groups = c.clustering.groups if c.clustering else {}
        for x in c.towns:
            s = x.similarity
            yield {**_key(c, x), "name": x.name, "kind": x.kind or None, "population": x.population,
                   "variant": x.variant or None, "overall": s.overall, "obligations_score": s.obligations,
                   "responsibility": s.responsibility, "resources_score": s.resources,
                   "stakeholders": s.stakeholders, "structure": s.structure,
                   **{k: x.counts.get(k, 0) for k in ("covered", "deviating", "missing", "not_applicable")},
                   "gaps": len(x.gaps), "fte": _fte(x.fte), "eur": _eur(x.eur), "cluster": groups.get(x.key),
                   "synthetic": x.synthetic, "path": x.path or None, "run_date": day}


def _cells(result: ComparisonSet) -> Iterator[dict[str, Any]]:
    for c in result.comparisons:
        for x in c.towns:
            key = _key(c, x)
            for cell in x.cells:
                yield {**key, "obligation": cell.obligation, "status": cell.status, "responsible": cell.responsible,
                       "responsible_name": cell.responsible_name, "notified": cell.notified,
                       "reasons": [r.de for r in cell.reasons], "steps": list(cell.steps)}


def _resources(result: ComparisonSet) -> Iterator[dict[str, Any]]:
    for c in result.comparisons:
        for x in c.towns:
            key = _key(c, x)
            for cell in x.cells:
                if cell.status != "not_applicable":
                    yield {**key, "obligation": cell.obligation, "fte": _fte(cell.fte), "eur": _eur(cell.eur),
                           "it_systems": list(cell.it_systems)}


def _units(result: ComparisonSet) -> Iterator[dict[str, Any]]:
    for c in result.comparisons:
        for x in c.towns:
            key = _key(c, x)
            for u in x.units:
                yield {**key, "unit": u.unit, "unit_name": u.name or None, "fte": _fte(u.fte), "eur": _eur(u.eur),
                       "it_systems": list(u.it_systems)}


def _raci(result: ComparisonSet) -> Iterator[dict[str, Any]]:
    for c in result.comparisons:
        for x in c.towns:
            key = _key(c, x)
            for cell in x.cells:
                for entry in cell.raci:
                    unit, _, letter = entry.rpartition(":")
                    yield {**key, "obligation": cell.obligation, "unit": unit, "letter": letter}


def _stakeholders(result: ComparisonSet) -> Iterator[dict[str, Any]]:
    for c in result.comparisons:
        for x in c.towns:
            key = _key(c, x)
            for cell in x.cells:
                for kind in cell.stakeholders:
                    yield {**key, "obligation": cell.obligation, "stakeholder": kind}


def _gap_row(key: dict[str, Any], g: Gap) -> dict[str, Any]:
    return {**key, "obligation": g.obligation, "category": g.category or None, "code": g.code,
            "message": g.message.de, "citation": g.citation or None, "element": g.element, "source": g.source}


def _gaps(result: ComparisonSet, rules: bool) -> Iterator[dict[str, Any]]:
    for c in result.comparisons:
        for x in c.towns:
            key = _key(c, x)
            yield from (_gap_row(key, g) for g in x.gaps if (g.source == "rules") == rules)


def _outliers(result: ComparisonSet) -> Iterator[dict[str, Any]]:
    for c in result.comparisons:
        by_key = {x.key: x for x in c.towns}
        for o in c.outliers:
            town = by_key.get(o.town)
            yield {"law": c.law, "ags": _ags(town) if town else None, "town_key": o.town,
                   "obligation": o.obligation, "reason": o.reason.de}


def _similarity(result: ComparisonSet) -> Iterator[dict[str, Any]]:
    names = ("obligations", "responsibility", "resources", "stakeholders", "structure")
    columns = ("obligations_score", "responsibility", "resources_score", "stakeholders", "structure")
    for c in result.comparisons:
        sim = c.similarity
        if sim is None:
            continue
        ags = {x.key: _ags(x) for x in c.towns}
        for i, a in enumerate(sim.towns):
            for j in range(i + 1, len(sim.towns)):
                b = sim.towns[j]
                row = {"law": c.law, "ags_a": ags.get(a), "town_a": a, "ags_b": ags.get(b), "town_b": b,
                       "overall": sim.overall[i][j]}
                for name, column in zip(names, columns, strict=True):
                    matrix = sim.dimensions.get(name)
                    row[column] = matrix[i][j] if matrix else None
                yield row


def _obligations(result: ComparisonSet) -> Iterator[dict[str, Any]]:
    for c in result.comparisons:
        for o in c.obligations:
            yield {"law": c.law, "obligation": o.id, "title": o.title, "citations": list(o.citations),
                   "kind": o.kind or None, "optional": o.optional}


def _table(name: str, rows: Iterable[dict[str, Any]]) -> pa.Table:
    schema = arrow_schema(name)
    columns: dict[str, list[Any]] = {f.name: [] for f in schema}
    for row in rows:
        for column, values in columns.items():
            values.append(row.get(column))
    return pa.Table.from_pydict(columns, schema=schema)


def build_tables(result: ComparisonSet) -> dict[str, pa.Table]:
    """Every analysis table of the result (see :data:`vollzug.tables.schema.TABLES`)."""
    sources: dict[str, Iterable[dict[str, Any]]] = {
        "obligations": _obligations(result), "towns": _towns(result), "cells": _cells(result),
        "resources": _resources(result), "units": _units(result), "raci": _raci(result),
        "stakeholders": _stakeholders(result), "gaps": _gaps(result, False), "findings": _gaps(result, True),
        "outliers": _outliers(result), "similarity": _similarity(result),
    }
    return {name: _table(name, sources[name]) for name in TABLES}


def build_frames(result: ComparisonSet) -> dict[str, Any]:
    """The tables as pandas DataFrames with Arrow-backed dtypes (AGS as string, amounts as decimals)."""
    import pandas as pd

    return {name: table.to_pandas(types_mapper=pd.ArrowDtype) for name, table in build_tables(result).items()}
