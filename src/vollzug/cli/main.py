"""Root of the ``vollzug`` command line. Commands load lazily, so ``--help`` stays fast (and never imports pm4py)."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from vollzug import __version__

# name -> (module, short help). One click command per module; this is the one place they are registered.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("vollzug.cli.validate", "Check BPMN files against the XSD and for semantic errors."),
    "convert": ("vollzug.cli.convert", "Convert .bpmn ⇄ .json/.yaml of the domain model; .bpmn→.bpmn round-trips."),
    "show": ("vollzug.cli.show", "Summarise a model: pools, lanes, steps, flows, citations, warnings."),
    "schema": ("vollzug.cli.schema", "Print the JSON Schema of the domain model."),
    "law": ("vollzug.cli.law", "List and show law catalogues."),
    "import": ("vollzug.cli.import_bpmn", "Turn a BPMN drawn in a modeller into an authoring YAML."),
    "build": ("vollzug.cli.build", "Compile authoring YAML to BPMN 2.0 with pools, lanes and layout."),
    "decompose": ("vollzug.cli.decompose", "Write a SOLL skeleton for one municipality from a catalogue."),
    "render": ("vollzug.cli.render", "Draw a model as SVG/PNG/PDF through Graphviz."),
    "diff": ("vollzug.cli.diff", "Compare two models (IST/SOLL, town/town) semantically."),
    "check": ("vollzug.cli.check", "Run the rules on models and report findings."),
    "rules": ("vollzug.cli.rules", "List rules or explain one."),
    "compare": ("vollzug.cli.compare", "Compare many towns against a reference: matrices, clustering."),
    "report": ("vollzug.cli.report", "Write gap reports (HTML, Markdown, XLSX, CSV, JSON)."),
    "synth": ("vollzug.cli.synth", "Generate synthetic towns from a reference model."),
    "mine": ("vollzug.cli.mine", "Process mining on event logs: discover, conform, compare."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when invoked."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(entry[0])
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_module, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="vollzug")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """vollzug – Gesetzesvollzug explizit machen: law catalogues, BPMN models of municipal practice,
    IST/SOLL diffs, rule checks and gap reports."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: one line per error, exit code 2, traceback only with ``--debug``."""
    from vollzug.cli.errors import run

    return run(cli, sys.argv[1:] if argv is None else argv)
