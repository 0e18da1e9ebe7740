"""``vollzug validate``: BPMN files against the OMG XSD (and vollzug's extension XSD) plus semantic checks."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import click

from vollzug.batch import Excluded
from vollzug.cli.errors import EXIT_FINDINGS, EXIT_OK
from vollzug.cli.lang import lang_option
from vollzug.cli.outputs import close_batch, fail_fast_option, warn_on_read
from vollzug.diagnostics import Diagnostic
from vollzug.i18n import Lang, Msg

_SUMMARY = Msg("{n} Datei(en) geprüft: {valid} gültig, {errors} Fehler, {warnings} Warnung(en).",
               "{n} file(s) checked: {valid} valid, {errors} error(s), {warnings} warning(s).")

Results = list[tuple[Path, list[Diagnostic]]]


def _emit_text(results: Results, lang: Lang) -> None:
    from vollzug.bpmn.validate import problem_line
    from vollzug.cli.error_texts import diagnostic, severity_word

    for _path, problems in results:
        for problem in problems:
            click.echo(severity_word(problem_line(diagnostic(problem, lang)), problem.severity, lang))
    errors = sum(p.severity == "error" for _path, problems in results for p in problems)
    warnings = sum(p.severity != "error" for _path, problems in results for p in problems)
    valid = sum(not any(p.severity == "error" for p in problems) for _path, problems in results)
    if not results:  # every file was unreadable: those lines say it all
        return
    click.echo(_SUMMARY(lang, n=len(results), valid=valid, errors=errors, warnings=warnings), err=True)


def _emit_json(results: Results, excluded: list[Excluded], _lang: Lang) -> None:
    from vollzug.bpmn.validate import problem_record

    data: list[dict[str, object]] = [
        {"file": str(path), "valid": not any(p.severity == "error" for p in problems),
         "problems": [problem_record(p) for p in problems]} for path, problems in results]
    data += [{"file": x.file, "valid": False, "excluded": True, "line": x.line, "reason": x.reason}
             for x in excluded]
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


EMITTERS: dict[str, Callable[[Results, list[Excluded], Lang], None]] = {
    "text": lambda results, _excluded, lang: _emit_text(results, lang), "json": _emit_json}

_BPMN_SUFFIXES = frozenset({".bpmn", ".bpmn2", ".xml"})


def _expand(files: tuple[Path, ...]) -> list[Path]:
    """Files as given; folders expanded to the BPMN files below them."""
    from vollzug.loader import iter_model_files

    out: list[Path] = []
    for path in files:
        if path.is_dir():
            out.extend(f for f in iter_model_files([path]) if f.suffix.lower() in _BPMN_SUFFIXES)
        else:
            out.append(path)
    return out


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(EMITTERS)), default="text", show_default=True)
@click.option("--no-xsd", is_flag=True, help="Semantic checks only.")
@fail_fast_option
@lang_option()
def command(files: tuple[Path, ...], fmt: str, no_xsd: bool, fail_fast: bool, lang: Lang) -> int:
    """Check BPMN FILES (folders: the BPMN files below them): XSD errors, duplicate ids, dangling references,
    flows between wrong elements, message flows inside one pool. One line per problem: file:line: CODE [id]
    message. Exit 1 if any error; exit 2 if a file cannot be read (it is reported and left out, the others are
    checked)."""
    from vollzug.batch import Batch, require_files
    from vollzug.bpmn.validate import validate_file

    warn_on_read(False)  # validate reports them as errors
    batch = Batch(fail_fast=fail_fast)
    results: Results = []
    for path in require_files(_expand(files), files, lang):
        problems = batch.attempt(path, partial(validate_file, path, xsd=not no_xsd))
        if problems is not None:
            results.append((path, problems))
    EMITTERS[fmt](results, batch.excluded, lang)
    failed = any(p.severity == "error" for _path, problems in results for p in problems)
    return close_batch(batch, EXIT_FINDINGS if failed else EXIT_OK, lang)
