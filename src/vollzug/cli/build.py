"""``vollzug build``: compile authoring YAML to BPMN 2.0 (pools, lanes, layout)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import click

from vollzug.cli.errors import EXIT_FINDINGS, EXIT_OK
from vollzug.cli.outputs import close_batch, fail_fast_option, guard, warn_on_read
from vollzug.errors import ConfigError


@click.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output .bpmn (only with one input file).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any .bpmn is missing or out of date.")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
@fail_fast_option
def command(paths: tuple[Path, ...], output: Path | None, check: bool, quiet: bool, fail_fast: bool) -> int:
    """Compile MODEL.yaml (or every model under a folder) to BPMN; each .bpmn is written beside its .yaml
    unless -o is given."""
    from vollzug.authoring.project import build_one, find_sources
    from vollzug.batch import Batch, require_files

    warn_on_read(False)  # every reader diagnostic is printed below
    sources = require_files(find_sources(list(paths)), paths)
    if output is not None and (len(sources) != 1 or paths[0].is_dir()):
        raise ConfigError("-o/--output needs exactly one input file")
    guard(sources, output)
    batch = Batch(fail_fast=fail_fast)
    stale = 0
    for source in sources:
        built = batch.attempt(source, partial(build_one, source, output, check=check))
        if built is None:
            continue
        result = built
        for diag in result.diagnostics:
            click.echo(str(diag), err=True)
        stale += result.stale
        if check and result.stale:
            click.echo(f"{result.target}: out of date (run: vollzug build {source})")
        elif not quiet:
            state = "written" if result.stale else "unchanged"
            click.echo(f"{result.target}: {state}")
    return close_batch(batch, EXIT_FINDINGS if check and stale else EXIT_OK)
