"""``vollzug import``: turn a BPMN drawn in a modeller into an authoring YAML, reporting every guess."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_OK
from vollzug.cli.law_id import check_law_id
from vollzug.i18n import Lang


@click.command("import")
@click.argument("bpmn_file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output .yaml (default: beside the input).")
@click.option("--law", callback=check_law_id,
              help="Catalogue id to link obligations against (default: from the file or its citations).")
@click.option("-q", "--quiet", is_flag=True, help="Do not list the heuristic decisions.")
@click.option("--strict", is_flag=True,
              help="Fail (exit 2, nothing written) if anything but the diagram layout cannot be carried.")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
def command(bpmn_file: Path, output: Path | None, law: str | None, quiet: bool, strict: bool, lang: str) -> int:
    """Read BPMN_FILE (vollzug extension where present, heuristics elsewhere) and write authoring YAML; prints per
    kind (with element ids) what the YAML cannot carry (scripts, called elements, form keys, vendor data …)."""
    from vollzug.authoring.import_bpmn import import_bpmn
    from vollzug.authoring.yaml_io import dump_model_yaml
    from vollzug.cli.outputs import guard, warn_on_read
    from vollzug.errors import InputError
    from vollzug.fileio import write_text_atomic

    warn_on_read(False)  # every reader diagnostic is printed below
    if not bpmn_file.is_file():
        raise InputError("file not found", file=bpmn_file)
    target = output or bpmn_file.with_suffix(".yaml")
    guard([bpmn_file], target)
    result = import_bpmn(bpmn_file, law=law)
    language: Lang = "en" if lang == "en" else "de"
    lost = result.losses.lines(language) if result.losses is not None else []
    if strict and result.losses is not None and any(k != "layout" for k in result.losses.lost):
        from vollzug.errors import ConfigError

        for line in lost:
            click.echo(line, err=True)
        raise ConfigError(f"{bpmn_file}: --strict: constructs the YAML cannot carry (listed above); nothing written")
    write_text_atomic(target, dump_model_yaml(result.model))
    for diag in result.diagnostics:
        click.echo(str(diag), err=True)
    for line in lost:
        click.echo(line, err=True)
    if not quiet:
        width = max((len(d.element) for d in result.decisions), default=0)
        for d in result.decisions:
            click.echo(f"{d.element:<{width}}  {d.decision}  ({d.reason})")
    click.echo(f"{target}: written ({len(result.decisions)} heuristic decisions, please review)")
    return EXIT_OK
