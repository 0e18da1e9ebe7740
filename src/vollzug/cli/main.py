"""Root of the ``vollzug`` command line. Commands load lazily, so ``--help`` stays fast (and never imports pm4py)."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from vollzug import __version__
from vollzug.cli.commands import COMMANDS, DEBUG_HELP, HELP_OPTIONS, LANG_HELP, MAX_CONTENT_WIDTH, ROOT_HELP
from vollzug.i18n import as_lang, set_lang


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


@click.group(cls=LazyGroup, help=ROOT_HELP,
             context_settings={"help_option_names": list(HELP_OPTIONS), "max_content_width": MAX_CONTENT_WIDTH})
@click.version_option(__version__, prog_name="vollzug")
@click.option("--debug", is_flag=True, help=DEBUG_HELP)
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=LANG_HELP)
@click.pass_context
def cli(ctx: click.Context, debug: bool, lang: str | None) -> None:
    """Root group (help text: :data:`vollzug.cli.commands.ROOT_HELP`)."""
    from vollzug.cli.outputs import start_command

    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    start_command()
    ctx.obj["lang"] = lang
    set_lang(as_lang(lang))  # also resets a language left over from an earlier call in the same process


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: one line per error, exit code 2, traceback only with ``--debug``."""
    from vollzug.cli.errors import run

    return run(cli, sys.argv[1:] if argv is None else argv)
