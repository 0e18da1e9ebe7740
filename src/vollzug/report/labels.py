"""Report texts in German (default) and English, and the names of the gap categories G01–G15."""

from __future__ import annotations

from vollzug.i18n import Lang, Msg

GAP_CATEGORIES: dict[str, Msg] = {
    "G01": Msg("Fehlende Zuständigkeit", "Missing responsibility"),
    "G02": Msg("Unklare / mehrfache Zuständigkeit", "Unclear or multiple responsibility"),
    "G03": Msg("Fehlende Prozessverantwortung", "No process owner"),
    "G04": Msg("Mangelnde Prozesstransparenz", "Lack of process transparency"),
    "G05": Msg("Medienbruch", "Media break"),
    "G06": Msg("Unnötige Schnittstelle / Liegezeit", "Unnecessary hand-off / waiting time"),
    "G07": Msg("Fehlende Ressource", "Missing resource"),
    "G08": Msg("Fehlende Beteiligung", "Missing stakeholder involvement"),
    "G09": Msg("Fristrisiko", "Deadline risk"),
    "G10": Msg("Fehlende Inkenntnissetzung des Personals", "Staff not notified"),
    "G11": Msg("Fehlende Handlungsgrundlage", "Missing legal basis"),
    "G12": Msg("Uneinheitliche Prozesse", "Inconsistent processes across municipalities"),
    "G13": Msg("Fehlende Veröffentlichung / Information", "Missing publication / information"),
    "G14": Msg("Datenschutzrisiko", "Data protection risk"),
    "G15": Msg("Redundante Tätigkeit", "Redundant activity"),
}

STATUS: dict[str, Msg] = {
    "covered": Msg("abgedeckt", "covered"),
    "deviating": Msg("abweichend", "deviating"),
    "missing": Msg("fehlt", "missing"),
    "not_applicable": Msg("n. a.", "n/a"),
}

DIMENSION: dict[str, Msg] = {
    "overall": Msg("Gesamt", "Overall"),
    "obligations": Msg("Pflichten", "Obligations"),
    "responsibility": Msg("Zuständigkeit", "Responsibility"),
    "resources": Msg("Ressourcen", "Resources"),
    "stakeholders": Msg("Beteiligte", "Stakeholders"),
    "structure": Msg("Ablauf", "Structure"),
}

