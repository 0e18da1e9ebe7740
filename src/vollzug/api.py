"""vollzug as a Python library: load, diff, check, compare, report, mine and estimate — results as typed records
and as pandas DataFrames keyed by AGS (text) and obligation id. Documented with runnable examples in docs/api.md.

Every function takes paths (str or Path) and returns a small frozen result object: ``.result`` is the typed
pydantic record the CLI writes as JSON; ``.to_frame()`` / ``.to_frames()`` give pandas DataFrames with
Arrow-backed dtypes (AGS ``string``, amounts ``decimal128``, dates ``date32``), the same tables ``vollzug compare
--export`` writes as Parquet/DuckDB. Errors are :class:`vollzug.errors.VollzugError` with file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vollzug.compare.results import ComparisonSet
from vollzug.errors import ConfigError
from vollzug.i18n import Lang
from vollzug.model.actors import Municipality
from vollzug.model.process import OperationalModel

if TYPE_CHECKING:
    import pandas as pd

    from vollzug.diff.changes import DiffResult
    from vollzug.effort.estimate import EffortEstimate
    from vollzug.lint.finding import CheckResult
    from vollzug.mining.conform import ConformanceResult

__all__ = [
    "CheckRun", "ComparisonRun", "ConformanceRun", "DiffRun", "EffortRun", "MasterDataFrame", "check", "compare",
    "conform", "diff", "discover", "effort", "load_model", "load_towns", "municipalities", "report", "towns_frame",
]

PathLike = str | Path


def _frame(rows: Iterable[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with Arrow dtypes from rows; ``columns`` name → text, int, float, bool, eur, fte, date, texts."""
    import pandas as pd
    import pyarrow as pa

    from vollzug.tables.build import _TYPES, _eur, _fte

    schema = pa.schema([pa.field(name, _TYPES[kind]) for name, kind in columns.items()])
    data: dict[str, list[Any]] = {name: [] for name in columns}
    convert = {name: {"fte": _fte, "eur": _eur}.get(kind) for name, kind in columns.items()}
    for row in rows:
        for name, values in data.items():
            value = row.get(name)
            to_decimal = convert[name]
            values.append(to_decimal(value) if to_decimal is not None and value is not None else value)
    return pa.Table.from_pydict(data, schema=schema).to_pandas(types_mapper=pd.ArrowDtype)


# --- models ---------------------------------------------------------------------------------------------------------

def load_model(path: PathLike) -> OperationalModel:
    """One model from BPMN 2.0, authoring YAML or model JSON."""
    from vollzug.loader import load_model as _load

    return _load(path).model


def load_towns(*paths: PathLike) -> list[OperationalModel]:
    """All models in the given files and folders (folders expanded as the CLI does)."""
    from vollzug.loader import iter_model_files

    return [load_model(p) for p in iter_model_files(paths)]


def towns_frame(models: Iterable[OperationalModel]) -> pd.DataFrame:
    """One row per model: ags, name, kind, population, law, variant, synthetic, steps, fte, eur."""
    from vollzug.compare.features import extract

    rows = []
    for model in models:
        m = model.municipality
        f = extract(model)
        rows.append({"ags": m.ags if m else None, "name": m.name if m else model.title, "kind": m.kind if m else None,
                     "population": m.population.count if m and m.population else None, "law": model.law,
                     "variant": model.variant, "synthetic": model.synthetic, "steps": len(model.steps),
                     "fte": round(f.fte, 3), "eur": round(f.eur, 2)})
    return _frame(rows, {"ags": "text", "name": "text", "kind": "text", "population": "int", "law": "text",
                         "variant": "text", "synthetic": "bool", "steps": "int", "fte": "fte", "eur": "eur"})


