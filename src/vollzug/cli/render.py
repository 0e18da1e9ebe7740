"""``vollzug render``: draw a model as SVG/PNG/PDF from its diagram interchange, Graphviz for models without DI."""

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
@click.option("--engine", type=click.Choice(["auto", "di", "graphviz"]), default="auto", show_default=True,
              help="auto: the drawing in the file (BPMN DI; a YAML model's built layout), Graphviz for BPMN without "
                   "DI; di: fail without DI; graphviz: always Graphviz (pools and lanes as clusters).")
def command(model_file: Path, output: Path, fmt: str | None, engine: str) -> int:
    """Draw MODEL_FILE (.bpmn or .yaml) as drawn in the modeller (its diagram interchange); PNG/PDF converted with
    cairosvg (Graphviz when cairosvg is missing)."""
    from vollzug.cli.outputs import guard
    from vollzug.errors import InputError
    from vollzug.fileio import write_bytes_atomic, write_text_atomic
    from vollzug.loader import load_model
    from vollzug.report.render import render_file, to_dot
    from vollzug.report.render_di import cairosvg_available, convert, di_svg

    guard([model_file], output)
    chosen = (fmt or output.suffix.lstrip(".")).lower()
    if chosen in ("dot", "gv"):
        write_text_atomic(output, to_dot(load_model(model_file).model))
        click.echo(f"{output}: written (Graphviz source)")
        return EXIT_OK
    if not model_file.is_file():
        raise InputError("file not found", file=model_file)
    svg = di_svg(model_file) if engine != "graphviz" else None
    if svg is None and engine == "di":
        raise InputError("no diagram interchange (BPMNDiagram) to draw; use --engine graphviz", file=model_file)
    if svg is not None and (chosen == "svg" or cairosvg_available()):
        write_bytes_atomic(output, convert(svg, chosen))
        click.echo(f"{output}: written (from the diagram interchange)")
        return EXIT_OK
    if svg is not None:
        click.echo("cairosvg is not installed: PNG/PDF drawn by Graphviz instead (pip install 'vollzug[render]')",
                   err=True)
    render_file(load_model(model_file).model, output, fmt)
    click.echo(f"{output}: written (Graphviz)")
    return EXIT_OK
