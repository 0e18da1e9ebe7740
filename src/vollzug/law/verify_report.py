"""The report of ``vollzug law verify`` (German / English)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from vollzug.i18n import Lang, Msg
from vollzug.law.citation import parse_citations
from vollzug.law.grounding import VerifyResult
from vollzug.law.tables import Report, Table

__all__ = ["verify_report"]

_STATUS = {
    "ok": Msg("vorhanden", "exists"),
    "missing": Msg("existiert nicht in {law} (Fassung {version}): {detail}",
                   "does not exist in {law} (version {version}): {detail}"),
    "unparsable": Msg("kein gültiges Zitat: {detail}", "not a valid citation: {detail}"),
    "no_text": Msg("kein Text von {detail} mitgeliefert", "no text of {detail} shipped"),
    "old_version": Msg("alte Fassung (a. F.) von {detail}: vor den mitgelieferten Texten",
                       "old version (a. F.) of {detail}: before the shipped texts"),
}


def _law_of(text: str) -> str:
    found = parse_citations(text)
    return (found[0].law or "") if found else ""


def _status(status: str, detail: str, version: str, law: str, lang: Lang) -> str:
    if status == "unparsable" and not detail:
        return Msg("nennt kein Gesetz", "names no law")(lang)
    return _STATUS[status](lang, detail=detail, version=version, law=law)


def verify_report(result: VerifyResult, lang: Lang) -> Report:
    """Counts, then the unresolved citations, the title mismatches, the unverified items and what was not
    checkable."""
    counts = Counter(c.status for c in result.citations)
    where = Msg("Datei:Zeile", "File:line")(lang)
    lines = [
        Msg("{n} Zitate geprüft ({models} Modelle): {ok} vorhanden, {bad} nicht auflösbar, {none} ohne "
            "mitgelieferten Text, {old} alte Fassung.",
            "{n} citations checked ({models} models): {ok} exist, {bad} unresolved, {none} without a shipped "
            "text, {old} old version.")(lang, n=len(result.citations), models=len(result.models), ok=counts["ok"],
                                         bad=len(result.unresolved), none=counts["no_text"],
                                         old=counts["old_version"]),
        Msg("Überschriften abweichend: {t}; noch nicht verifiziert: {u}.",
            "Title mismatches: {t}; still unverified: {u}.")(lang, t=len(result.titles), u=len(result.unverified)),
    ]

    def loc(file: str, line: int | None) -> str:
        return f"{file}:{line}" if line else file

    unresolved = Table(Msg("Nicht auflösbare Zitate", "Unresolved citations")(lang),
                       [where, Msg("Element", "Element")(lang), Msg("Zitat", "Citation")(lang),
                        Msg("Befund", "Finding")(lang)],
                       [[loc(c.file, c.line), c.where, c.text,
                         _status(c.status, c.detail, c.version, _law_of(c.text), lang)] for c in result.unresolved])
    titles = Table(Msg("Abweichende Überschriften", "Title mismatches")(lang),
                   [where, Msg("Norm", "Norm")(lang), Msg("Katalog", "Catalogue")(lang),
                    Msg("Gesetzestext", "Law text")(lang)],
                   [[loc(t.file, t.line), t.citation, t.catalogue_title, f"{t.text_title} ({t.version})"]
                    for t in result.titles])
    unverified = Table(Msg("Noch nicht verifiziert", "Still unverified")(lang),
                       [where, Msg("Eintrag", "Item")(lang), Msg("Grund", "Reason")(lang)],
                       [[loc(u.file, u.line), u.item, u.reason] for u in result.unverified])
    unchecked = sorted({(c.text, c.status, c.detail) for c in result.citations if c.status in ("no_text",
                                                                                                 "old_version")})
    not_checkable = Table(Msg("Nicht prüfbar (kein Text der Fassung)", "Not checkable (no text of the version)")(lang),
                          [Msg("Zitat", "Citation")(lang), Msg("Grund", "Reason")(lang)],
                          [[text, _status(status, detail, "", "", lang)] for text, status, detail in unchecked])
    data = {
        "kind": "law_verify", "catalogue": result.catalogue, "models": result.models,
        "counts": {"citations": len(result.citations), "unresolved": len(result.unresolved),
                   "title_mismatches": len(result.titles), "unverified": len(result.unverified),
                   **{f"status_{k}": v for k, v in sorted(counts.items())}},
        "unresolved": [asdict(c) for c in result.unresolved],
        "title_mismatches": [asdict(t) for t in result.titles],
        "unverified": [asdict(u) for u in result.unverified],
        "citations": [asdict(c) for c in result.citations],
    }
    title = Msg("Zitatprüfung gegen den Gesetzestext: {c}", "Citations checked against the law text: {c}")(
        lang, c=result.catalogue)
    return Report(title, lines, [unresolved, titles, unverified, not_checkable], data)
