"""File-level entry points used by ``vollzug mine``: read inputs, run the analysis, write outputs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from vollzug.batch import Batch
from vollzug.errors import ConfigError, InputError
from vollzug.fileio import write_text_atomic
from vollzug.mining.compare import LogComparison, compare_logs
from vollzug.mining.conform import ConformanceResult, Method, conform
from vollzug.mining.deadlines import DeadlineRule, compliance, load_rules, model_rules
from vollzug.mining.log import EventLog, LogColumns, read_log
from vollzug.mining.mapping import ActivityMapping, load_mapping, map_activities
from vollzug.model.actors import Municipality
from vollzug.model.process import OperationalModel

if TYPE_CHECKING:
    from vollzug.mining.discover import Miner

MODEL_OUTPUTS = (".yaml", ".yml", ".json", ".bpmn")
"""Suffixes ``mine discover`` can write."""
DISCOVER_PHASES = ("Log lesen", "Modell entdecken", "Modell schreiben")
"""Progress phases of :func:`discover_file`."""
CONFORM_PHASES = ("Log lesen", "Konformität prüfen")
"""Progress phases of :func:`conform_file`."""


def _municipality(name: str | None) -> Municipality | None:
    if not name:
        return None
    from vollzug.law.municipalities import find_municipality

    try:
        return find_municipality(name)
    except ConfigError:
        return None  # not in the master data (e.g. a Dutch BPIC town): the name goes into title and pool only


def municipality_or_named(name: str) -> Municipality:
    """The master-data municipality of ``name``, or a bare record with just the name (e.g. a Dutch BPIC town)."""
    return _municipality(name) or Municipality(ags="", name=name, kind="Gemeinde")


def discover_file(log_path: Path, output: Path, columns: LogColumns, *, noise_threshold: float = 0.2,
                  min_case_share: float = 0.0, municipality: str | None = None, miner: Miner = "auto",
                  phase: Callable[[str], None] | None = None) -> tuple[OperationalModel, EventLog]:
    """Read a log, discover an IST model and write it as YAML, JSON or BPMN (by the suffix of ``output``);
    ``phase`` is told when reading, discovering and writing start (progress)."""
    from vollzug.mining.discover import discover_model

    suffix = output.suffix.lower()
    if suffix not in MODEL_OUTPUTS:
        raise ConfigError(f"output must end in one of {', '.join(MODEL_OUTPUTS)}", file=output)
    if phase:
        phase(DISCOVER_PHASES[0])
    log = read_log(log_path, columns)
    if phase:
        phase(DISCOVER_PHASES[1])
    town = _municipality(municipality)
    title = f"{municipality or log.name}: IST aus Ereignislog {log.path.name}"
    model = discover_model(log, noise_threshold=noise_threshold, min_case_share=min_case_share,
                           municipality=town, title=title, miner=miner)
    if municipality and town is None:
        pools = tuple(p.model_copy(update={"name": municipality}) for p in model.pools)
        model = model.model_copy(update={"pools": pools})
    if phase:
        phase(DISCOVER_PHASES[2])
    write_model(model, output)
    return model, log


def write_model(model: OperationalModel, output: Path) -> None:
    """Write a model as authoring YAML, model JSON or BPMN 2.0 (our own writer, with lanes and layout)."""
    suffix = output.suffix.lower()
    if suffix == ".bpmn":
        try:
            from vollzug.authoring.build import build_bpmn
        except ImportError as exc:
            raise ConfigError("writing .bpmn needs vollzug.authoring.build, which is not available; "
                              "write .yaml and run 'vollzug build'", file=output) from exc
        from vollzug.fileio import write_bytes_atomic

        write_bytes_atomic(output, build_bpmn(model))
    elif suffix == ".json":
        write_text_atomic(output, model.model_dump_json(indent=2, exclude_defaults=True) + "\n")
    else:
        from vollzug.authoring.yaml_io import dump_model_yaml

        write_text_atomic(output, dump_model_yaml(model))


def _rules(deadlines: Path | None) -> list[DeadlineRule]:
    return list(load_rules(deadlines).rules) if deadlines else []


def conform_file(log_path: Path, model_path: Path, columns: LogColumns, *, mapping: Path | None = None,
                 method: Method = "alignments", deadlines: Path | None = None, budget_seconds: float = 120.0,
                 precision: bool = True, log: EventLog | None = None, phase: Callable[[str], None] | None = None
                 ) -> ConformanceResult:
    """Conformance of one log against one model, with deadline compliance (catalogue and model deadlines)."""
    from vollzug.loader import load_model

    loaded = load_model(model_path)
    if phase:
        phase(CONFORM_PHASES[0])
    event_log = log or read_log(log_path, columns)
    if phase:
        phase(CONFORM_PHASES[1])
    given = load_mapping(mapping) if mapping else ActivityMapping()
    return conform_model(event_log, loaded.model, given, method=method, rules=_rules(deadlines),
                         budget_seconds=budget_seconds, precision=precision, model_name=model_path.name)


def conform_model(event_log: EventLog, model: OperationalModel, mapping: ActivityMapping | None = None, *,
                  method: Method = "alignments", rules: Sequence[DeadlineRule] = (), budget_seconds: float = 120.0,
                  precision: bool = True, model_name: str = "") -> ConformanceResult:
    """Conformance of a read log against a model in memory, with deadline compliance (given and model rules)."""
    used = map_activities(event_log.activity_counts(), event_log.labels, model, mapping or ActivityMapping())
    result = conform(event_log, model, used, method=method, budget_seconds=budget_seconds, precision=precision,
                     model_name=model_name)
    measured = compliance(event_log, [*rules, *model_rules(model, used.steps)])
    return result.model_copy(update={"deadlines": measured})


def compare_files(log_paths: Sequence[Path], columns: LogColumns, *, labels: Sequence[str] = (),
                  deadlines: Path | None = None, model: Path | None = None, mapping: Path | None = None,
                  method: Method = "tokens", budget_seconds: float = 60.0,
                  progress: Callable[[int], None] | None = None, batch: Batch | None = None) -> LogComparison:
    """Compare several logs (one per town); with ``model`` also conformance of each log against it.

    ``progress`` is called with 1 after each log read and after each conformance check (a progress bar). With a
    ``batch``, a log that cannot be read is recorded there and left out (with its label), and named in
    :attr:`LogComparison.excluded`; without, reading it raises.
    """
    names = list(labels) or []
    if names and len(names) != len(log_paths):
        raise ConfigError(f"--labels has {len(names)} names for {len(log_paths)} logs")
    logs = []
    kept: list[str] = []
    for index, path in enumerate(log_paths):
        log = read_log(path, columns) if batch is None else batch.attempt(path, partial(read_log, path, columns))
        if log is not None:
            logs.append(log)
            kept.extend(names[index:index + 1])
        if progress:
            progress(1)
    if batch is not None and not logs:
        raise InputError("no event log could be read", file=log_paths[0] if log_paths else None)
    names = kept
    names = names or [log.name for log in logs]
    if len(set(names)) != len(names):
        raise ConfigError("labels must be distinct: " + ", ".join(names))
    results = {}
    if model is not None:
        for log, name in zip(logs, names, strict=True):
            results[name] = conform_file(log.path, model, columns, mapping=mapping, method=method,
                                         budget_seconds=budget_seconds, log=log)
            if progress:
                progress(1)
    comparison = compare_logs(logs, names, rules=_rules(deadlines), conformance=results)
    if batch is not None and batch.excluded:
        comparison = comparison.model_copy(update={"excluded": tuple(str(x) for x in batch.excluded)})
    return comparison
