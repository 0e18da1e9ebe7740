"""``vollzug render``: draw a model as SVG/PNG/PDF through Graphviz."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


@click.command("render")
@click.argument("model_file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file; the suffix (.svg, .png, .pdf) picks the format.")
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf", "dot"]), default=None,
              help="Override the format given by the suffix (dot writes the Graphviz source).")
def command(model_file: Path, output: Path, fmt: str | None) -> int:
    """Draw MODEL_FILE (.bpmn or .yaml) with pools and lanes as clusters, left to right."""
    from vollzug.cli.outputs import guard
    from vollzug.fileio import write_text_atomic
    from vollzug.loader import load_model
    from vollzug.report.render import render_file, to_dot

    guard([model_file], output)
    loaded = load_model(model_file)
    if fmt == "dot" or (fmt is None and output.suffix.lower() in (".dot", ".gv")):
        write_text_atomic(output, to_dot(loaded.model))
    else:
        render_file(loaded.model, output, fmt)
    click.echo(f"{output}: written")
    return EXIT_OK
