"""Konformitätsprüfung: replay a log on our model (alignments or token replay) and attribute deviations to steps.

Alignments are computed once per variant (most frequent first) under a time budget; variants left when the budget is
spent are counted as not aligned and excluded from fitness (the share covered is reported). Deviation kinds per step:

* ``skipped``: the model expects the step, the case never does it (model move, no log move);
* ``out_of_order``: the case does the step, but where the model does not allow it (log move and model move);
* ``repeated``: the case does the step more often than the model allows (log move besides a synchronous move);
* ``other_unit``: events of the step performed by another unit than the step's lane (from the log's resource);
* unknown activities: log activities with no model step (listed separately).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from vollzug.mining._pm4py import pm4py, quiet
from vollzug.mining.deadlines import DeadlineCompliance
from vollzug.mining.log import EventLog
from vollzug.mining.mapping import MappingResult, normalise
from vollzug.mining.petri import model_to_petri, step_of_transition
from vollzug.model.process import OperationalModel

Method = Literal["alignments", "tokens"]
MOVE_COST = 10000
"""pm4py's standard cost of a log or model move."""


class StepDeviation(BaseModel):
    """Abweichungen an einem Modellschritt, in Fällen (other_unit: in Ereignissen)."""

    model_config = ConfigDict(frozen=True)

    step: str
    """Step id."""
    name: str
    """Step label."""
    lane: str | None = None
    """The step's lane (responsible unit) in the model."""
    activities: tuple[str, ...] = ()
    """Log activities mapped to the step."""
    cases: int = 0
    """Cases in which the step was performed."""
    skipped: int = 0
    """Cases that skipped the step."""
    out_of_order: int = 0
    """Cases that did the step at a place the model does not allow."""
    repeated: int = 0
    """Cases that did the step more often than the model allows."""
    other_unit: int = 0
    """Events of the step performed by another unit than ``lane``."""
    other_units: dict[str, int] = Field(default_factory=dict)
    """Other performing units with their event counts (top 5)."""

    @property
    def total(self) -> int:
        """All deviations (for sorting)."""
        return self.skipped + self.out_of_order + self.repeated + self.other_unit


class UnknownActivity(BaseModel):
    """Log-Aktivität ohne Modellschritt."""

    model_config = ConfigDict(frozen=True)

    activity: str
    """Activity as in the log."""
    label: str
    """Readable label."""
    events: int
    """Events."""
    cases: int
    """Cases containing it."""


