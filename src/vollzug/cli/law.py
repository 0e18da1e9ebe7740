"""``vollzug law list|show|import|verify|coverage|draft|changes|audit``: law catalogues and the law text."""

from __future__ import annotations

from pathlib import Path

import click

from vollzug.cli.errors import EXIT_FINDINGS, EXIT_OK
from vollzug.cli.lang import lang_option
from vollzug.i18n import Lang, Msg


@click.group("law")
def command() -> None:
    """Law catalogues (Pflichtenkataloge, rules/<id>/catalogue.yaml) and the law texts they rest on
    (rules/<law>/text/): show, import, verify, coverage, draft, changes, audit (docs/law.md)."""


@command.command("list")
@lang_option()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_command(lang: str, fmt: str) -> int:
    """Catalogues with their laws and counts of obligations and unverified ([U]) items."""
    from vollzug.law.catalogue import list_catalogues
    from vollzug.law.present import render_list

    click.echo(render_list(list_catalogues(), fmt, "en" if lang == "en" else "de"), nl=False)
    return EXIT_OK


@command.command("show")
@click.argument("catalogue")
@lang_option()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--version", "version", default=None,
              help="For a citation: the text version (id such as 2025-12-02, or a date: the version in force then).")
def show_command(catalogue: str, lang: str, fmt: str, version: str | None) -> int:
    """Show CATALOGUE (an id such as WPG, or a catalogue.yaml path): obligations with citations, kind, addressee,
    deadlines, applicability, stakeholders, [U] flags and the cited wording. Given a citation instead
    ("§ 7 Abs. 2 Nr. 1 WPG"), show its address and exact text."""
    from vollzug.law.catalogue import load_catalogue
    from vollzug.law.present import render_catalogue

    if any(mark in catalogue for mark in ("§", "Anlage", "Art.")):
        return _show_citation(catalogue, fmt, version, _lang(lang))

    click.echo(render_catalogue(load_catalogue(catalogue), fmt, "en" if lang == "en" else "de"), nl=False)
    return EXIT_OK


# ------------------------------------------------------------------ the statute as ground truth (issue 14)


def _show_citation(text: str, fmt: str, version: str | None, lang: Lang) -> int:
    """``law show "§ 7 Abs. 2 WPG"``: address and wording (exit 1 if the text does not contain the unit)."""
    import json

    from vollzug.errors import CatalogueError
    from vollzug.law.citation import parse_citations
    from vollzug.law.texts import cited_text, cited_units

    found = cited_text(text, version)
    if found is None:
        citations = parse_citations(text)
        if not citations:
            raise CatalogueError(f"not a citation: {text!r}")
        tree, result = cited_units(citations[0], version)
        if tree is None:
            raise CatalogueError(f"no text of {citations[0].law or '?'} is shipped (rules/<law>/text/)")
        message = Msg("{text}: {missing} gibt es nicht in {law} (Fassung {version})",
                      "{text}: {missing} does not exist in {law} (version {version})")
        click.echo(message(lang, text=text, missing=result.missing, law=tree.law, version=tree.version.id), err=True)
        return EXIT_FINDINGS
    if fmt == "json":
        click.echo(json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        body = "\n".join(f"> {line}" for line in found.text.splitlines())
        click.echo(f"**{found.citation}** ({found.law} {found.version}, {', '.join(found.addresses)})\n\n{body}")
    else:
        click.echo(f"{found.citation}  [{', '.join(found.addresses)}]  ({found.law} {found.version})\n\n{found.text}")
    return EXIT_OK

_FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text",
                       show_default=True)
_LANG = click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
_OUTPUT = click.option("-o", "--output", default=None, help="Write to this file ('-' for stdout).")


