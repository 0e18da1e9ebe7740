"""``vollzug diff LEFT RIGHT``: compare two models; exit 0 equal, 1 different, 2 error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vollzug.cli.lang import lang_option
from vollzug.diff.emit import EMITTERS


@click.command("diff")
@click.argument("left", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("right", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--left-label", default="IST", show_default=True, help="Name of the left side in reports.")
@click.option("--right-label", default="SOLL", show_default=True, help="Name of the right side in reports.")
@click.option("--match", "match", type=click.Choice(["auto", "id"]), default="auto", show_default=True,
              help="Pair elements by id only (two versions of one file) or by label, norm, type and context.")
@click.option("--format", "fmt", type=click.Choice(list(EMITTERS)), default="text", show_default=True)
@lang_option()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE, not stdout.")
def command(left: Path, right: Path, left_label: str, right_label: str, match: str, fmt: str, lang: str,
            output: Path | None) -> int:
    """Compare LEFT and RIGHT (.bpmn, .yaml, .json) semantically: steps, flows, responsibilities, resources,
    stakeholders, deadlines, obligations and behaviour; layout changes are listed apart."""
    from vollzug.diff.emit import EmitContext, emitter
    from vollzug.diff.engine import DiffOptions, diff_sides, load_side
    from vollzug.fileio import write_bytes_atomic

    lside, rside = load_side(left), load_side(right)
    options = DiffOptions(match=match, left_label=left_label, right_label=right_label)  # type: ignore[arg-type]
    result = diff_sides(lside, rside, options)
    emit = emitter(fmt)
    data = emit(result, EmitContext(lang=lang, left=lside, right=rside))  # type: ignore[arg-type]
    if output is not None:
        write_bytes_atomic(output, data)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0 if result.equal else 1
