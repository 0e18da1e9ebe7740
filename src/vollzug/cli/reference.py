"""``vollzug reference``: merge many towns' models into one reference process (BPMN with support per step)."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK
from vollzug.cli.outputs import close_batch, fail_fast_option, guard


@click.command("reference")
@click.argument("models", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The reference model (.bpmn, with diagram and vz:support per step).")
@click.option("--min-support", type=click.IntRange(1), default=None,
              help="Models a step needs to be a core step (default: more than half); others become variants.")
@click.option("--law", default=None, help="Only models of this catalogue id (e.g. WPG).")
@click.option("--table", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Support table per step and distance per model (.csv or .json).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@fail_fast_option
def command(models: tuple[Path, ...], output: Path, min_support: int | None, law: str | None, table: Path | None,
            fmt: str, lang: str, fail_fast: bool) -> int:
    """Merge the activities of MODELS (files or folders; ours or any BPMN) into one reference process."""
    from vollzug.reference.run import run_reference

    guard(models, output)
    if table is not None:
        guard((), table)
    result = run_reference(list(models), output, min_support=min_support, law=law, table=table, lang=lang,
                           fail_fast=fail_fast)
    click.echo(result.render(fmt, lang), nl=False)
    return close_batch(result.batch, EXIT_OK, "en" if lang == "en" else "de")
