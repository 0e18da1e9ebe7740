"""``vollzug cooperation``: where towns of neighbouring size do the same small job separately."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK
from vollzug.cli.outputs import close_batch, fail_fast_option, guard


@click.command("cooperation")
@click.argument("towns", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--reference", "-r", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Reference process (a Kreis SOLL or the output of `vollzug reference`).")
@click.option("--max-fte", type=click.FloatRange(0, min_open=True), default=0.5, show_default=True,
              help="A town's staff share for a step must be below this (VZÄ).")
@click.option("--size-ratio", type=click.FloatRange(1), default=2.0, show_default=True,
              help="Largest / smallest population within one group.")
@click.option("--law", default=None, help="Only models of this catalogue id.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "csv"]), default="text",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of stdout.")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@fail_fast_option
def command(towns: tuple[Path, ...], reference: Path, max_fte: float, size_ratio: float, law: str | None, fmt: str,
            output: Path | None, lang: str, fail_fast: bool) -> int:
    """List groups of TOWNS that perform the same reference steps with the same kind of unit and small staff
    shares — candidates for a shared service."""
    from vollzug.reference.coop_run import run_cooperation

    guard([*towns, reference], output)
    text, batch = run_cooperation(list(towns), reference, max_fte=max_fte, size_ratio=size_ratio, law=law,
                                  fmt=fmt, lang=lang, output=output, fail_fast=fail_fast)
    if output is None:
        click.echo(text, nl=False)
    return close_batch(batch, EXIT_OK, "en" if lang == "en" else "de")
