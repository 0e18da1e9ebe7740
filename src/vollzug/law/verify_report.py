"""The report of ``vollzug law verify`` (German / English)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from vollzug.i18n import Lang, Msg
from vollzug.law.grounding import VerifyResult
from vollzug.law.tables import Report, Table

__all__ = ["verify_report"]

_STATUS = {
    "ok": Msg("vorhanden", "exists"), "missing": Msg("existiert nicht", "does not exist"),
    "unparsable": Msg("kein gültiges Zitat", "not a valid citation"),
    "no_text": Msg("kein Text mitgeliefert", "no text shipped"),
    "old_version": Msg("alte Fassung (a. F.)", "old version (a. F.)"),
}


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
                       [[loc(c.file, c.line), c.where, c.text, f"{_STATUS[c.status](lang)}: {c.detail}"]
                        for c in result.unresolved])
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
                          [[text, f"{_STATUS[status](lang)}: {detail}"] for text, status, detail in unchecked])
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
