"""``vollzug rules [CODE]``: list the rules, or explain one."""

from __future__ import annotations

import click

from vollzug.cli.lang import lang_option


@click.command("rules")
@click.argument("code", required=False)
@lang_option()
@click.option("--write-docs", "write_docs", type=click.Path(file_okay=False), default=None,
              help="Regenerate the rule documentation into this folder (e.g. docs/rules).")
def command(code: str | None, lang: str, write_docs: str | None) -> None:
    """List all rules with code, name, severity, presets and gap category; with CODE, explain that rule."""
    from vollzug.errors import ConfigError
    from vollzug.lint import docs

    if write_docs:
        written = docs.write_docs(write_docs)
        click.echo(f"{len(written)} files written to {write_docs}")
        return
    if code is None:
        click.echo(docs.rule_table(lang))  # type: ignore[arg-type]
        return
    page = docs.rule_page_for(code, lang)  # type: ignore[arg-type]
    if page is None:
        raise ConfigError(f"unknown rule '{code}' (see 'vollzug rules')")
    click.echo(page)
