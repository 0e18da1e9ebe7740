"""``vollzug municipalities``: read master data (GV100AD, CSV, YAML), summarise or convert it; synthetic files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


@click.command("municipalities")
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--synthetic", "count", type=click.IntRange(1, 98_901), default=None,
              help="Instead of reading SOURCE, make up this many municipalities (synthetic, AGS LL9KKGGG).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of --synthetic.")
@click.option("--land", default="05", show_default=True, help="Land code of --synthetic (05 = NRW).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "gv100ad"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of stdout.")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
def command(source: Path | None, count: int | None, seed: int, land: str, fmt: str, output: Path | None,
            lang: str) -> int:
    """Show or convert municipal master data: a Destatis GV100AD file, a CSV, or the shipped YAML (default)."""
    from vollzug.fileio import write_text_atomic
    from vollzug.law.masterdata import MasterData, load_master_data, synthetic_municipalities, to_csv, write_gv100ad

    if count is not None:
        data = MasterData("synthetic", "synthetic", tuple(synthetic_municipalities(count, seed=seed, land=land)))
    else:
        data = load_master_data(source)
    if fmt == "csv":
        text = to_csv(data.municipalities)
    elif fmt == "gv100ad":
        stand = next((m.population.reference_date for m in data.municipalities if m.population), dt.date.today())
        lands = {land: "Synthetisches Land (Testdaten)"} if count is not None else None
        text = write_gv100ad(data.municipalities, stand, lands)
    else:
        towns = data.gemeinden()
        people = sum(m.population.count for m in towns if m.population)
        de = lang == "de"
        text = (f"{data.source} ({data.format}): {len(towns)} {'Gemeinden/Städte' if de else 'municipalities'}, "
                f"{len(data.municipalities) - len(towns)} {'Kreise' if de else 'districts'}, "
                f"{f'{people:,}'.replace(',', '.' if de else ',')} {'Einwohner' if de else 'inhabitants'}\n")
    if output is not None:
        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False)
    return EXIT_OK
