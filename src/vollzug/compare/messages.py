"""Texte des Vergleichs: every sentence that ``compare``/``report`` puts into a result, in German and English.

Results hold :class:`~vollzug.i18n.Text` (both languages), so one run serves ``--lang de`` and ``--lang en``.
Texts repeat across towns ("Frist nicht modelliert"), so :func:`text` caches them.
"""

from __future__ import annotations

from functools import lru_cache

from vollzug.i18n import Msg, Text

# matrix cells: why deviating / missing / not applicable
NO_RESPONSIBILITY = Msg("keine Zuständigkeit", "no responsibility")
SEVERAL_ACCOUNTABLE = Msg("mehrere Verantwortliche (A)", "several accountable parties (A)")
NO_LEGAL_BASIS = Msg("keine Handlungsgrundlage", "no legal basis")
OTHER_RESPONSIBILITY = Msg("andere Zuständigkeit als SOLL ({unit})", "responsibility differs from the SOLL ({unit})")
STAKEHOLDERS_MISSING = Msg("Beteiligte fehlen: {names}", "stakeholders missing: {names}")
NO_RESOURCES = Msg("keine Ressourcen zugeordnet", "no resources assigned")
NOT_NOTIFIED = Msg("Personal nicht in Kenntnis gesetzt", "staff not notified")
NO_DEADLINE = Msg("Frist nicht modelliert", "deadline not modelled")
OPTIONAL_NOT_CHOSEN = Msg("optional, nicht gewählt", "optional, not chosen")
NOT_MODELLED = Msg("nicht modelliert", "not modelled")
NOT_MODELLED_NOT_IN_REFERENCE = Msg("nicht modelliert (gilt für diese Kommune; nicht im Referenz-SOLL)",
                                    "not modelled (applies to this municipality; not in the reference SOLL)")

# applicability
POPULATION_FAILS = Msg("Einwohner {count} nicht {op} {limit}", "inhabitants {count} not {op} {limit}")
ONLY_FOR_KINDS = Msg("gilt nur für {kinds}", "applies only to {kinds}")
CHOICE_NOT_MADE = Msg("Wahl „{choice}“ nicht getroffen", "choice “{choice}” not made")
CHOICE_MADE = Msg("Wahl „{choice}“ getroffen", "choice “{choice}” made")
LAND_OPTION_UNUSED = Msg("Land {land} nutzt Option „{option}“ nicht", "Land {land} does not use option “{option}”")

# gaps
OBLIGATION_NOT_MODELLED = Msg("Pflicht {id} ({title}) ist nicht modelliert",
                              "obligation {id} ({title}) is not modelled")
OBLIGATION_FINDING = Msg("{id}: {text}", "{id}: {text}")
NO_PROCESS_OWNER = Msg("keine Prozessverantwortung festgelegt", "no process owner set")

# outliers
STATUS_OUTLIER = Msg("{status} (meist {usual})", "{status} (mostly {usual})")
FTE_OUTLIER = Msg("VZÄ {fte} (Median {median})", "FTE {fte} (median {median})")

# per-town detail (fast step matching and the diff engine)
DETAIL_NOT_IN_REFERENCE = Msg("nicht im SOLL", "not in the SOLL")
DETAIL_MISSING = Msg("fehlt gegenüber SOLL", "missing compared with the SOLL")
DETAIL_SOLL_NAME = Msg("SOLL: {name}", "SOLL: {name}")
DETAIL_FTE = Msg("VZÄ {ref} → {town}", "FTE {ref} → {town}")
DETAIL_NO_MESSAGE = Msg("keine Nachricht an/von {kind}", "no message to/from {kind}")
DETAIL_NO_NOTIFICATION = Msg("Inkenntnissetzung fehlt", "staff notification missing")
DETAIL_SHIFT = Msg("IST {town} (A: {town_a}) → SOLL {ref} (A: {ref_a})",
                   "IST {town} (A: {town_a}) → SOLL {ref} (A: {ref_a})")

# notes and skipped inputs
RULES_UNAVAILABLE = Msg("Regelprüfung nicht verfügbar – nur Vergleichslücken",
                        "rule check not available – comparison gaps only")
DIFF_FAILED = Msg("Diff-Engine fehlgeschlagen ({error}) – einfacher Abgleich verwendet",
                  "diff engine failed ({error}) – simple matching used")
REFERENCE_FOUND = Msg("Referenz für {law}: {path} (im Ordner der Referenz gefunden)",
                          "reference for {law}: {path} (found in the reference's folder)")
PROGRESS_COMPARE = Msg("Vergleich", "Comparing")
PROGRESS_REPORT = Msg("Bericht", "Report")
PROGRESS_LOGS = Msg("Logs", "Logs")
NO_REFERENCE = Msg("{input}: kein Referenz-SOLL für Gesetz {law}", "{input}: no reference SOLL for law {law}")


@lru_cache(maxsize=4096)
def _cached(msg: Msg, items: tuple[tuple[str, object], ...]) -> Text:
    return Text.of(msg, **dict(items))


def text(msg: Msg, **kwargs: object) -> Text:
    """``Text.of(msg, **kwargs)``, cached for hashable arguments (the same sentence recurs for every town)."""
    try:
        return _cached(msg, tuple(sorted(kwargs.items())))
    except TypeError:
        return Text.of(msg, **kwargs)
