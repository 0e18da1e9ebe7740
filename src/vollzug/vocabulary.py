"""Änderungsvokabular: the one wording of every kind of difference, relative to the reference (SOLL).

Every output that names a difference — ``vollzug diff`` (text, Markdown, HTML), the per-town detail of
``compare``/``report`` and the JSON documents — takes its words from here. JSON keeps stable machine codes (the keys
of :data:`CHANGE_KINDS`, also the ``kind`` of a compare ``DiffEntry``); people read the labels. ``{ref}`` is the
name of the reference side (``SOLL`` by default), ``{side}`` the other side (``IST``).

========================  ===================================  ==========================================
code                      German                               English
========================  ===================================  ==========================================
``removed``               fehlt gegenüber SOLL                 missing compared with the reference
``added``                 zusätzlich (nicht im SOLL)           additional (not in the reference)
``changed``               abweichend                           deviating
``reassigned``            Zuständigkeit verschoben             responsibility shifted
``renamed``               anders benannt                       named differently
``resource_changed``      Ressourcen abweichend                resources deviating
``stakeholder_removed``   Beteiligung fehlt                    stakeholder involvement missing
``notification_removed``  Inkenntnissetzung fehlt              staff notification missing
``reconnected``           Fluss umgehängt                      flow reconnected
``layout_changed``        nur Layout abweichend                layout only
``behaviour_changed``     Ablauf abweichend                    order deviating
========================  ===================================  ==========================================

Domain changes of the full diff (``stakeholder_added``, ``deadline_removed``, …) are written
``<area>_<change>``: the area from :data:`DOMAIN_AREAS`, the change from :data:`CHANGES`.
"""

from __future__ import annotations

from vollzug.i18n import Lang, Msg

CHANGE_KINDS: dict[str, Msg] = {
    "removed": Msg("fehlt gegenüber {ref}", "missing compared with the {ref_en}"),
    "added": Msg("zusätzlich (nicht im {ref})", "additional (not in the {ref_en})"),
    "changed": Msg("abweichend", "deviating"),
    "reassigned": Msg("Zuständigkeit verschoben", "responsibility shifted"),
    "renamed": Msg("anders benannt", "named differently"),
    "resource_changed": Msg("Ressourcen abweichend", "resources deviating"),
    "stakeholder_removed": Msg("Beteiligung fehlt", "stakeholder involvement missing"),
    "notification_removed": Msg("Inkenntnissetzung fehlt", "staff notification missing"),
    "reconnected": Msg("Fluss umgehängt", "flow reconnected"),
    "layout_changed": Msg("nur Layout abweichend", "layout only"),
    "behaviour_changed": Msg("Ablauf abweichend", "order deviating"),
}
"""Machine code → label (de, en), relative to the reference."""

DOMAIN_AREAS: dict[str, Msg] = {
    "stakeholder": Msg("Beteiligte", "stakeholder"),
    "message_flow": Msg("Nachrichtenfluss", "message flow"),
    "notification": Msg("Inkenntnissetzung", "staff notification"),
    "deadline": Msg("Frist", "deadline"),
    "obligation": Msg("Pflicht", "obligation"),
    "citation": Msg("Handlungsgrundlage", "legal basis"),
}
"""Areas of a domain change (``DomainDelta.kind``)."""

CHANGES: dict[str, Msg] = {
    "added": Msg("zusätzlich", "additional"),
    "removed": Msg("fehlt", "missing"),
    "changed": Msg("abweichend", "deviating"),
}
"""How a domain change relates to the reference: only in the town, only in the reference, different."""

DIFF_HEADINGS: dict[str, Msg] = {
    "added": Msg("Fehlt in {left} gegenüber {right} (nur in {right})",
                 "Missing in {left} compared with {right} (only in {right})"),
    "removed": Msg("Zusätzlich in {left} (nicht in {right})", "Additional in {left} (not in {right})"),
    "changed": Msg("Abweichend", "Deviating"),
    "layout_changed": Msg("Nur Layout abweichend", "Layout only"),
    "reconnected": Msg("Umgehängte Flüsse", "Reconnected flows"),
    "responsibility": Msg("Zuständigkeit verschoben", "Responsibility shifted"),
    "behaviour": Msg("Ablauf abweichend", "Order deviating"),
}
"""Section headings of ``vollzug diff``: the right side is the reference (``SOLL``), so "only right" reads
"missing compared with the reference" — the JSON keeps the neutral ``added``/``removed`` (only right / only left)."""

_REFERENCE_EN = {"SOLL": "reference"}


def change_label(code: str, lang: Lang, ref: str = "SOLL") -> str:
    """The label of a change code (``removed`` → "fehlt gegenüber SOLL"); ``<area>_<change>`` codes of domain
    changes read "Frist: fehlt"; an unknown code is shown as it is."""
    msg = CHANGE_KINDS.get(code)
    if msg is not None:
        return msg(lang, ref=ref, ref_en=_REFERENCE_EN.get(ref, ref))
    area, _, change = code.rpartition("_")
    if area in DOMAIN_AREAS and change in CHANGES:
        return f"{DOMAIN_AREAS[area](lang)}: {CHANGES[change](lang)}"
    return code


def all_codes() -> list[str]:
    """Every change code an output can contain (for the JSON schema and the tests)."""
    return [*CHANGE_KINDS, *(f"{a}_{c}" for a in DOMAIN_AREAS for c in CHANGES)]