def _emit(text: str, output: str | None) -> None:
    """Write ``text`` atomically to ``output``, or to stdout for None or '-'."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    from vollzug.fileio import write_text_atomic

    write_text_atomic(output, text)


@command.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", default=None,
              help="Folder to write <version>.json norm trees to ('-': the tree as JSON on stdout).")
@click.option("--law", "law_id", default=None, help="Law id to use (default: jurabk without a year, 'FZV 2023' → FZV).")
@click.option("--source", default=None, help="Source line stored in the tree (default: the file name).")
@_FORMAT
@_LANG
def import_command(files: tuple[Path, ...], output: str | None, law_id: str | None, source: str | None, fmt: str,
                   lang: str) -> int:
    """Read law texts (gesetze-im-internet.de XML, gii-norm DTD 1.01, or bundestag/gesetze Markdown) into norm
    trees; print the units per level, write the trees with -o."""
    from vollzug.fileio import write_bytes_atomic
    from vollzug.law.importer import import_report, import_text
    from vollzug.law.tables import render
    from vollzug.law.texts import write_tree

    trees = []
    for file in files:
        tree = import_text(file, law=law_id)
        trees.append(tree.model_copy(update={"source": source}) if source else tree)
    if output == "-":
        click.echo(b"".join(write_tree(t) for t in trees).decode("utf-8"), nl=False)
        return EXIT_OK
    if output is not None:
        for tree in trees:
            write_bytes_atomic(Path(output) / f"{tree.version.id}.json", write_tree(tree))
    click.echo(render(import_report(trees, _lang(lang)), fmt, lang), nl=False)
    return EXIT_OK


@command.command("verify")
@click.argument("catalogue")
@click.option("--models", "models", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Model files or folders whose citations to check (default: models/ of the checkout).")
@_FORMAT
@_LANG
@_OUTPUT
def verify_command(catalogue: str, models: tuple[Path, ...], fmt: str, lang: str, output: str | None) -> int:
    """Resolve every citation of CATALOGUE, its checks.yaml and the models against the law text; report citations
    that do not exist, norm titles that differ from the text and items still verified: false (exit 1 if any)."""
    from vollzug.law.grounding import verify
    from vollzug.law.tables import render
    from vollzug.law.verify_report import verify_report

    result = verify(catalogue, list(models) if models else _default_models())
    _emit(render(verify_report(result, _lang(lang)), fmt, lang), output)
    return EXIT_FINDINGS if result.failed else EXIT_OK


def _lang(lang: str) -> Lang:
    return "en" if lang == "en" else "de"


def _default_models() -> list[Path]:
    from vollzug.law.yamlsource import rules_dir

    folder = rules_dir().parent / "models"
    return [folder] if folder.is_dir() else []


@command.command("changes")
@click.argument("old")
@click.argument("new")
@click.option("--models", "models", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Model files or folders: list the obligations and the towns' steps that cite a changed unit.")
@_FORMAT
@_LANG
@_OUTPUT
def changes_command(old: str, new: str, models: tuple[Path, ...], fmt: str, lang: str, output: str | None) -> int:
    """Compare two versions of a law unit by unit (OLD, NEW: LAW@VERSION of a shipped text such as WPG@2025-12-02,
    a norm-tree .json, or a law text file); exit 1 if they differ."""
    from vollzug.law.changes import compare_trees, impact, load_version
    from vollzug.law.changes_report import changes_report
    from vollzug.law.tables import render

    result = compare_trees(load_version(old), load_version(new))
    impacts = impact(result, list(models)) if models else None
    _emit(render(changes_report(result, impacts, _lang(lang)), fmt, lang), output)
    return EXIT_FINDINGS if result.changes else EXIT_OK


@command.command("coverage")
@click.argument("catalogue")
@_FORMAT
@_LANG
@_OUTPUT
def coverage_command(catalogue: str, fmt: str, lang: str, output: str | None) -> int:
    """List the normative Sätze of the law text that no obligation of CATALOGUE cites, and obligations that cite
    only permissions or non-normative text (exit 1 if an obligation cites only non-normative text)."""
    from vollzug.law.coverage import coverage, coverage_report
    from vollzug.law.tables import render

    result = coverage(catalogue)
    _emit(render(coverage_report(result, _lang(lang)), fmt, lang), output)
    return EXIT_FINDINGS if any(item.citing_nothing for item in result.laws) else EXIT_OK


@command.command("draft")
@click.argument("text")
@click.option("-o", "--output", required=True, help="Draft catalogue YAML to write ('-' for stdout).")
@click.option("--id", "catalogue_id", default=None, help="Catalogue id (default: the law's abbreviation).")
def draft_command(text: str, output: str, catalogue_id: str | None) -> int:
    """Write a draft catalogue for TEXT (a law text file, a norm-tree .json or LAW@VERSION): one obligation per
    normative Satz with addressee, modality, deadline, threshold and exact citation, all verified: false."""
    import yaml

    from vollzug.law.changes import load_version
    from vollzug.law.coverage import draft_catalogue

    tree = load_version(text)
    draft = draft_catalogue(tree, catalogue_id)
    head = (f"# Entwurf eines Pflichtenkatalogs, automatisch erzeugt aus {tree.law} ({tree.version.id}; "
            f"{tree.source}).\n# Jede Pflicht ist verified: false – bitte am Gesetzestext prüfen.\n")
    body = yaml.safe_dump(draft, allow_unicode=True, sort_keys=False, width=110)
    _emit(head + body, output)
    if output != "-":
        click.echo(f"{output}: {len(draft['obligations'])} obligations drafted", err=True)
    return EXIT_OK


@command.command("audit")
@click.argument("texts", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "markdown", "github"]), default="text",
              show_default=True)
@_LANG
@_OUTPUT
def audit_command(texts: tuple[str, ...], fmt: str, lang: str, output: str | None) -> int:
    """Check (draft) law texts (files or LAW@VERSION) for what makes operationalisation hard: obligations without
    an addressee, deadlines that cannot be computed, competences left open, written form, data requested twice
    (exit 1 if there are warnings)."""
    from vollzug.law.audit import audit_result
    from vollzug.law.changes import load_version
    from vollzug.lint.emit import get_emitter

    trees = [(load_version(text), text) for text in texts]
    result = audit_result(trees, _lang(lang))
    _emit(get_emitter(fmt)(result, _lang(lang)), output)
    return EXIT_FINDINGS if result.failed else EXIT_OK