# --- master data ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MasterDataFrame:
    """Master data as records and as a DataFrame."""

    municipalities: tuple[Municipality, ...]
    """Kreise and Gemeinden as read."""
    source: str
    """File read."""

    def to_frame(self) -> pd.DataFrame:
        """ags (text), name, kind, population, reference_date (date), land, kreis, status."""
        rows = [{"ags": m.ags, "name": m.name, "kind": m.kind, "population": m.population.count if m.population
                 else None, "reference_date": m.population.reference_date if m.population else None,
                 "land": m.land, "kreis": m.kreis, "status": m.status} for m in self.municipalities]
        return _frame(rows, {"ags": "text", "name": "text", "kind": "text", "population": "int",
                             "reference_date": "date", "land": "text", "kreis": "text", "status": "text"})


def municipalities(path: PathLike | None = None) -> MasterDataFrame:
    """Master data from a GV100AD file, a CSV or YAML (default: the shipped Kreis Steinfurt)."""
    from vollzug.law.masterdata import load_master_data

    data = load_master_data(path)
    return MasterDataFrame(data.municipalities, data.source)


# --- diff -------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DiffRun:
    """A diff of two models."""

    result: DiffResult
    """The typed diff (what ``vollzug diff --format json`` writes)."""

    @property
    def equal(self) -> bool:
        """No semantic and no layout difference."""
        return self.result.equal

    def to_frame(self) -> pd.DataFrame:
        """One row per difference: change (added/removed/changed/moved/…), element, name, category, detail."""
        r = self.result
        rows: list[dict[str, Any]] = []
        rows += [{"change": "added", "element": e.id, "name": e.name, "category": e.category} for e in r.added]
        rows += [{"change": "removed", "element": e.id, "name": e.name, "category": e.category} for e in r.removed]
        rows += [{"change": "changed", "element": c.id, "name": c.name, "category": c.category,
                  "detail": "; ".join(a.path for a in c.attrs)} for c in r.changed]
        rows += [{"change": "responsibility", "element": s.id, "name": s.name, "category": "activity",
                  "detail": f"{s.left_lane_name or s.left_lane} → {s.right_lane_name or s.right_lane}"}
                 for s in r.responsibility_shifts]
        rows += [{"change": f"{d.kind}_{d.change}", "element": d.element, "name": d.subject, "category": d.kind,
                  "detail": d.text.de} for d in r.domain_deltas]
        return _frame(rows, {"change": "text", "element": "text", "name": "text", "category": "text",
                             "detail": "text"})


def diff(left: PathLike, right: PathLike, *, match: str = "auto") -> DiffRun:
    """Semantic diff of two model files (``match``: "auto" pairs by similarity, "id" by element id)."""
    from vollzug.diff import DiffOptions, diff_files

    if match not in {"auto", "id"}:
        raise ConfigError(f"unknown match mode '{match}' (auto, id)")
    return DiffRun(diff_files(left, right, DiffOptions(match=match)))  # type: ignore[arg-type]


# --- check ------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckRun:
    """Rule findings of a set of files."""

    result: CheckResult
    """The typed result (what ``vollzug check --format json`` writes)."""

    @property
    def failed(self) -> bool:
        """True if any finding fails the run (``vollzug check`` exits 1)."""
        return self.result.failed

    def to_frame(self, lang: Lang = "de") -> pd.DataFrame:
        """One row per finding: file, line, municipality, law, code, name, severity, element, citation, gap,
        suppressed, message."""
        rows = [{"file": f.file, "line": f.line, "municipality": fr.municipality, "law": fr.law, "code": f.code,
                 "name": f.name, "severity": f.severity, "element": f.element, "citation": f.citation, "gap": f.gap,
                 "suppressed": f.suppressed, "message": f.message.de if lang == "de" else f.message.en}
                for fr in self.result.files for f in fr.findings]
        return _frame(rows, {"file": "text", "line": "int", "municipality": "text", "law": "text", "code": "text",
                             "name": "text", "severity": "text", "element": "text", "citation": "text",
                             "gap": "text", "suppressed": "bool", "message": "text"})


