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
def command(count: int, source: Path, out_dir: Path, seed: int, fmt: str, quiet: bool) -> int:
    """Generate synthetic IST towns (marked ``synthetic: true``) into DIR/<town>/<law>.yaml (or .bpmn)."""
    from vollzug.cli.outputs import guard
    from vollzug.loader import load_model
    from vollzug.synth.write import write_towns

    guard([source], out_dir, folder=True)
    written = write_towns(load_model(source).model, count, out_dir, seed=seed, fmt=fmt)
    if not quiet:
        click.echo(f"{len(written)} synthetische Kommunen in {out_dir}", err=True)
    return EXIT_OK
