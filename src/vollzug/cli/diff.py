"""``vollzug diff LEFT RIGHT``: compare two models; exit 0 equal, 1 different, 2 error."""

from __future__ import annotations

import io
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
@click.option("--extensions", type=click.Choice(["fold", "show", "ignore"]), default="fold", show_default=True,
              help="Vendor extension changes (foreign attributes, extensionElements): one entry per element, "
                   "every value, or none.")
@lang_option()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE, not stdout.")
def command(left: Path, right: Path, left_label: str, right_label: str, match: str, fmt: str, extensions: str,
            lang: str, output: Path | None) -> int:
    """Compare LEFT and RIGHT (.bpmn, .yaml, .json) semantically: steps, flows, responsibilities, resources,
    stakeholders, deadlines, obligations and behaviour; layout changes are listed apart."""
    from vollzug.cli.outputs import guard
    from vollzug.diff.emit import EmitContext, emitter, streamer
    from vollzug.diff.engine import DiffOptions, diff_sides, load_side
    from vollzug.fileio import open_atomic, write_bytes_atomic

    guard([left, right], output)
    lside, rside = load_side(left), load_side(right)
    options = DiffOptions(match=match, left_label=left_label, right_label=right_label,  # type: ignore[arg-type]
                          extensions=extensions)  # type: ignore[arg-type]
    result = diff_sides(lside, rside, options)
    from vollzug.diff.normtexts import with_norm_texts
    from vollzug.output.guard import is_stdout

    result = with_norm_texts(result, lside.model, rside.model)
    ctx = EmitContext(lang=lang, left=lside, right=rside)  # type: ignore[arg-type]
    stream = streamer(fmt)
    if stream is not None:  # written piece by piece: a huge diff is never one string in memory
        if output is not None and not is_stdout(output):
            with open_atomic(output) as handle:
                stream(result, ctx, handle)
        else:
            sys.stdout.flush()
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None:  # a text stream without bytes underneath (captured output)
                collected = io.BytesIO()
                stream(result, ctx, collected)
                sys.stdout.write(collected.getvalue().decode("utf-8"))
            else:
                stream(result, ctx, buffer)
                buffer.flush()
        return 0 if result.equal else 1
    write_bytes_atomic(output if output is not None else "-", emitter(fmt)(result, ctx))
    return 0 if result.equal else 1
