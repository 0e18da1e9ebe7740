"""``vollzug compare``: many towns against the reference SOLL of their law (matrices, similarity, clustering)."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_FINDINGS, EXIT_OK
from vollzug.cli.lang import lang_option
from vollzug.cli.law_id import check_law_id
from vollzug.cli.outputs import close_batch, fail_fast_option, guard
from vollzug.i18n import Lang


@click.command("compare")
@click.argument("models", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--reference", "-r", "references", multiple=True, required=True,
              type=click.Path(exists=True, path_type=Path),
              help="Reference SOLL (repeatable: one per law; folders ok).")
@click.option("--law", callback=check_law_id, default=None, help="Only models of this catalogue id (e.g. WPG).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "markdown"]), default="text",
              show_default=True)
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Write the output files into this folder instead of stdout.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--pairwise", type=click.Choice(["auto", "on", "off"]), default="auto", show_default=True,
              help="Town × town matrix and clustering (auto: up to 2000 towns).")
@click.option("--no-rules", is_flag=True, help="Skip the rules engine (comparison gaps only; faster).")
@lang_option()
@click.option("--diff", "diff_mode", type=click.Choice(["auto", "full", "fast"]), default="fast",
              show_default=True,
              help="Per-town diff: the diff engine (full), fast step matching, or auto (full up to 100 towns).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@fail_fast_option
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run the per-town work on Dask: local:N (LocalCluster of N workers) or tcp://host:port "
                   "(needs vollzug[cluster]). Same results as --jobs.")
@click.option("--export", "export_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write every result table as Parquet plus one DuckDB database into this folder.")
def command(models: tuple[Path, ...], references: tuple[Path, ...], law: str | None, fmt: str,
            out_dir: Path | None, jobs: int, pairwise: str, no_rules: bool, lang: Lang, diff_mode: str,
            quiet: bool, fail_fast: bool, scheduler: str | None, export_dir: Path | None) -> int:
    """Compare each town's model with the reference SOLL: obligation × town matrix, similarity, clusters.

    Exit code 1 if any town has a missing or deviating obligation, 2 if a town file could not be read (it is
    listed and left out; --fail-fast stops at it).
    """
    from vollzug.batch import Batch, Excluded, require_files
    from vollzug.compare import messages as m_
    from vollzug.compare.files import compare_files
    from vollzug.loader import iter_model_files
    from vollzug.report.output import progress_bar, render, write_files

    guard([*models, *references], out_dir, folder=True)
    files_in = require_files(iter_model_files(models), models, lang)
    with progress_bar(len(files_in), m_.PROGRESS_COMPARE(lang), not quiet) as advance:
        result, notes = compare_files(files_in, references, law=law, jobs=jobs, pairwise_mode=pairwise,
                                      rules=not no_rules, progress=advance, diff_mode=diff_mode,
                                      detail=fmt != "text" or export_dir is not None,  # text shows no detail
                                      fail_fast=fail_fast, scheduler=scheduler)
    for note in notes:
        click.echo(note.get(lang), err=True)
    if export_dir is not None:
        from vollzug.tables.export import export_tables

        for path in export_tables(result, export_dir):
            click.echo(str(path), err=True)
    files = render(result, [fmt], lang)
    if out_dir is not None:
        for path in write_files(files, out_dir):
            click.echo(str(path), err=True)
    else:
        first = next(iter(files))
        text = files.get(f"{result.comparisons[0].law.lower()}-matrix.csv", files[first]) \
            if fmt == "csv" and result.comparisons else files[first]
        click.echo(text.decode("utf-8-sig"), nl=False)
    open_cells = sum(x.counts.get("missing", 0) + x.counts.get("deviating", 0)
                     for c in result.comparisons for x in c.towns)
    batch = Batch(total=len(files_in))
    batch.add(Excluded(x.file, x.line, x.reason) for x in result.excluded)
    return close_batch(batch, EXIT_FINDINGS if open_cells else EXIT_OK, lang)