T: dict[str, Msg] = {
    "title": Msg("Lückenbericht {law}", "Gap report {law}"),
    "doc_title": Msg("vollzug – Vergleichsbericht", "vollzug – comparison report"),
    "generated": Msg("Erstellt", "Generated"),
    "reference": Msg("Referenz-SOLL", "Reference SOLL"),
    "overview": Msg("Überblick", "Overview"),
    "town": Msg("Kommune", "Municipality"),
    "towns": Msg("Kommunen", "Municipalities"),
    "town_count": Msg("{n} Kommunen", "{n} municipalities"),
    "one_town": Msg("1 Kommune", "1 municipality"),
    "population": Msg("Einwohner", "Inhabitants"),
    "kind": Msg("Art", "Kind"),
    "similarity": Msg("Ähnlichkeit zum SOLL", "Similarity to SOLL"),
    "gaps": Msg("Lücken", "Gaps"),
    "fte": Msg("VZÄ", "FTE"),
    "eur": Msg("EUR", "EUR"),
    "cluster": Msg("Gruppe", "Cluster"),
    "matrix": Msg("Pflichten × Kommunen", "Obligations × municipalities"),
    "obligation": Msg("Pflicht", "Obligation"),
    "pairwise": Msg("Ähnlichkeit Kommune × Kommune", "Similarity municipality × municipality"),
    "dendrogram": Msg("Hierarchisches Clustering", "Hierarchical clustering"),
    "closest": Msg("Am nächsten am SOLL", "Closest to the SOLL"),
    "outliers": Msg("Ausreißer je Pflicht", "Outliers per obligation"),
    "reason": Msg("Grund", "Reason"),
    "category": Msg("Kategorie", "Category"),
    "norm": Msg("Norm", "Norm"),
    "message": Msg("Befund", "Finding"),
    "element": Msg("Element", "Element"),
    "code": Msg("Code", "Code"),
    "source": Msg("Quelle", "Source"),
    "diff": Msg("Abweichungen vom SOLL", "Differences from the SOLL"),
    "change": Msg("Änderung", "Change"),
    "label": Msg("Bezeichnung", "Label"),
    "detail": Msg("Detail", "Detail"),
    "diagram": Msg("Ablauf (eingefärbt gegenüber SOLL)", "Process (coloured against the SOLL)"),
    "raci": Msg("RACI-Matrix", "RACI matrix"),
    "unit": Msg("Organisationseinheit", "Organisational unit"),
    "resources": Msg("Ressourcen je Organisationseinheit", "Resources per unit"),
    "it": Msg("IT-Systeme", "IT systems"),
    "own_soll": Msg("IST gegenüber eigenem SOLL", "IST against own SOLL"),
    "filter": Msg("Filtern …", "Filter …"),
    "status": Msg("Status", "Status"),
    "responsible": Msg("Zuständig", "Responsible"),
    "stakeholders": Msg("Beteiligte", "Stakeholders"),
    "notified": Msg("Inkenntnissetzung", "Notified"),
    "involvement": Msg("Beteiligung", "Involvement"),
    "search": Msg("Suche über alle Kommunen (z. B. „§ 7“, „Netzbetreiber“) …",
                  "Search all municipalities (e.g. “§ 7”, “network operator”) …"),
    "yes": Msg("ja", "yes"),
    "no": Msg("nein", "no"),
    "none": Msg("keine", "none"),
    "synthetic": Msg("synthetisch", "synthetic"),
    "skipped": Msg("Nicht verglichen", "Not compared"),
    "legend_same": Msg("wie SOLL", "as SOLL"),
    "legend_changed": Msg("geändert", "changed"),
    "legend_added": Msg("zusätzlich", "additional"),
    "engines": Msg("Verwendete Komponenten", "Components used"),
    "notes": Msg("Hinweise", "Notes"),
    "too_many": Msg("Mehr als {n} Kommunen: Matrix nur in XLSX, CSV und JSON.",
                    "More than {n} municipalities: matrix only in XLSX, CSV and JSON."),
    "no_diagram": Msg("Diagramm nicht verfügbar (Graphviz fehlt)", "Diagram not available (Graphviz missing)"),
    "source_compare": Msg("Vergleich", "comparison"),
    "source_rules": Msg("Regelprüfung", "rule check"),
    "source_diff": Msg("Diff", "diff"),
    "step": Msg("Schritt", "Step"),
    "path": Msg("Datei", "File"),
}

ENGINE_NAMES: dict[str, Msg] = {
    "catalogue": Msg("Pflichtenkatalog", "catalogue"),
    "diff": Msg("Abgleich je Kommune", "per-town comparison"),
    "rules": Msg("Regelprüfung", "rule check"),
}
"""Names of the components a comparison records in ``Comparison.engines``."""

ENGINE_VALUES: dict[str, Msg] = {
    "catalogue": Msg("Katalog", "catalogue"),
    "fallback (reference)": Msg("Ersatz: Pflichten des Referenz-SOLL", "fallback: obligations of the reference"),
    "fallback (compare)": Msg("Ersatz: nur Vergleichslücken", "fallback: comparison gaps only"),
    "vollzug.compare.detail (schneller Abgleich)": Msg("schneller Schrittabgleich", "fast step matching"),
    "vollzug.diff": Msg("Diff-Engine", "diff engine"),
    "vollzug.lint": Msg("Regelwerk", "rules engine"),
}
"""Readable values of ``Comparison.engines`` (the JSON keeps the machine values)."""


def t(key: str, lang: Lang, **kwargs: object) -> str:
    """A report text."""
    return T[key](lang, **kwargs)


def gap_name(code: str, lang: Lang) -> str:
    """Name of a gap category, or the code itself if unknown."""
    msg = GAP_CATEGORIES.get(code)
    return msg(lang) if msg else code


def engine_name(key: str, lang: Lang) -> str:
    """Name of a component of ``Comparison.engines``."""
    msg = ENGINE_NAMES.get(key)
    return msg(lang) if msg else key


def engine_value(value: str, lang: Lang) -> str:
    """Readable value of ``Comparison.engines`` (unknown values as they are)."""
    msg = ENGINE_VALUES.get(value)
    return msg(lang) if msg else value
