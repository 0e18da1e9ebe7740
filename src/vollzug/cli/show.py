"""``vollzug show``: summary of a model file (BPMN or YAML/JSON)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


def _rich(summary: object) -> None:
    from rich.console import Console
    from rich.table import Table

    from vollzug.bpmn.summary import LABELS, ModelSummary, render_text

    assert isinstance(summary, ModelSummary)
    console = Console()
    head, _, rest = render_text(summary).partition(LABELS["pools"]("de"))
    console.print(head.rstrip(), highlight=False)
    table = Table(title=LABELS["steps"]("de"))
    table.add_column("Typ")
    table.add_column("Anzahl", justify="right")
    for kind, count in summary.steps_by_type.items():
        table.add_row(kind, str(count))
    console.print(LABELS["pools"]("de") + rest, highlight=False, markup=False)
    console.print(table)


@click.command("show")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
def command(file: Path, fmt: str, lang: str) -> int:
    """Summarise FILE: pools, lanes, steps by type, flows, message flows, citations, reader warnings."""
    from vollzug.bpmn.summary import render_text, summarise
    from vollzug.loader import load_model

    summary = summarise(load_model(file))
    if fmt == "json":
        click.echo(json.dumps(summary.as_json(), indent=2, ensure_ascii=False))
    elif sys.stdout.isatty() and lang == "de":
        _rich(summary)
    else:
        click.echo(render_text(summary, "en" if lang == "en" else "de"), nl=False)
    return EXIT_OK
