"""``vollzug report``: gap reports for many towns (HTML, Markdown, XLSX, CSV, JSON) into one folder."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK
from vollzug.cli.lang import lang_option
from vollzug.cli.law_id import check_law_id
from vollzug.cli.outputs import close_batch, fail_fast_option, guard
from vollzug.i18n import Lang


@click.command("report")
@click.argument("models", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--reference", "-r", "references", multiple=True, required=True,
              type=click.Path(exists=True, path_type=Path),
              help="Reference SOLL (repeatable: one per law; a missing law's SOLL is looked up beside it).")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path))
@click.option("--format", "formats", default="html,md,xlsx,csv,json", show_default=True,
              help="Comma-separated: html, md, xlsx, csv, json.")
@lang_option()
@click.option("--diff", "diff_mode", type=click.Choice(["auto", "full", "fast"]), default="auto",
              show_default=True,
              help="Per-town diff: the diff engine (full), fast step matching, or auto (full up to 100 towns).")
@click.option("--law", callback=check_law_id, default=None, help="Only models of this catalogue id.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no file list.")
@click.option("--log", "logs", multiple=True, metavar="TOWN=LOG",
              help="Event log of a town (repeatable): conformance/deadline section; a town without a model gets "
                   "one discovered from its log.")
@click.option("--deadlines", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Deadline rules YAML measured on the logs (e.g. rules/bpic2015/deadlines.yaml).")
@click.option("--log-method", type=click.Choice(["tokens", "alignments"]), default="tokens", show_default=True,
              help="Conformance method for --log.")
@click.option("--log-min-share", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Towns discovered from a log keep only activities in at least this share of cases.")
@fail_fast_option
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run the per-town work on Dask: local:N or tcp://host:port (needs vollzug[cluster]).")
@click.option("--effort", is_flag=True,
              help="Add the Erfüllungsaufwand estimate per law (chart in index.html, effort-LAW.md/json).")
@click.option("--municipalities", "master", type=click.Path(exists=True, path_type=Path), default=None,
              help="Master data the --effort estimate extrapolates to (GV100AD, CSV or YAML).")
def command(models: tuple[Path, ...], references: tuple[Path, ...], out_dir: Path, formats: str, lang: Lang,
            law: str | None, jobs: int, diff_mode: str, quiet: bool, logs: tuple[str, ...], deadlines: Path | None,
            log_method: str, log_min_share: float, fail_fast: bool, scheduler: str | None, effort: bool,
            master: Path | None) -> int:
    """Write the district gap report: overview, heat-maps, dendrogram and one section per town.

    OUT_DIR is replaced as a whole (atomically); a town file that cannot be read is listed in the report and left
    out, and the run exits with 2 (--fail-fast stops at it)."""
    from vollzug.batch import Batch, require_files
    from vollzug.compare import messages as m_
    from vollzug.compare.engine import compare_all
    from vollzug.compare.inputs import load_inputs
    from vollzug.compare.results import ExcludedInput
    from vollzug.loader import iter_model_files
    from vollzug.report.output import check_set_folder, progress_bar, render, write_set

    if not models and not logs:
        raise click.UsageError("give MODELS, --log TOWN=LOG, or both")
    guard([*models, *references, deadlines, master, *(v.partition("=")[2] for v in logs)], out_dir, folder=True)
    check_set_folder(out_dir)
    if scheduler is not None:
        if logs:
            raise click.UsageError("--scheduler cannot be combined with --log")
        return _distributed(models, references, out_dir, formats, lang, law, diff_mode, quiet, scheduler, effort,
                            master, fail_fast)
    total = len(require_files(iter_model_files(models), models)) if models else 0
    inputs = load_inputs(models, references, law, jobs, fail_fast=fail_fast)
    for note in inputs.notes:
        click.echo(note.get(lang), err=True)
    plan = None
    if logs:  # only here is pm4py imported
        from vollzug.report.logs import parse_log_option, prepare

        with progress_bar(len(logs), m_.PROGRESS_LOGS(lang), not quiet) as step:
            plan = prepare(inputs, [parse_log_option(v) for v in logs], deadlines=deadlines, law=law,
                           method=log_method, min_case_share=log_min_share, progress=step)  # type: ignore[arg-type]
    with progress_bar(len(inputs.towns), m_.PROGRESS_REPORT(lang), not quiet) as advance:
        result = compare_all(inputs.towns, inputs.references, law=law, jobs=jobs, progress=advance, diff_mode=diff_mode)
    if plan is not None:
        result = plan.apply(result)
    if inputs.excluded:
        result = result.model_copy(update={"excluded": tuple(
            ExcludedInput(file=x.file, line=x.line, reason=x.reason) for x in inputs.excluded)})
    from vollzug.report.context import context_for

    context_for(result).seed((t.path, t.model) for t in [*inputs.towns, *inputs.references])
    files = render(result, [f for f in formats.split(",") if f.strip()], lang)
    if effort:
        from vollzug.effort.report import add_effort

        add_effort(files, result, [t.model for t in inputs.towns], master, lang)
    written = write_set(files, out_dir)
    if not quiet:
        for path in written:
            click.echo(str(path), err=True)
    batch = Batch(total=total)
    batch.add(inputs.excluded)
    return close_batch(batch, EXIT_OK, lang)


def _distributed(models: tuple[Path, ...], references: tuple[Path, ...], out_dir: Path, formats: str, lang: Lang,
                 law: str | None, diff_mode: str, quiet: bool, scheduler: str, effort: bool, master: Path | None,
                 fail_fast: bool) -> int:
    """The report with the per-town work on Dask (workers read their own files)."""
    from vollzug.batch import Batch, Excluded
    from vollzug.cli.outputs import close_batch
    from vollzug.compare import messages as m_
    from vollzug.compare.files import compare_files
    from vollzug.loader import iter_model_files
    from vollzug.report.output import progress_bar, render, write_set

    files_in = iter_model_files(models)
    with progress_bar(len(files_in), m_.PROGRESS_REPORT(lang), not quiet) as advance:
        result, notes = compare_files(files_in, references, law=law, diff_mode=diff_mode, progress=advance,
                                      scheduler=scheduler, fail_fast=fail_fast)
    for note in notes:
        click.echo(note.get(lang), err=True)
    files = render(result, [f for f in formats.split(",") if f.strip()], lang)
    if effort:
        from vollzug.effort.report import add_effort
        from vollzug.loader import load_model

        excluded_files = {x.file for x in result.excluded}
        add_effort(files, result, [load_model(p).model for p in files_in if str(p) not in excluded_files], master,
                   lang)
    written = write_set(files, out_dir)
    if not quiet:
        for path in written:
            click.echo(str(path), err=True)
    batch = Batch(total=len(files_in))
    batch.add(Excluded(x.file, x.line, x.reason) for x in result.excluded)
    return close_batch(batch, EXIT_OK, lang)
