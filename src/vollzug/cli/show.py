"""``vollzug show``: summary of a model file (BPMN or YAML/JSON)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vollzug.cli.errors import EXIT_OK
from vollzug.cli.lang import lang_option

if TYPE_CHECKING:
    from vollzug.bpmn.summary import ModelSummary


def _rich(summary: ModelSummary) -> None:
    """Tables for pools, lanes and step types on a terminal; the rest as plain lines."""
    from rich.console import Console
    from rich.table import Table

    from vollzug.bpmn.summary import LABELS

    t = {key: msg("de") for key, msg in LABELS.items()}
    console = Console(highlight=False)
    console.print(f"[bold]{summary.file}[/bold]")
    console.print(f"{t['model']}: {summary.model_id}" + (f" – {summary.title}" if summary.title else ""), markup=False)
    for key, value in (("law", summary.law), ("variant", summary.variant), ("municipality", summary.municipality)):
        if value:
            console.print(f"{t[key]}: {value}", markup=False)
    tables = (
        (t["pools"], ("Id", "Name", "Art"), [(i, n, t["own"] if k == "own" else k) for i, n, k in summary.pools]),
        (t["lanes"], ("Id", "Name", "in"), summary.lanes),
        (t["steps"], ("Typ", "Anzahl"), [(k, str(c)) for k, c in summary.steps_by_type.items()]),
    )
    for title, headers, rows in tables:
        table = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for header in headers:
            table.add_column(header, justify="right" if header == "Anzahl" else "left")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    for key, count in (("flows", summary.sequence_flows), ("messages", summary.message_flows),
                       ("data", summary.data_objects), ("annotations", summary.annotations)):
        console.print(f"{t[key]}: {count}")
    console.print(f"{t['obligations']}: {', '.join(summary.obligations) or t['none']}", markup=False)
    for key, items in (("citations", summary.citations), ("warnings", [str(w) for w in summary.warnings])):
        console.print(f"{t[key]} ({len(items)}):", markup=False)
        for item in items:
            console.print(f"  {item}", markup=False)


@click.command("show")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option()
def command(file: Path, fmt: str, lang: str) -> int:
    """Summarise FILE: pools, lanes, steps by type, flows, message flows, citations, reader warnings."""
    from vollzug.bpmn.summary import render_text, summarise
    from vollzug.cli.outputs import warn_on_read
    from vollzug.loader import load_model

    warn_on_read(False)  # the summary lists every reader warning
    summary = summarise(load_model(file))
    if fmt != "json" and lang == "de":  # reader warnings in the output language (JSON keeps them as written)
        from vollzug.cli.error_texts import diagnostic

        summary.warnings = [diagnostic(w, "de") for w in summary.warnings]
    if fmt == "json":
        click.echo(json.dumps(summary.as_json(), indent=2, ensure_ascii=False))
    elif sys.stdout.isatty() and lang == "de":
        _rich(summary)
    else:
        click.echo(render_text(summary, "en" if lang == "en" else "de"), nl=False)
    return EXIT_OK
