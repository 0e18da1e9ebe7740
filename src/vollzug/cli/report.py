"""``vollzug report``: gap reports for many towns (HTML, Markdown, XLSX, CSV, JSON) into one folder."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


@click.command("report")
@click.argument("models", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
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
def command(models: tuple[Path, ...], references: tuple[Path, ...], out_dir: Path, formats: str, lang: str,
            law: str | None, jobs: int, diff_mode: str, quiet: bool) -> int:
    """Write the district gap report: overview, heat-maps, dendrogram and one section per town."""
    from vollzug.compare.engine import compare_all
    from vollzug.compare.inputs import load_inputs
    from vollzug.report.output import progress_bar, render, write_files

    inputs = load_inputs(models, references, law, jobs)
    for note in inputs.notes:
        click.echo(note, err=True)
    with progress_bar(len(inputs.towns), "Bericht", not quiet) as advance:
        result = compare_all(inputs.towns, inputs.references, law=law, jobs=jobs, progress=advance, diff_mode=diff_mode)
    files = render(result, [f for f in formats.split(",") if f.strip()], lang)  # type: ignore[arg-type]
    written = write_files(files, out_dir)
    if not quiet:
        for path in written:
            click.echo(str(path), err=True)
    return EXIT_OK