def check(*paths: PathLike, preset: str | None = None, select: Sequence[str] = (), ignore: Sequence[str] = (),
          scheduler: str | None = None) -> CheckRun:
    """Run the rules on files and folders (configuration discovered as the CLI does)."""
    from vollzug.lint.api import run_check

    result, _lang = run_check([Path(p) for p in paths], preset=preset, select=select, ignore=ignore,
                              scheduler=scheduler)
    return CheckRun(result)


# --- compare and report -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ComparisonRun:
    """Towns compared with the reference SOLL of their law."""

    result: ComparisonSet
    """The typed result (what ``vollzug compare --format json`` writes)."""
    notes: tuple[str, ...] = ()
    """How references were found."""

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """Every analysis table (towns, cells, resources, units, raci, stakeholders, gaps, findings, outliers,
        similarity, obligations), keyed by law + AGS (+ obligation); schema in docs/tables.md."""
        from vollzug.tables.build import build_frames

        return build_frames(self.result)

    def to_frame(self, table: str = "cells") -> pd.DataFrame:
        """One of :meth:`to_frames` (default the obligation × town cells)."""
        from vollzug.tables.schema import TABLES

        if table not in TABLES:
            raise ConfigError(f"unknown table '{table}' (known: {', '.join(TABLES)})")
        return self.to_frames()[table]

    def export(self, out_dir: PathLike) -> list[Path]:
        """Parquet files and one DuckDB database (as ``vollzug compare --export``)."""
        from vollzug.tables.export import export_tables

        return export_tables(self.result, Path(out_dir))

    def report(self, out_dir: PathLike, formats: Sequence[str] = ("html", "md", "json"), lang: Lang = "de"
               ) -> list[Path]:
        """Write the report files (HTML, Markdown, XLSX, CSV, JSON) into ``out_dir``."""
        from vollzug.report.output import render, write_files

        return write_files(render(self.result, list(formats), lang), Path(out_dir))


def compare(towns: PathLike | Sequence[PathLike], reference: PathLike | Sequence[PathLike], *, law: str | None = None,
            jobs: int = 1, scheduler: str | None = None, rules: bool = True, detail: bool = True,
            diff_mode: str = "fast", pairwise: str = "auto") -> ComparisonRun:
    """Compare the town models (files/folders) with the reference SOLL(s); ``jobs`` local processes or a Dask
    ``scheduler`` ("local:N" or "tcp://host:port") — the same results either way."""
    from vollzug.compare.files import compare_files

    models = [towns] if isinstance(towns, str | Path) else list(towns)
    refs = [reference] if isinstance(reference, str | Path) else list(reference)
    result, notes = compare_files(models, refs, law=law, jobs=jobs, rules=rules, detail=detail, diff_mode=diff_mode,
                                  pairwise_mode=pairwise, scheduler=scheduler)
    return ComparisonRun(result, tuple(n.get("de") for n in notes))


def report(towns: PathLike | Sequence[PathLike], reference: PathLike | Sequence[PathLike], out_dir: PathLike, *,
           formats: Sequence[str] = ("html", "md", "xlsx", "csv", "json"), lang: Lang = "de",
           diff_mode: str = "auto", **options: Any) -> list[Path]:
    """The district report into ``out_dir`` (as ``vollzug report``); returns the written files."""
    run = compare(towns, reference, diff_mode=diff_mode, **options)
    return run.report(out_dir, formats, lang)


