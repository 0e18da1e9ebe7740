"""The report of ``vollzug law changes`` (German / English)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from vollzug.i18n import Lang, Msg
from vollzug.law.changes import ChangeSet, Impact
from vollzug.law.tables import Report, Table

__all__ = ["changes_report"]

_KIND = {
    "changed": Msg("geändert", "changed"), "added": Msg("eingefügt", "inserted"),
    "removed": Msg("aufgehoben", "repealed"), "renumbered": Msg("umnummeriert", "renumbered"),
    "retitled": Msg("Überschrift geändert", "heading changed"),
}
_REASON = {
    "spelling": Msg("Schreibweise/Zeichensetzung", "spelling/punctuation"),
    "reference": Msg("Verweis angepasst (Nummerierung)", "reference renumbered"),
    "ministry": Msg("Ressortbezeichnung geändert", "ministry renamed"),
    "reference+ministry": Msg("Verweis und Ressortbezeichnung", "reference and ministry"),
    "renumbered": Msg("nur neue Nummer", "new number only"), "heading": Msg("Überschrift", "heading"),
    "added": Msg("neue Einheit", "new unit"), "removed": Msg("Einheit entfällt", "unit repealed"),
}


def _class(substantive: bool, lang: Lang) -> str:
    return Msg("inhaltlich", "substantive")(lang) if substantive else Msg("redaktionell", "editorial")(lang)


def _grouped(impacts: list[Impact]) -> list[tuple[list[Impact], bool]]:
    """Impacts of one obligation or step and citation together, with whether any change is substantive."""
    groups: dict[tuple[str, str, str, str], list[Impact]] = {}
    for item in impacts:
        groups.setdefault((item.obligation, item.model, item.step, item.citation), []).append(item)
    return [(items, any(i.change.substantive for i in items)) for items in groups.values()]


def changes_report(changes: ChangeSet, impacts: list[Impact] | None, lang: Lang) -> Report:
    """Summary per §, the changes with old and new text, and (with models) the Änderungsfolgen."""
    old, new = changes.old.version, changes.new.version
    counts = Counter(c.substantive for c in changes.changes)
    lines = [
        Msg("{law}: Fassung {old} ({old_by}) → Fassung {new} ({new_by}).",
            "{law}: version {old} ({old_by}) → version {new} ({new_by}).")(
            lang, law=changes.law, old=old.id, old_by=old.amended_by, new=new.id, new_by=new.amended_by),
        Msg("{n} Änderungen: {s} inhaltlich, {e} redaktionell.", "{n} changes: {s} substantive, {e} editorial.")(
            lang, n=len(changes.changes), s=counts[True], e=counts[False]),
    ]
    per_norm = Table(Msg("Änderungen je Vorschrift", "Changes per provision")(lang),
                     [Msg("Vorschrift", "Provision")(lang), Msg("inhaltlich", "substantive")(lang),
                      Msg("redaktionell", "editorial")(lang), Msg("Einheiten", "Units")(lang)])
    for norm, items in changes.by_norm().items():
        per_norm.rows.append([norm, str(sum(c.substantive for c in items)), str(sum(not c.substantive for c in items)),
                              "; ".join(c.citation for c in items)])
    detail = Table(Msg("Änderungen im Einzelnen", "Changes in detail")(lang),
                   [Msg("Einheit", "Unit")(lang), Msg("Art", "Kind")(lang), Msg("Einordnung", "Class")(lang),
                    Msg("Was", "What")(lang), Msg("Bisher", "Before")(lang), Msg("Neu", "After")(lang)])
    for c in changes.changes:
        reason = _REASON[c.reason](lang) if c.reason in _REASON else c.reason
        detail.rows.append([c.citation, _KIND[c.kind](lang), _class(c.substantive, lang), reason, c.old_text,
                            c.new_text])
    tables = [per_norm, detail]
    data: dict[str, object] = {
        "kind": "law_changes", "law": changes.law, "old": old.model_dump(mode="json"),
        "new": new.model_dump(mode="json"),
        "counts": {"changes": len(changes.changes), "substantive": counts[True], "editorial": counts[False]},
        "changes": [{**asdict(c), "norm": c.norm} for c in changes.changes],
    }
    if impacts is not None:
        obligations = Table(Msg("Änderungsfolgen: Pflichten der Kataloge", "Impact: catalogue obligations")(lang),
                            [Msg("Pflicht", "Obligation")(lang), Msg("Zitat", "Citation")(lang),
                             Msg("Geänderte Einheiten", "Changed units")(lang), Msg("Einordnung", "Class")(lang)],
                            [[f"{head[0].obligation} {head[0].obligation_title}", head[0].citation,
                              "; ".join(i.change.citation for i in head), _class(any_sub, lang)]
                             for head, any_sub in _grouped([i for i in impacts if i.obligation])])
        steps = [i for i in impacts if i.step]
        towns = Table(Msg("Änderungsfolgen: Schritte der Kommunen", "Impact: the towns' steps")(lang),
                      [Msg("Kommune", "Town")(lang), Msg("Schritt", "Step")(lang),
                       Msg("Verantwortlich", "Responsible")(lang), Msg("Zitat", "Citation")(lang),
                       Msg("Geänderte Einheiten", "Changed units")(lang), Msg("Einordnung", "Class")(lang),
                       Msg("Modell (gültig ab)", "Model (valid from)")(lang)],
                      [[h[0].town, f"{h[0].step_name or h[0].step} ({h[0].step})", h[0].responsible, h[0].citation,
                        "; ".join(i.change.citation for i in h), _class(any_sub, lang),
                        f"{h[0].model} ({h[0].valid_from or '–'})"] for h, any_sub in _grouped(steps)])
        affected = sorted({i.town for i in steps if i.change.substantive})
        lines.append(Msg("Inhaltlich betroffene Kommunen: {towns}.", "Towns affected substantively: {towns}.")(
            lang, towns=", ".join(affected) or "–"))
        tables += [obligations, towns]
        data["impact"] = [{**asdict(i), "change": i.change.address} for i in impacts]
        data["towns_affected_substantively"] = affected
    title = Msg("Fassungsvergleich {law}", "Version comparison {law}")(lang, law=changes.law)
    return Report(title, lines, tables, data)
