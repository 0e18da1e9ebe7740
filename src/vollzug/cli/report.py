"""``vollzug report``: gap reports for many towns (HTML, Markdown, XLSX, CSV, JSON) into one folder."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


@click.command("report")
@click.argument("models", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--reference", "-r", "references", multiple=True, required=True,
              type=click.Path(exists=True, path_type=Path),
              help="Reference SOLL (repeatable: one per law; a missing law's SOLL is looked up beside it).")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "formats", default="html,md,xlsx,csv,json", show_default=True,
              help="Comma-separated: html, md, xlsx, csv, json.")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option("--diff", "diff_mode", type=click.Choice(["auto", "full", "fast"]), default="auto",
              show_default=True,
              help="Per-town diff: the diff engine (full), fast step matching, or auto (full up to 100 towns).")
@click.option("--law", default=None, help="Only models of this catalogue id.")
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
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run the per-town work on Dask: local:N or tcp://host:port (needs vollzug[cluster]).")
@click.option("--effort", is_flag=True,
              help="Add the Erfüllungsaufwand estimate per law (chart in index.html, effort-LAW.md/json).")
@click.option("--municipalities", "master", type=click.Path(exists=True, path_type=Path), default=None,
              help="Master data the --effort estimate extrapolates to (GV100AD, CSV or YAML).")
def command(models: tuple[Path, ...], references: tuple[Path, ...], out_dir: Path, formats: str, lang: str,
            law: str | None, jobs: int, diff_mode: str, quiet: bool, logs: tuple[str, ...], deadlines: Path | None,
            log_method: str, log_min_share: float, scheduler: str | None, effort: bool, master: Path | None) -> int:
    """Write the district gap report: overview, heat-maps, dendrogram and one section per town."""
    from vollzug.compare.engine import compare_all
    from vollzug.compare.inputs import load_inputs
    from vollzug.report.output import progress_bar, render, write_files

    if not models and not logs:
        raise click.UsageError("give MODELS, --log TOWN=LOG, or both")
    if scheduler is not None:
        if logs:
            raise click.UsageError("--scheduler cannot be combined with --log")
        return _distributed(models, references, out_dir, formats, lang, law, diff_mode, quiet, scheduler, effort,
                            master)
    inputs = load_inputs(models, references, law, jobs)
    for note in inputs.notes:
        click.echo(note, err=True)
    plan = None
    if logs:  # only here is pm4py imported
        from vollzug.report.logs import parse_log_option, prepare

        with progress_bar(len(logs), "Logs", not quiet) as step:
            plan = prepare(inputs, [parse_log_option(v) for v in logs], deadlines=deadlines, law=law,
                           method=log_method, min_case_share=log_min_share, progress=step)  # type: ignore[arg-type]
    with progress_bar(len(inputs.towns), "Bericht", not quiet) as advance:
        result = compare_all(inputs.towns, inputs.references, law=law, jobs=jobs, progress=advance, diff_mode=diff_mode)
    if plan is not None:
        result = plan.apply(result)
    files = render(result, [f for f in formats.split(",") if f.strip()], lang)  # type: ignore[arg-type]
    if effort:
        from vollzug.effort.report import add_effort

        add_effort(files, result, [t.model for t in inputs.towns], master, lang)  # type: ignore[arg-type]
    written = write_files(files, out_dir)
    if not quiet:
        for path in written:
            click.echo(str(path), err=True)
    return EXIT_OK


def _distributed(models: tuple[Path, ...], references: tuple[Path, ...], out_dir: Path, formats: str, lang: str,
                 law: str | None, diff_mode: str, quiet: bool, scheduler: str, effort: bool, master: Path | None
                 ) -> int:
    """The report with the per-town work on Dask (workers read their own files)."""
    from vollzug.compare.files import compare_files
    from vollzug.loader import iter_model_files
    from vollzug.report.output import progress_bar, render, write_files

    files_in = iter_model_files(models)
    with progress_bar(len(files_in), "Bericht", not quiet) as advance:
        result, notes = compare_files(files_in, references, law=law, diff_mode=diff_mode, progress=advance,
                                      scheduler=scheduler)
    for note in notes:
        click.echo(note, err=True)
    files = render(result, [f for f in formats.split(",") if f.strip()], lang)  # type: ignore[arg-type]
    if effort:
        from vollzug.effort.report import add_effort
        from vollzug.loader import load_model

        add_effort(files, result, [load_model(p).model for p in files_in], master, lang)  # type: ignore[arg-type]
    written = write_files(files, out_dir)
    if not quiet:
        for path in written:
            click.echo(str(path), err=True)
    return EXIT_OK
