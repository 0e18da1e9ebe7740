"""``vollzug validate``: BPMN files against the OMG XSD (and vollzug's extension XSD) plus semantic checks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from vollzug.cli.errors import EXIT_FINDINGS, EXIT_OK
from vollzug.cli.lang import lang_option
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
    click.echo(_SUMMARY(lang, n=len(results), valid=valid, errors=errors, warnings=warnings), err=True)


def _emit_json(results: Results, _lang: Lang) -> None:
    from vollzug.bpmn.validate import problem_record

    data = [{"file": str(path), "valid": not any(p.severity == "error" for p in problems),
             "problems": [problem_record(p) for p in problems]} for path, problems in results]
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


EMITTERS: dict[str, Callable[[Results, Lang], None]] = {"text": _emit_text, "json": _emit_json}


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(EMITTERS)), default="text", show_default=True)
@click.option("--no-xsd", is_flag=True, help="Semantic checks only.")
@lang_option()
def command(files: tuple[Path, ...], fmt: str, no_xsd: bool, lang: Lang) -> int:
    """Check BPMN FILES: XSD errors, duplicate ids, dangling references, flows between wrong elements,
    message flows inside one pool. One line per problem: file:line: CODE [id] message. Exit 1 if any error."""
    from vollzug.bpmn.validate import validate_file

    results = [(path, validate_file(path, xsd=not no_xsd)) for path in files]
    EMITTERS[fmt](results, lang)
    failed = any(p.severity == "error" for _path, problems in results for p in problems)
    return EXIT_FINDINGS if failed else EXIT_OK
