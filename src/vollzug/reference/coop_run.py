"""The ``cooperation`` run: load towns and reference, find candidates, render, write."""

from __future__ import annotations

from pathlib import Path

from vollzug.batch import Batch, require_files
from vollzug.errors import InputError
from vollzug.fileio import write_text_atomic
from vollzug.i18n import Lang
from vollzug.loader import iter_model_files, load_model
from vollzug.model.process import OperationalModel
from vollzug.output.guard import declare_inputs
from vollzug.reference.coop_report import render_csv, render_json, render_text
from vollzug.reference.cooperation import candidates, shares


def run_cooperation(paths: list[Path], reference: Path, *, max_fte: float, size_ratio: float, law: str | None,
                    fmt: str, lang: str, output: Path | None, fail_fast: bool = False) -> tuple[str, Batch]:
    """(rendered output, the batch with the files that could not be read)."""
    language: Lang = "en" if lang == "en" else "de"
    declare_inputs([*paths, reference])  # the output layer then refuses -o onto any of them
    files = require_files([f for f in iter_model_files(paths) if f.resolve() != reference.resolve()], paths,
                          language)
    ref_model = load_model(reference).model
    towns: list[tuple[str, OperationalModel]] = []
    batch = Batch(fail_fast=fail_fast)
    for file in files:
        loaded = batch.attempt(file, lambda f=file: load_model(f))  # type: ignore[misc]
        if loaded is not None and (law is None or loaded.model.law == law):
            towns.append((file.stem, loaded.model))
    if not towns:
        raise InputError("no town models found")
    cands = candidates(shares(towns, ref_model), ref_model, max_fte=max_fte, size_ratio=size_ratio)
    if fmt == "json":
        text = render_json(cands)
    elif fmt == "csv":
        text = render_csv(cands, language)
    else:
        text = render_text(cands, language, max_fte, size_ratio, markdown=fmt == "markdown")
    if output is not None:
        write_text_atomic(output, text)
    return text, batch
