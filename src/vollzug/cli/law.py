"""``vollzug law list|show``: list the law catalogues and show one with its obligations."""

from __future__ import annotations

import click

from vollzug.cli.errors import EXIT_OK
from vollzug.cli.lang import lang_option


@click.group("law")
def command() -> None:
    """List and show law catalogues (Pflichtenkataloge) from rules/<id>/catalogue.yaml."""


@command.command("list")
@lang_option()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_command(lang: str, fmt: str) -> int:
    """Catalogues with their laws and counts of obligations and unverified ([U]) items."""
    from vollzug.law.catalogue import list_catalogues
    from vollzug.law.present import render_list

    click.echo(render_list(list_catalogues(), fmt, "en" if lang == "en" else "de"), nl=False)
    return EXIT_OK


@command.command("show")
@click.argument("catalogue")
@lang_option()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def show_command(catalogue: str, lang: str, fmt: str) -> int:
    """Show CATALOGUE (an id such as WPG, or a catalogue.yaml path): obligations with citations, kind, addressee,
    deadlines, applicability, stakeholders and [U] flags."""
    from vollzug.law.catalogue import load_catalogue
    from vollzug.law.present import render_catalogue

    click.echo(render_catalogue(load_catalogue(catalogue), fmt, "en" if lang == "en" else "de"), nl=False)
    return EXIT_OK
