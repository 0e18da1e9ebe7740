"""``vollzug law import``: read a law text (gii XML or Markdown) and summarise its norm tree."""

from __future__ import annotations

from pathlib import Path

from vollzug.i18n import Lang, Msg
from vollzug.law.gii import read_gii
from vollzug.law.markdown_text import read_markdown
from vollzug.law.normtree import count_levels
from vollzug.law.tables import Report, Table
from vollzug.model.normtree import NormTree

__all__ = ["LEVEL_ORDER", "import_report", "import_text"]

LEVEL_ORDER = ("Buch", "Teil", "Kapitel", "Abschnitt", "Unterabschnitt", "Titel", "§", "Art", "Anl", "Ziff", "Abs",
               "S", "Nr", "Buchst", "DBuchst")
"""Unit kinds from the outermost to the innermost."""
_LEVEL_NAMES = {
    "§": Msg("Paragraf (§)", "Section (§)"), "Art": Msg("Artikel", "Article"), "Anl": Msg("Anlage", "Annex"),
    "Ziff": Msg("Ziffer (Anlage)", "Heading in an annex"), "Abs": Msg("Absatz", "Subsection (Absatz)"),
    "S": Msg("Satz", "Sentence (Satz)"), "Nr": Msg("Nummer", "Number (Nummer)"),
    "Buchst": Msg("Buchstabe", "Letter (Buchstabe)"), "DBuchst": Msg("Doppelbuchstabe", "Double letter"),
}


def import_text(path: str | Path, *, law: str | None = None) -> NormTree:
    """A norm tree from a gii-norm XML file or a bundestag/gesetze Markdown file (told apart by the first bytes)."""
    with open(path, "rb") as handle:  # noqa: PTH123
        head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<dokumente", b"<!DOCTYPE", b"<!--")):
        return read_gii(path, law=law)
    return read_markdown(path, law=law)


def import_report(trees: list[NormTree], lang: Lang) -> Report:
    """Unit counts per level for each imported tree."""
    kinds = [k for k in LEVEL_ORDER if any(k in count_levels(t) for t in trees)]
    counts = [count_levels(t) for t in trees]
    columns = [Msg("Ebene", "Level")(lang)] + [f"{t.law} {t.version.id}" for t in trees]
    rows = [[(_LEVEL_NAMES[k](lang) if k in _LEVEL_NAMES else k)] + [str(c.get(k, 0)) for c in counts] for k in kinds]
    lines = [f"{t.law} {t.version.id}: {t.title} — {t.version.amended_by or t.gazette} ({t.source})" for t in trees]
    lines += [f"{t.law}: {t.excerpt}" for t in trees if t.excerpt]
    data = {"kind": "law_import", "texts": [
        {"law": t.law, "jurabk": t.jurabk, "version": t.version.model_dump(mode="json"), "source": t.source,
         "format": t.source_format, "excerpt": t.excerpt, "units": c} for t, c in zip(trees, counts, strict=True)]}
    title = Msg("Normbaum: Einheiten je Ebene", "Norm tree: units per level")(lang)
    return Report(title=title, lines=lines, tables=[Table(title, columns, rows)], data=data)
