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
    from vollzug.cli.outputs import guard
    from vollzug.fileio import write_bytes_atomic

    guard([source], output)
    write_bytes_atomic(output, convert(source, output))
    return EXIT_OK
