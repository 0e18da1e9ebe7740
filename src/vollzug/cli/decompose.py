"""``vollzug decompose``: write a SOLL skeleton model for one municipality from a law catalogue."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


def _parse_choices(values: tuple[str, ...]) -> dict[str, bool]:
    from vollzug.errors import ConfigError

    choices: dict[str, bool] = {}
    for item in values:
        name, sep, raw = item.partition("=")
        if not name or (sep and raw.lower() not in ("true", "false", "yes", "no", "1", "0")):
            raise ConfigError(f"--choice expects NAME or NAME=true|false, got {item!r}")
        choices[name] = not sep or raw.lower() in ("true", "yes", "1")
    return choices


@click.command("decompose")
@click.argument("catalogue")
@click.option("-m", "--municipality", required=True, help="AGS or name, e.g. 05566052 or Metelen.")
@click.option("--variant", type=click.Choice(["soll", "ist"], case_sensitive=False), default="soll", show_default=True)
@click.option("--choice", "choices", multiple=True, metavar="NAME[=true|false]",
              help="A municipal choice, e.g. commission_third_party or joint_planning (repeatable).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output model file (.yaml).")
@click.option("-q", "--quiet", is_flag=True, help="Do not print the summary.")
@click.option("--municipalities", "master", type=click.Path(exists=True, path_type=Path), default=None,
              help="Look the municipality up in this master data (GV100AD, CSV or YAML) instead of the shipped one.")
def command(catalogue: str, municipality: str, variant: str, choices: tuple[str, ...], output: Path,
            quiet: bool, master: Path | None) -> int:
    """Write a skeleton model of CATALOGUE (e.g. WPG) for one municipality and print which thresholds applied."""
    from vollzug.cli.outputs import guard
    from vollzug.fileio import write_text_atomic
    from vollzug.law.catalogue import load_catalogue
    from vollzug.law.decompose import decompose, dump_yaml, explain
    from vollzug.law.municipalities import find_municipality

    guard([], output)
    cat = load_catalogue(catalogue)
    if master is not None:
        from vollzug.law.masterdata import find_in, load_master_data

        town = find_in(load_master_data(master), municipality)
    else:
        town = find_municipality(municipality)
    chosen = _parse_choices(choices)
    model = decompose(cat, town, "IST" if variant.lower() == "ist" else "SOLL", choices=chosen)
    write_text_atomic(output, dump_yaml(model))
    if not quiet:
        for line in explain(cat, town, chosen):
            click.echo(line)
        click.echo(f"{output}: {len(model.steps)} Schritte, {len(model.org_units)} Lanes, "
                   f"{len(model.pools) - 1} externe Pools geschrieben")
    return EXIT_OK
