"""``vollzug effort``: the municipal Erfüllungsaufwand of a law from the towns' models, extrapolated."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


@click.command("effort")
@click.argument("catalogue")
@click.argument("towns", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--municipalities", "master", type=click.Path(exists=True, path_type=Path), default=None,
              help="Master data to extrapolate to (GV100AD, CSV or YAML; default: the shipped Kreis Steinfurt).")
@click.option("--wages", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Wage table YAML (default rules/effort/wages.yaml).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "xlsx", "svg"]), default="text",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of stdout (needed for xlsx).")
@click.option("--statistic", type=click.Choice(["mean", "median"]), default="mean", show_default=True,
              help="Per-town statistic multiplied by the number of municipalities.")
@click.option("--bootstrap", type=click.IntRange(0, 100_000), default=2000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def command(catalogue: str, towns: tuple[Path, ...], master: Path | None, wages: Path | None, fmt: str,
            output: Path | None, statistic: str, bootstrap: int, seed: int, lang: str, quiet: bool) -> int:
    """Estimate the Erfüllungsaufwand of CATALOGUE (e.g. WPG) per obligation and in total from the IST models in
    TOWNS (files or folders), by population class, extrapolated to all municipalities of the master data."""
    from vollzug.effort.emit import render
    from vollzug.effort.estimate import SampleTown, estimate
    from vollzug.effort.rates import load_wages
    from vollzug.fileio import write_bytes_atomic
    from vollzug.law.catalogue import load_catalogue
    from vollzug.law.masterdata import load_master_data
    from vollzug.loader import iter_model_files, load_model
    from vollzug.report.output import progress_bar

    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx needs -o FILE")
    cat = load_catalogue(catalogue)
    data = load_master_data(master)
    files = iter_model_files(towns)
    with progress_bar(len(files), "Aufwand", not quiet) as advance:
        sample = []
        for path in files:
            sample.append(SampleTown(load_model(path).model, str(path)))
            if advance:
                advance(1)
    result = estimate(cat, sample, data.municipalities, load_wages(wages), statistic=statistic,  # type: ignore[arg-type]
                      bootstrap=bootstrap, seed=seed, master_source=data.source)
    payload = render(result, fmt, lang)  # type: ignore[arg-type]
    if output is not None:
        write_bytes_atomic(output, payload)
        if not quiet:
            click.echo(str(output), err=True)
    else:
        click.echo(payload.decode("utf-8"), nl=False)
    return EXIT_OK
