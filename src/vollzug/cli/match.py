"""``vollzug match A B``: the step alignment of two models on its own (CSV, JSON, Alignment API RDF) or scored."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def _refuse_input(output: Path, inputs: list[Path]) -> None:
    """An output that is one of the inputs (same file, also through links) or not a regular file is refused."""
    from vollzug.errors import OutputError

    if output.exists():
        if not output.is_file():
            raise OutputError(f"{output}: not a regular file; refusing to write")
        for path in inputs:
            if path.exists() and output.samefile(path):
                raise OutputError(f"{output}: is an input of this command; refusing to overwrite it")


@click.command("match")
@click.argument("left", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("right", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "rdf"]), default="csv", show_default=True,
              help="rdf: the Alignment API RDF/XML format of matching evaluations.")
@click.option("--gold", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Score against a gold alignment (Alignment API RDF): print precision, recall, F1.")
@click.option("--all-bands", is_flag=True, help="Also count/write uncertain pairs (band 'unsicher').")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE, not stdout.")
def command(left: Path, right: Path, fmt: str, gold: Path | None, all_bands: bool, lang: str,
            output: Path | None) -> int:
    """Match the steps of LEFT and RIGHT (.bpmn, .yaml) and write the correspondences with score, confidence band
    (sicher / wahrscheinlich / unsicher) and kind (one_to_one, split, merge)."""
    from vollzug.diff.alignment import correspondences, evaluate, read_rdf, to_csv, to_json, to_rdf
    from vollzug.diff.engine import DiffOptions, diff_sides, load_side
    from vollzug.fileio import write_bytes_atomic

    lside, rside = load_side(left), load_side(right)
    result = diff_sides(lside, rside, DiffOptions(match="auto"))
    matches = [m for m in result.matches if all_bands or m.confidence != "unsicher"]
    items = correspondences(matches, {s.id: s.name for s in lside.model.steps},
                            {s.id: s.name for s in rside.model.steps})
    if gold is not None:
        from vollzug.model.process import ACTIVITY_TYPES

        acts = {s.id for s in lside.model.steps if s.type in ACTIVITY_TYPES}
        acts_r = {s.id for s in rside.model.steps if s.type in ACTIVITY_TYPES}
        truth = read_rdf(gold)
        predicted = {(c.left, c.right) for c in items if c.left in acts and c.right in acts_r}
        s = evaluate(predicted, truth)
        label = ("Präzision", "Ausbeute", "F1") if lang == "de" else ("precision", "recall", "F1")

        def num(x: float) -> str:
            return f"{x:.3f}".replace(".", ",") if lang == "de" else f"{x:.3f}"

        text = (f"{label[0]} {num(s.precision)}, {label[1]} {num(s.recall)}, {label[2]} {num(s.f1)} "
                f"({s.correct}/{s.predicted}/{s.gold})\n")
        data = text.encode("utf-8")
    elif fmt == "csv":
        data = to_csv(items)
    elif fmt == "json":
        data = to_json(items, str(left), str(right))
    else:
        data = to_rdf(items, str(left), str(right))
    if output is not None:
        _refuse_input(output, [left, right, *([gold] if gold is not None else [])])
        write_bytes_atomic(output, data)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0
