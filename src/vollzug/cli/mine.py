"""``vollzug mine``: process mining on event logs – discover an IST model, check conformance, compare towns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from vollzug.cli.errors import EXIT_FINDINGS, EXIT_OK
from vollzug.cli.lang import lang_option
from vollzug.cli.outputs import fail_fast_option

_FORMATS = ["text", "json", "markdown", "html"]


def _log_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Column/attribute options shared by all subcommands."""
    options = [
        click.option("--case-id", default="case:concept:name", show_default=True, help="CSV case id column."),
        click.option("--activity", "--activity-key", "activity", default="concept:name", show_default=True,
                     help="Activity attribute/column, e.g. concept:name or activityNameEN."),
        click.option("--timestamp", default="time:timestamp", show_default=True, help="Timestamp attribute/column."),
        click.option("--resource", default=None,
                     help="Performer attribute (default: org:resource, org:role, org:group or monitoringResource)."),
        click.option("--label-key", default=None, help="Attribute with readable activity labels (default: "
                                                       "activityNameEN/NL if present)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _columns(case_id: str, activity: str, timestamp: str, resource: str | None, label_key: str | None) -> Any:
    from vollzug.mining.log import LogColumns

    return LogColumns(case_id=case_id, activity=activity, timestamp=timestamp, resource=resource, label=label_key)


def _emit(result: Any, fmt: str, lang: str, output: Path | None) -> None:
    from vollzug.fileio import write_text_atomic
    from vollzug.mining.render import EMITTERS

    text = EMITTERS[fmt](result, lang)  # type: ignore[arg-type]
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
        click.echo(str(output), err=True)


@click.group("mine")
def command() -> None:
    """Process mining on event logs (XES, XES.gz, CSV) with pm4py: discover, conform, compare."""


@command.command("discover")
@click.argument("log", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="IST model to write: .yaml, .json or .bpmn.")
@_log_options
@click.option("--noise-threshold", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="Inductive miner infrequent: share of behaviour treated as noise.")
@click.option("--min-case-share", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Keep only activities occurring in at least this share of cases.")
@click.option("--municipality", default=None, help="Municipality name or AGS for the model header.")
@click.option("--miner", type=click.Choice(["auto", "log", "dfg"]), default="auto", show_default=True,
              help="Inductive miner on the log (IMf) or on its directly-follows graph (IMd, fast on many variants).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def discover(log: Path, output: Path, case_id: str, activity: str, timestamp: str, resource: str | None,
             label_key: str | None, noise_threshold: float, min_case_share: float, municipality: str | None,
             miner: str, quiet: bool) -> int:
    """Discover an IST model from LOG (inductive miner) and write it as YAML/JSON/BPMN with lanes."""
    from vollzug.cli.outputs import guard
    from vollzug.mining.pipeline import DISCOVER_PHASES, discover_file
    from vollzug.progress import phases

    guard([log], output)
    with phases(DISCOVER_PHASES, not quiet) as phase:
        model, event_log = discover_file(log, output, _columns(case_id, activity, timestamp, resource, label_key),
                                         noise_threshold=noise_threshold, min_case_share=min_case_share,
                                         municipality=municipality, miner=miner, phase=phase)  # type: ignore[arg-type]
    tasks = sum(1 for s in model.steps if s.type == "task")
    click.echo(f"{output}: {tasks} Aktivitäten, {len(model.steps)} Knoten, {len(model.sequence_flows)} Flüsse, "
               f"{len(model.org_units)} Bahnen aus {len(event_log.traces)} Fällen ({event_log.event_count} "
               "Ereignissen)")
    return EXIT_OK


@command.command("conform")
@click.argument("log", type=click.Path(path_type=Path))
@click.option("--model", "model_path", required=True, type=click.Path(path_type=Path),
              help="SOLL model (.bpmn or .yaml).")
@click.option("--mapping", type=click.Path(path_type=Path), default=None,
              help="YAML with activities: {log activity: step id} and resources: {performer: unit id}.")
@click.option("--method", type=click.Choice(["alignments", "tokens"]), default="alignments", show_default=True)
@click.option("--deadlines", type=click.Path(path_type=Path), default=None,
              help="Deadline rules YAML (e.g. rules/bpic2015/deadlines.yaml).")
@click.option("--budget", type=click.FloatRange(1), default=120.0, show_default=True,
              help="Time budget in seconds for the alignments (variants, most frequent first).")
@click.option("--no-precision", is_flag=True, help="Skip the precision computation.")
@_log_options
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None)
@lang_option()
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def conform(log: Path, model_path: Path, mapping: Path | None, method: str, deadlines: Path | None, budget: float,
            no_precision: bool, case_id: str, activity: str, timestamp: str, resource: str | None,
            label_key: str | None, fmt: str, output: Path | None, lang: str, quiet: bool) -> int:
    """Fitness, precision and deviations per model step of LOG against a model. Exit 1 if it deviates."""
    from vollzug.cli.outputs import guard
    from vollzug.mining.pipeline import CONFORM_PHASES, conform_file
    from vollzug.progress import phases

    guard([log, model_path, mapping, deadlines], output)
    with phases(CONFORM_PHASES, not quiet) as phase:
        result = conform_file(log, model_path, _columns(case_id, activity, timestamp, resource, label_key),
                              mapping=mapping, method=method, deadlines=deadlines,  # type: ignore[arg-type]
                              budget_seconds=budget, precision=not no_precision, phase=phase)
    _emit(result, fmt, lang, output)
    deviates = result.fitness != 1.0 or bool(result.unknown) or any(d.total for d in result.steps)
    return EXIT_FINDINGS if deviates else EXIT_OK


@command.command("compare")
@click.argument("logs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--labels", default=None, help="Comma-separated town names, one per log.")
@click.option("--deadlines", type=click.Path(path_type=Path), default=None, help="Deadline rules YAML.")
@click.option("--model", "model_path", type=click.Path(path_type=Path), default=None,
              help="Reference model: adds fitness/precision per town.")
@click.option("--mapping", type=click.Path(path_type=Path), default=None, help="Activity mapping YAML.")
@click.option("--method", type=click.Choice(["alignments", "tokens"]), default="tokens", show_default=True)
@_log_options
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None)
@lang_option()
@fail_fast_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def compare(logs: tuple[Path, ...], labels: str | None, deadlines: Path | None, model_path: Path | None,
            mapping: Path | None, method: str, case_id: str, activity: str, timestamp: str, resource: str | None,
            label_key: str | None, fmt: str, output: Path | None, lang: str, fail_fast: bool, quiet: bool) -> int:
    """Compare several towns' logs of the same procedure side by side. Exit 1 if the logs differ; exit 2 if a log
    cannot be read (it is listed and left out, the others are compared; --fail-fast stops at it)."""
    from vollzug.batch import Batch
    from vollzug.cli.outputs import close_batch, guard
    from vollzug.mining.pipeline import compare_files
    from vollzug.report.output import progress_bar

    guard([*logs, deadlines, model_path, mapping], output)
    batch = Batch(fail_fast=fail_fast)
    names = [n.strip() for n in labels.split(",")] if labels else []
    steps = len(logs) * (2 if model_path else 1)
    with progress_bar(steps, "Logs", not quiet) as advance:
        result = compare_files(list(logs), _columns(case_id, activity, timestamp, resource, label_key), labels=names,
                               deadlines=deadlines, model=model_path, mapping=mapping,
                               method=method, progress=advance, batch=batch)  # type: ignore[arg-type]
    _emit(result, fmt, lang, output)
    return close_batch(batch, EXIT_FINDINGS if any(r.spread for r in result.activities) or result.edges else EXIT_OK,
                       lang)  # type: ignore[arg-type]
