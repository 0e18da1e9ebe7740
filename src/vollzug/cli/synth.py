"""``vollzug synth``: write N synthetic towns (YAML) varied from a reference model."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


@click.command("synth")
@click.option("--towns", "count", type=click.IntRange(1, 100_000), required=True, help="Number of towns.")
@click.option("--from", "source", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Reference model (YAML or BPMN).")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path))
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["yaml", "bpmn"]), default="yaml", show_default=True,
              help="Authoring YAML or built BPMN 2.0 (same towns for the same seed).")
@click.option("--quiet", "-q", is_flag=True)
@click.option("--municipalities", "master", type=click.Path(exists=True, path_type=Path), default=None,
              help="Master data (GV100AD, CSV or YAML): town i gets name, AGS, kind and population of its i-th "
                   "Gemeinde.")
def command(count: int, source: Path, out_dir: Path, seed: int, fmt: str, quiet: bool, master: Path | None) -> int:
    """Generate synthetic IST towns (marked ``synthetic: true``) into DIR/<town>/<law>.yaml (or .bpmn)."""
    from vollzug.cli.outputs import guard
    from vollzug.loader import load_model
    from vollzug.model.actors import Municipality
    from vollzug.synth.write import write_towns

    guard([source], out_dir, folder=True)
    identities: tuple[Municipality, ...] = ()
    if master is not None:
        from vollzug.law.masterdata import load_master_data

        identities = tuple(load_master_data(master).gemeinden())
    from vollzug.report.output import progress_bar

    with progress_bar(count, "Synthese", not quiet) as advance:
        written = write_towns(load_model(source).model, count, out_dir, seed=seed, fmt=fmt, identities=identities,
                              progress=advance)
    if not quiet:
        click.echo(f"{len(written)} synthetische Kommunen in {out_dir}", err=True)
    return EXIT_OK
