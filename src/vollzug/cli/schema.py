"""``vollzug schema``: print the JSON Schema of the domain model."""

from __future__ import annotations

import json

import click
from pydantic import BaseModel

from vollzug.model.law import Catalogue
from vollzug.model.process import OperationalModel

_SCHEMAS: dict[str, type[BaseModel]] = {"model": OperationalModel, "catalogue": Catalogue}


@click.command("schema")
@click.argument("which", type=click.Choice(sorted(_SCHEMAS)), default="model")
@click.option("--moddle", is_flag=True,
              help="Print the bpmn-moddle descriptor of the vz: BPMN extension instead (for bpmn-js and the "
                   "Camunda Modeler).")
def command(which: str, moddle: bool) -> None:
    """Print the JSON Schema of an operational model (default) or a law catalogue."""
    if moddle:
        from vollzug.bpmn.moddle import moddle_descriptor

        click.echo(json.dumps(moddle_descriptor(), indent=2, ensure_ascii=False))
        return
    from vollzug.schema_docs import json_schema

    click.echo(json.dumps(json_schema(_SCHEMAS[which]), indent=2, ensure_ascii=False))
