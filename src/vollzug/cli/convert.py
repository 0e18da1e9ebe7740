"""``vollzug convert``: .bpmn → .bpmn (lossless), .bpmn → .json/.yaml (model), .json/.yaml → .bpmn (build)."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


@click.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file; its suffix picks the format (.bpmn, .json, .yaml).")
def command(source: Path, output: Path) -> int:
    """Convert SOURCE to the format of OUTPUT. The input is never modified; nothing is written on error."""
    from vollzug.bpmn.convert import convert
    from vollzug.cli.outputs import guard, warn_on_read
    from vollzug.diagnostics import Diagnostic
    from vollzug.fileio import write_bytes_atomic

    warn_on_read(False)  # conversions to the model refuse duplicate ids; the others' warnings are printed below
    guard([source], output)
    warnings: list[Diagnostic] = []
    data = convert(source, output, warnings)
    write_bytes_atomic(output, data)
    for diag in warnings:
        click.echo(str(diag), err=True)
    return EXIT_OK
