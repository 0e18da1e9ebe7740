"""``vollzug check``: run the rules on models and report findings (exit 0 clean, 1 findings, 2 error)."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.lang import lang_option
from vollzug.cli.outputs import close_batch, fail_fast_option, guard, warn_on_read
from vollzug.lint.emit import EMITTERS


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--preset", type=click.Choice(["recommended", "strict", "all"]),
              help="Rule preset (default from config).")
@click.option("--select", multiple=True, help="Only these code prefixes, rule names or ALL (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these code prefixes or rule names (comma-separated).")
@click.option("--format", "fmt", type=click.Choice(list(EMITTERS)), default="text", show_default=True)
@lang_option(configurable=True, help_text="Language of messages (default: the root's --lang, else VOLLZUG_LANG, "
             "else the configuration, else de).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Configuration file to use.")
@fail_fast_option
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Check the files on Dask: local:N or tcp://host:port (needs vollzug[cluster]).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def command(paths: tuple[Path, ...], preset: str | None, select: tuple[str, ...], ignore: tuple[str, ...], fmt: str,
            lang: str | None, output: Path | None, config_file: Path | None, fail_fast: bool, scheduler: str | None,
            quiet: bool) -> int:
    """Check models (files or folders) against the rules; a .bpmn built from a .yaml beside it is skipped."""
    from vollzug.batch import Batch
    from vollzug.fileio import write_text_atomic
    from vollzug.i18n import current_lang
    from vollzug.lint.api import run_check
    from vollzug.lint.emit import get_emitter
    from vollzug.loader import iter_model_files
    from vollzug.report.output import progress_bar

    warn_on_read(False)  # reader diagnostics are findings here
    guard([*paths, config_file], output)
    batch = Batch(fail_fast=fail_fast)
    total = len(iter_model_files(list(paths))) if not quiet else 0
    with progress_bar(total, "Prüfung" if (lang or current_lang()) == "de" else "Checking", not quiet) as advance:
        result, language = run_check(list(paths), preset=preset, select=_split(select), ignore=_split(ignore),
                                     lang=lang, config_file=config_file, batch=batch, progress=advance,
                                     scheduler=scheduler)
    if result.files or not batch.excluded:  # nothing was readable: the error lines say it all
        text = get_emitter(fmt)(result, language)
        if output is not None:
            write_text_atomic(output, text)
        else:
            click.echo(text, nl=False)
    return close_batch(batch, 1 if result.failed else 0, language)