class ConformanceResult(BaseModel):
    """Ergebnis der Konformitätsprüfung eines Logs gegen ein Modell."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["conformance"] = "conformance"
    """Document tag."""
    log: str
    """Log name."""
    model: str
    """Model title or file."""
    method: Method
    """alignments or tokens."""
    cases: int
    """Cases in the log."""
    variants: int
    """Variants in the log."""
    replayed_variants: int
    """Variants replayed within the time budget."""
    replayed_cases: int
    """Cases covered by the replayed variants."""
    fitness: float | None
    """Log fitness (alignment cost based, or token based); None if nothing was replayed."""
    fitting_cases: float | None
    """Share of replayed cases that fit perfectly."""
    precision: float | None = None
    """ETConformance precision (token-based), None if not computed."""
    steps: tuple[StepDeviation, ...] = ()
    """Deviations per model step, most deviations first."""
    unknown: tuple[UnknownActivity, ...] = ()
    """Log activities the model does not know, most frequent first."""
    mapping: MappingResult
    """The activity mapping used."""
    deadlines: tuple[DeadlineCompliance, ...] = ()
    """Deadline compliance measured on the log (catalogue rules and the model's step deadlines)."""
    seconds: float = 0.0
    """Wall time of the replay."""
    notes: tuple[str, ...] = ()
    """What was approximated or left out."""


def conform(log: EventLog, model: OperationalModel, mapping: MappingResult, *, method: Method = "alignments",
            budget_seconds: float = 120.0, trace_seconds: float = 10.0, precision: bool = True,
            model_name: str = "", only_mapped: bool = True) -> ConformanceResult:
    """Check ``log`` against ``model`` and attribute deviations to the model's steps.

    With ``only_mapped`` (default) log activities without a model step are reported as unknown and removed from
    the traces before replay, so fitness and precision measure the modelled part of the process; without it they
    count as log moves.
    """
    started = time.monotonic()
    activities_of: dict[str, list[str]] = defaultdict(list)
    for activity, step in sorted(mapping.steps.items()):
        activities_of[step].append(activity)
    net, im, fm = model_to_petri(model, activities_of)
    kept = log.filtered(a for a in log.activity_counts() if a not in set(mapping.ignored))
    replayed = kept.filtered(mapping.steps) if only_mapped else kept
    variants = replayed.variants()
    notes: list[str] = []
    if only_mapped and mapping.unknown:
        notes.append(f"{len(mapping.unknown)} Log-Aktivitäten ohne Modellschritt sind separat aufgeführt und beim "
                     "Abgleich ausgeblendet; Fitness und Precision beziehen sich auf die modellierten Schritte.")
    if method == "alignments":
        moves, fitness, fitting, done = _align(variants, net, im, fm, started + budget_seconds, trace_seconds,
                                                dict(mapping.steps))
    else:
        moves, fitness, fitting, done = _tokens(variants, net, im, fm)
        notes.append("Token-Replay: übersprungene Schritte werden nicht bestimmt, nur zur Unzeit ausgeführte.")
    replayed_cases = sum(variants[v] for v in done)
    if len(done) < len(variants):
        notes.append(f"Zeitbudget {budget_seconds:.0f} s erreicht: {len(done)} von {len(variants)} Varianten "
                     f"({replayed_cases} von {len(replayed.traces)} Fällen) abgeglichen.")
    prec = _precision(variants, net, im, fm) if precision and variants else None
    steps = _step_deviations(model, mapping, kept, moves)
    unknown_set = set(mapping.unknown)
    events, cases = kept.activity_counts(), kept.case_counts()
    unknown = tuple(
        UnknownActivity(activity=a, label=kept.label(a), events=events[a], cases=cases[a])
        for a in sorted(unknown_set, key=lambda a: (-events[a], a))
    )
    return ConformanceResult(
        log=log.name, model=model_name or model.title or model.id, method=method, cases=len(replayed.traces),
        variants=len(variants), replayed_variants=len(done), replayed_cases=replayed_cases,
        fitness=fitness, fitting_cases=fitting, precision=prec, steps=steps, unknown=unknown, mapping=mapping,
        seconds=round(time.monotonic() - started, 2), notes=tuple(notes),
    )


Moves = dict[str, Counter[str]]
"""Deviation kind → step id → affected cases."""


def _variant_trace(variant: tuple[str, ...]) -> Any:
    from pm4py.objects.log.obj import Event, Trace

    return Trace([Event({"concept:name": a}) for a in variant])


def _align(variants: Counter[tuple[str, ...]], net: Any, im: Any, fm: Any, deadline: float,
           trace_seconds: float, step_of: dict[str, str]
           ) -> tuple[Moves, float | None, float | None, list[tuple[str, ...]]]:
    pm4py()
    from pm4py.algo.conformance.alignments.petri_net import algorithm as alignments
    from pm4py.algo.conformance.alignments.petri_net.variants import state_equation_a_star

    params = alignments.Parameters
    parameters: dict[Any, Any] = {params.PARAM_ALIGNMENT_RESULT_IS_SYNC_PROD_AWARE: True}
    with quiet():
        model_cost = state_equation_a_star.get_best_worst_cost(net, im, fm)
    moves: Moves = defaultdict(Counter)
    done: list[tuple[str, ...]] = []
    cost_sum = worst_sum = fitting = 0
    for variant, count in variants.most_common():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        parameters[params.PARAM_MAX_ALIGN_TIME_TRACE] = min(trace_seconds, remaining)
        with quiet():
            result = alignments.apply_trace(_variant_trace(variant), net, im, fm, parameters=parameters)
        if result is None or result.get("alignment") is None:
            continue
        done.append(variant)
        deviations = int(result["cost"]) // MOVE_COST
        cost_sum += deviations * count
        worst_sum += (model_cost // MOVE_COST + len(variant)) * count
        fitting += count if deviations == 0 else 0
        _file_moves(result["alignment"], count, moves, step_of)
    cases = sum(variants[v] for v in done)
    if not cases:
        return moves, None, None, done
    return moves, round(1 - cost_sum / max(1, worst_sum), 4), round(fitting / cases, 4), done


def _file_moves(alignment: list[Any], count: int, moves: Moves, step_of: dict[str, str]) -> None:
    """Classify one aligned variant: skipped, out of order or repeated per step (weighted by ``count`` cases)."""
    model_moves: set[str] = set()
    log_moves: set[str] = set()
    sync: set[str] = set()
    for (log_name, model_name), (log_label, model_label) in alignment:
        if log_name == ">>" and model_label is not None:
            step = step_of_transition(model_name)
            if step:
                model_moves.add(step)
        elif model_name == ">>":
            log_moves.add(str(log_label))
        elif model_label is not None:
            step = step_of_transition(model_name)
            if step:
                sync.add(step)
    misplaced = {step_of[a] for a in log_moves if a in step_of}
    for step in model_moves:
        moves["out_of_order" if step in misplaced else "skipped"][step] += count
    for step in misplaced - model_moves:
        moves["repeated" if step in sync else "out_of_order"][step] += count


def _tokens(variants: Counter[tuple[str, ...]], net: Any, im: Any, fm: Any
            ) -> tuple[Moves, float | None, float | None, list[tuple[str, ...]]]:
    pm4py()
    from pm4py.algo.conformance.tokenreplay import algorithm as token_replay
    from pm4py.objects.log.obj import EventLog as Pm4pyLog

    order = [v for v, _ in variants.most_common()]
    with quiet():
        results = token_replay.apply(Pm4pyLog([_variant_trace(v) for v in order]), net, im, fm)
    moves: Moves = defaultdict(Counter)
    missing = consumed = remaining = produced = fitting = 0
    for variant, res in zip(order, results, strict=True):
        count = variants[variant]
        missing += res["missing_tokens"] * count
        consumed += res["consumed_tokens"] * count
        remaining += res["remaining_tokens"] * count
        produced += res["produced_tokens"] * count
        fitting += count if res["trace_is_fit"] else 0
        for step in {step_of_transition(t.name) for t in res["transitions_with_problems"] if t.label}:
            if step:
                moves["out_of_order"][step] += count
    total = sum(variants.values())
    fitness = 0.5 * (1 - missing / max(1, consumed)) + 0.5 * (1 - remaining / max(1, produced))
    return moves, round(fitness, 4), round(fitting / max(1, total), 4), order


def _precision(variants: Counter[tuple[str, ...]], net: Any, im: Any, fm: Any) -> float | None:
    """ETConformance precision (token based) on the variant log: every variant once, so rare paths weigh as much as
    frequent ones (keeps the computation bounded on logs with thousands of cases)."""
    pm4py()
    from pm4py.algo.evaluation.precision import algorithm as precision_evaluator
    from pm4py.objects.log.obj import EventLog as Pm4pyLog

    try:
        with quiet():
            value = precision_evaluator.apply(Pm4pyLog([_variant_trace(v) for v in variants]), net, im, fm,
                                              variant=precision_evaluator.Variants.ETCONFORMANCE_TOKEN)
        return round(float(value), 4)
    except Exception:  # pm4py can fail on nets with unbounded behaviour; precision is then not reported
        return None


def _step_deviations(model: OperationalModel, mapping: MappingResult, log: EventLog, moves: Moves
                     ) -> tuple[StepDeviation, ...]:
    by_step: dict[str, list[str]] = defaultdict(list)
    for activity, target in mapping.steps.items():
        by_step[target].append(activity)
    skipped, out_of_order, repeated = moves["skipped"], moves["out_of_order"], moves["repeated"]
    cases = log.case_counts()
    units = {u.id: normalise(u.name) for u in model.org_units}
    result = []
    for step_id, activities in by_step.items():
        step = model.step(step_id)
        if step is None:
            continue
        others = _other_units(log, activities, step.lane, units, mapping.resources)
        result.append(StepDeviation(
            step=step_id, name=step.name, lane=step.lane, activities=tuple(sorted(activities)),
            cases=sum(cases[a] for a in activities), skipped=skipped[step_id], out_of_order=out_of_order[step_id],
            repeated=repeated[step_id], other_unit=sum(others.values()), other_units=dict(others.most_common(5)),
        ))
    for step_id in mapping.unobserved:
        step = model.step(step_id)
        if step is not None and skipped[step_id]:
            result.append(StepDeviation(step=step_id, name=step.name, lane=step.lane, skipped=skipped[step_id]))
    return tuple(sorted(result, key=lambda d: (-d.total, d.step)))


def _other_units(log: EventLog, activities: list[str], lane: str | None, units: dict[str, str],
                 resources: dict[str, str]) -> Counter[str]:
    """Events of these activities whose performer (mapped to a unit) is not the lane."""
    result: Counter[str] = Counter()
    if lane is None:
        return result
    wanted = set(activities)
    for trace in log.traces:
        for event in trace.events:
            if event.activity not in wanted or not event.resource:
                continue
            unit = resources.get(event.resource, event.resource)
            if unit != lane and normalise(unit) != units.get(lane) and normalise(unit) != normalise(lane):
                result[unit] += 1
    return result
