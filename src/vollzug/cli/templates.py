"""``vollzug templates``: Camunda Modeler / bpmn.io element templates from a law catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK


@click.command("templates")
@click.argument("catalogue")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for vollzug-<ID>.json and the Modeler plug-in (vollzug-plugin/).")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option("--no-plugin", is_flag=True, help="Only the templates, not the Camunda Modeler plug-in folder.")
def command(catalogue: str, out_dir: Path, lang: str, no_plugin: bool) -> int:
    """Write element templates for CATALOGUE (an id such as WPG, or a catalogue.yaml path): one task template per
    obligation (obligation id, citations, legal deadline; fields for RACI and resources) and one for staff
    notification. Install: copy the folder's files to resources/element-templates/ (templates) and
    resources/plugins/vollzug/ (plug-in) of the Camunda Modeler."""
    from vollzug.fileio import write_text_atomic
    from vollzug.law.catalogue import load_catalogue
    from vollzug.modeler.plugin import plugin_files
    from vollzug.modeler.templates import element_templates

    cat = load_catalogue(catalogue)
    templates = element_templates(cat, "en" if lang == "en" else "de")
    target = out_dir / f"vollzug-{cat.id}.json"
    write_text_atomic(target, json.dumps(templates, indent=2, ensure_ascii=False) + "\n")
    click.echo(f"{target}: {len(templates)} templates", err=True)
    if not no_plugin:
        for name, text in plugin_files().items():
            write_text_atomic(out_dir / "vollzug-plugin" / name, text)
        click.echo(f"{out_dir / 'vollzug-plugin'}: Camunda Modeler plug-in", err=True)
    return EXIT_OK