# --- effort -----------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EffortRun:
    """The Erfüllungsaufwand estimate of one law."""

    result: EffortEstimate
    """The typed estimate (what ``vollzug effort --format json`` writes)."""

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """obligations (one row per obligation), classes (obligation × Größenklasse), towns (the sample)."""
        e = self.result
        eur = "float"
        obligations = _frame(
            (o.model_dump(exclude={"classes"}) for o in e.obligations),
            {"obligation": "text", "title": "text", "recurrence": "text", "period_years": "float", "towns": "int",
             "towns_applicable": "int", "median_eur": eur, "p10_eur": eur, "p90_eur": eur, "mean_eur": eur,
             "staff_eur": eur, "material_eur": eur, "fte_median": "float", "uptake": "float",
             "municipalities": "float", "extrapolated_eur": eur, "ci_low_eur": eur, "ci_high_eur": eur,
             "too_small": "bool", "borrowed_classes": "int"})
        classes = _frame(({"obligation": o.obligation, **c.model_dump()} for o in e.obligations for c in o.classes),
                         {"obligation": "text", "size_class": "text", "towns": "int", "municipalities": "float",
                          "per_town_eur": eur, "borrowed": "bool"})
        towns = _frame((t.model_dump() for t in e.towns),
                       {"ags": "text", "name": "text", "population": "int", "size_class": "text",
                        "one_off_eur": eur, "annual_eur": eur, "fte": "float"})
        return {"obligations": obligations, "classes": classes, "towns": towns}

    def to_frame(self) -> pd.DataFrame:
        """The obligations table."""
        return self.to_frames()["obligations"]


def effort(catalogue: str, towns: PathLike | Sequence[PathLike], *, municipalities: PathLike | None = None,
           wages: PathLike | None = None, statistic: str = "mean", bootstrap: int = 2000, seed: int = 0
           ) -> EffortRun:
    """Estimate the municipal Erfüllungsaufwand of ``catalogue`` from the IST models in ``towns``, extrapolated
    to the master data (default: the shipped Kreis Steinfurt)."""
    from vollzug.effort.estimate import SampleTown, estimate
    from vollzug.effort.rates import load_wages
    from vollzug.law.catalogue import load_catalogue
    from vollzug.law.masterdata import load_master_data
    from vollzug.loader import iter_model_files

    if statistic not in {"mean", "median"}:
        raise ConfigError(f"unknown statistic '{statistic}' (mean, median)")
    paths = [towns] if isinstance(towns, str | Path) else list(towns)
    sample = [SampleTown(load_model(p), str(p)) for p in iter_model_files(paths)]
    data = load_master_data(municipalities)
    return EffortRun(estimate(load_catalogue(catalogue), sample, data.municipalities,
                              load_wages(Path(wages) if wages is not None else None),
                              statistic=statistic, bootstrap=bootstrap, seed=seed,  # type: ignore[arg-type]
                              master_source=data.source))


# --- mining -----------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ConformanceRun:
    """Conformance of an event log against a model."""

    result: ConformanceResult
    """The typed result (what ``vollzug mine conform --format json`` writes)."""

    def to_frame(self) -> pd.DataFrame:
        """One row per model step: step, name, lane, activities, cases, skipped, out_of_order, repeated,
        other_unit, total (deviating cases)."""
        rows = [{"step": d.step, "name": d.name, "lane": d.lane, "activities": list(d.activities), "cases": d.cases,
                 "skipped": d.skipped, "out_of_order": d.out_of_order, "repeated": d.repeated,
                 "other_unit": d.other_unit, "total": d.total} for d in self.result.steps]
        return _frame(rows, {"step": "text", "name": "text", "lane": "text", "activities": "texts", "cases": "int",
                             "skipped": "int", "out_of_order": "int", "repeated": "int", "other_unit": "int",
                             "total": "int"})


def discover(log: PathLike, *, noise_threshold: float = 0.2, min_case_share: float = 0.0,
             miner: str = "auto") -> OperationalModel:
    """An IST model discovered from an event log (XES, XES.gz or CSV; needs ``vollzug[mining]``)."""
    from vollzug.mining.discover import discover_model
    from vollzug.mining.log import LogColumns, read_log

    event_log = read_log(Path(log), LogColumns())
    return discover_model(event_log, noise_threshold=noise_threshold, min_case_share=min_case_share,
                          miner=miner)  # type: ignore[arg-type]


def conform(log: PathLike, model: PathLike, *, method: str = "tokens") -> ConformanceRun:
    """Fitness, precision and deviations per step of ``log`` against ``model``."""
    from vollzug.mining.log import LogColumns
    from vollzug.mining.pipeline import conform_file

    return ConformanceRun(conform_file(Path(log), Path(model), LogColumns(), method=method))  # type: ignore[arg-type]
