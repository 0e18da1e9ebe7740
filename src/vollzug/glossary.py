"""Glossar: the one place where German law and administration terms get their (de, en) wording.

Keys are namespaced ``"<group>.<id>"`` (``"variant.SOLL"``, ``"raci.A"``, ``"stakeholder.network_operator"``).
User-facing text (reports, CLI summaries, messages) takes its terms from here, so a term is worded once.
Gap categories G01–G15 (BRIEF §7) have a name and a definition in both languages: :func:`gap_category`.
"""

from __future__ import annotations

from typing import NamedTuple

from vollzug.i18n import DEFAULT_LANG, Lang

__all__ = ["GAP_CATEGORIES", "TERMS", "GapCategory", "gap_category", "term", "terms_in"]


class GapCategory(NamedTuple):
    """Lückenkategorie: code, name and definition (BRIEF §7) in one language."""

    code: str
    name: str
    definition: str


_T = tuple[str, str]

TERMS: dict[str, _T] = {
    # variants
    "variant.IST": ("IST", "as-is"),
    "variant.SOLL": ("SOLL", "to-be"),
    # obligation kinds (Pflichtart)
    "obligation_kind.task": ("Aufgabe", "task"),
    "obligation_kind.decision": ("Entscheidung", "decision"),
    "obligation_kind.participation": ("Beteiligung", "participation"),
    "obligation_kind.publication": ("Veröffentlichung", "publication"),
    "obligation_kind.information_duty": ("Informationspflicht", "duty to inform"),
    "obligation_kind.data_duty": ("Datenpflicht", "data duty"),
    "obligation_kind.review": ("Überprüfung", "review"),
    # kinds of unit compared across towns (vollzug.compare.features.unit_family)
    "unit_family.council": ("Rat/Ausschuss", "council/committee"),
    "unit_family.mayor": ("Verwaltungsspitze", "executive"),
    "unit_family.planning": ("Planung/Bauamt", "planning/building office"),
    "unit_family.climate": ("Klimaschutz/Energie", "climate/energy"),
    "unit_family.gis": ("Geodaten/Vermessung", "geodata/surveying"),
    "unit_family.finance": ("Kämmerei/Finanzen", "treasury/finance"),
    "unit_family.procurement": ("Vergabestelle", "procurement"),
    "unit_family.data_protection": ("Datenschutz", "data protection"),
    "unit_family.press": ("Presse/Öffentlichkeitsarbeit", "press office"),
    "unit_family.hr": ("Hauptamt/Personal", "central services/HR"),
    "unit_family.it": ("IT", "IT"),
    "unit_family.registration": ("Zulassung/Verkehr", "registration/traffic"),
    "involvement.must": ("Muss-Beteiligung", "must involve"),
    "involvement.may": ("Kann-Beteiligung", "may involve"),
    "involvement.none": ("keine Beteiligung", "not involved"),
    "personal_data.allowed": ("personenbezogene Daten zulässig", "personal data allowed"),
    "personal_data.forbidden": ("keine personenbezogenen Daten", "no personal data"),
    "personal_data.aggregated_only": ("nur aggregierte Daten", "aggregated data only"),
    "verified.false": ("nicht verifiziert", "unverified"),
    "optional": ("freiwillig", "optional"),
    # resource kinds
    "resource.staff": ("Personal (VZÄ)", "staff (FTE)"),
    "resource.budget": ("Haushaltsmittel", "budget"),
    "resource.it_system": ("IT-Fachverfahren", "IT system"),
    "resource.data_source": ("Datenquelle", "data source"),
    "resource.external_service": ("Fremdleistung", "external service"),
    # RACI
    "raci.R": ("Durchführungsverantwortung (R)", "Responsible (R)"),
    "raci.A": ("Ergebnisverantwortung (A)", "Accountable (A)"),
    "raci.C": ("Mitwirkung/Beratung (C)", "Consulted (C)"),
    "raci.I": ("Information (I)", "Informed (I)"),
    # notification channels (Inkenntnissetzung des Personals)
    "notification": ("Inkenntnissetzung des Personals", "staff notification"),
    "channel.Dienstanweisung": ("Dienstanweisung", "service instruction"),
    "channel.Rundschreiben": ("Rundschreiben/Rundverfügung", "circular"),
    "channel.Dienstbesprechung": ("Dienstbesprechung", "staff meeting"),
    "channel.Schulung": ("Schulung", "training"),
    "channel.Intranet": ("Intranet", "intranet"),
    "channel.E-Mail": ("E-Mail", "e-mail"),
    "channel.Umlauf": ("Umlauf mit Kenntnisnahmevermerk", "circulation slip with sign-off"),
    # stakeholder kinds (fixed ids shared by all catalogues)
    "stakeholder.public": ("Öffentlichkeit", "general public"),
    "stakeholder.network_operator": ("Betreiber von Energieversorgungsnetzen", "energy supply network operators"),
    "stakeholder.heat_network_operator": ("Betreiber von Wärmenetzen", "heat network operators"),
    "stakeholder.future_network_operator": ("absehbare künftige Netzbetreiber", "foreseeable future network operators"),
    "stakeholder.municipality": ("Gemeinde/Gemeindeverband", "municipality / association of municipalities"),
    "stakeholder.defence": ("Bundesministerium der Verteidigung", "Federal Ministry of Defence"),
    "stakeholder.toeb": ("Träger öffentlicher Belange", "public bodies whose remit is affected"),
    "stakeholder.renewable_heat_producer": ("Erzeuger erneuerbarer Wärme", "renewable heat producers"),
    "stakeholder.waste_heat_producer": ("Erzeuger unvermeidbarer Abwärme", "waste heat producers"),
    "stakeholder.chimney_sweep": ("bevollmächtigte Bezirksschornsteinfeger", "authorised district chimney sweeps"),
    "stakeholder.lanuv": ("Landesamt (LANUV)", "state agency (LANUV)"),
    "stakeholder.kreis": ("Kreis", "district (Kreis)"),
    "stakeholder.land": ("Land", "federal state (Land)"),
    "stakeholder.planning_consultant": ("Planungsbüro", "planning consultant"),
    "stakeholder.stadtwerke": ("Stadtwerke", "municipal utility"),
    "stakeholder.statistics_office": ("Statistisches Landesamt", "statistics office"),
    "stakeholder.keeper": ("Halter/in", "vehicle keeper"),
    "stakeholder.kba": ("Kraftfahrt-Bundesamt", "Federal Motor Transport Authority"),
    "stakeholder.insurer": ("Versicherer", "insurer"),
    "stakeholder.customs": ("Zollverwaltung", "customs administration"),
    "stakeholder.plate_maker": ("Schilderhersteller", "number plate maker"),
    "stakeholder.inspection_body": ("Prüfstelle (HU)", "inspection body"),
    "stakeholder.post": ("Postdienstleister", "postal service"),
    "stakeholder.police": ("Polizei", "police"),
    "stakeholder.bulk_customer": ("Großkunde", "bulk customer"),
    "stakeholder.it_provider": ("kommunaler IT-Dienstleister", "municipal IT provider"),
    # org unit kinds
    "municipality_kind.Gemeinde": ("Gemeinde", "municipality (Gemeinde)"),
    "municipality_kind.Stadt": ("Stadt", "town (Stadt)"),
    "municipality_kind.Kreis": ("Kreis", "district (Kreis)"),
    "municipality_kind.kreisfreie Stadt": ("kreisfreie Stadt", "district-free city (kreisfreie Stadt)"),
    "org_unit_kind.council": ("Rat", "council"),
    "org_unit_kind.committee": ("Ausschuss", "committee"),
    "org_unit_kind.mayor": ("Bürgermeister/in", "mayor"),
    "org_unit_kind.board": ("Verwaltungsvorstand", "executive board"),
    "org_unit_kind.department": ("Fachbereich", "department"),
    "org_unit_kind.office": ("Amt/Sachgebiet", "office/section"),
    "org_unit_kind.staff_unit": ("Stabsstelle", "staff unit"),
    "org_unit_kind.company": ("kommunales Unternehmen", "municipal company"),
    "org_unit_kind.external": ("externe Stelle", "external body"),
    "org_unit_kind.other": ("sonstige Einheit", "other unit"),
    # deadlines
    "deadline.fixed": ("Frist (Datum)", "deadline (date)"),
    "deadline.relative": ("Frist (relativ)", "period (relative)"),
    "deadline.recurring": ("wiederkehrende Frist", "recurring deadline"),
    "deadline.prompt": ("unbestimmte Frist", "indefinite time limit"),
    "deadline.minimum": ("Mindestfrist", "minimum period"),
    "deadline.unverzüglich": ("unverzüglich", "without undue delay"),
    "deadline.anschließend": ("anschließend", "afterwards"),
    "deadline.frühzeitig und fortlaufend": ("frühzeitig und fortlaufend", "early and continuously"),
    "deadline.legal": ("gesetzliche Frist", "legal deadline"),
    "deadline.planned": ("geplanter Termin", "planned date"),
    # Land options and municipal choices
    "land_option.simplified_procedure": ("vereinfachtes Verfahren", "simplified procedure"),
    "land_option.joint_planning": ("gemeinsame Wärmeplanung", "joint planning"),
    "land_option.notification_procedure": ("Anzeigeverfahren", "notification procedure"),
    "land_option.review_report": ("Übermittlung des Überprüfungsergebnisses", "review report to the Land"),
    "choice.commission_third_party": ("Beauftragung Dritter", "commissioning third parties"),
    "choice.joint_planning": ("gemeinsame Wärmeplanung", "joint planning"),
    "choice.designate_areas": ("Ausweisung von Gebieten", "designation of areas"),
    "choice.simplified_procedure": ("vereinfachtes Verfahren", "simplified procedure"),
    # other terms
    "planning_body": ("planungsverantwortliche Stelle", "planning body"),
    "handlungsgrundlage": ("Handlungsgrundlage", "legal basis"),
    "obligation": ("Pflicht", "obligation"),
    "addressee": ("Adressat", "addressee"),
    "applicability": ("Anwendbarkeit", "applicability"),
    "stakeholders": ("Beteiligte", "stakeholders"),
    "deadlines": ("Fristen", "deadlines"),
    "outputs": ("Ergebnisse", "outputs"),
    "depends_on": ("setzt voraus", "depends on"),
}

_GAPS: dict[str, tuple[_T, _T]] = {
    "G01": (("Fehlende Zuständigkeit", "Missing responsibility"),
            ("Eine Aufgabe oder Pflicht ohne verantwortliche Organisationseinheit oder Rolle, oder ein leeres „A“ "
             "in RACI.",
             "A task or obligation with no responsible lane or role, or an empty “A” in RACI.")),
    "G02": (("Unklare / mehrfache Zuständigkeit (AKV-Prinzip verletzt)", "Unclear or multiple responsibility (AKV)"),
            ("Mehr als eine ergebnisverantwortliche Stelle, oder Aufgabe, Kompetenz und Verantwortung liegen bei "
             "verschiedenen Einheiten.",
             "More than one accountable party, or task, competence and responsibility assigned to different units.")),
    "G03": (("Fehlende Prozessverantwortung / Ergebnisverantwortung", "Missing process ownership"),
            ("Keine Prozessverantwortliche bzw. kein Prozessverantwortlicher für den Gesamtprozess.",
             "No process owner for the end-to-end process.")),
    "G04": (("Mangelnde Prozesstransparenz", "Lack of process transparency"),
            ("Beteiligte kennen vor- oder nachgelagerte Schritte nicht; der Bearbeitungsstand ist nicht "
             "nachvollziehbar.",
             "Participants do not know the upstream or downstream steps; the case status is not traceable.")),
    "G05": (("Medienbruch", "Media break"),
            ("Ein Datenobjekt wechselt zwischen Aktivitäten das Medium (Papier ↔ digital, E-Mail/Excel ↔ "
             "Fachverfahren); Doppelerfassung.",
             "A data object changes medium between activities (paper ↔ digital, e-mail/Excel ↔ system); re-keying.")),
    "G06": (("Unnötige Schnittstelle / Liegezeit", "Unnecessary hand-off / waiting time"),
            ("Übergaben zwischen Einheiten ohne Mehrwert; lange Liegezeiten.",
             "Hand-offs between units without added value; long waiting times.")),
    "G07": (("Fehlende Ressource", "Missing resource"),
            ("Eine Aufgabe ohne zugeordnetes Personal (VZÄ), Haushaltsmittel (Produkt/Haushaltsstelle) oder IT-System.",
             "A task without assigned staff (FTE), budget (budget line) or IT system.")),
    "G08": (("Fehlende Beteiligung", "Missing stakeholder involvement"),
            ("Eine nach der Handlungsgrundlage zu beteiligende Stelle (z. B. Netzbetreiber nach § 7 Abs. 2 WPG) hat "
             "keinen Nachrichtenfluss.",
             "A stakeholder required by the legal basis (e.g. network operators, § 7 Abs. 2 WPG) has no message "
             "flow.")),
    "G09": (("Fristrisiko", "Deadline risk"),
            ("Eine gesetzliche Frist hat keinen Timer und kein Fristattribut, oder der geplante Termin liegt nach der "
             "gesetzlichen Frist (z. B. § 4 Abs. 2 WPG).",
             "A legal deadline has no timer or deadline attribute, or the planned date is after the legal deadline.")),
    "G10": (("Fehlende Inkenntnissetzung des Personals", "Missing staff notification"),
            ("Eine neue oder geänderte Pflicht hat vor dem Start des SOLL-Prozesses keinen internen "
             "Informationsschritt (Dienstanweisung, Schulung, Kenntnisnahme).",
             "A new or changed obligation has no internal notification step before the to-be process goes live.")),
    "G11": (("Fehlende Handlungsgrundlage", "Missing legal basis"),
            ("Eine Aktivität ohne rechtliche oder interne Grundlage (FIM verlangt die Rückführbarkeit auf Normen).",
             "An activity with no legal or internal basis reference (FIM requires traceability to norms).")),
    "G12": (("Uneinheitliche Prozesse (interkommunale Varianz)", "Inconsistent processes (inter-municipal variance)"),
            ("Derselbe Referenzprozess wird in den Kommunen unterschiedlich umgesetzt (Abgleich der Lokalprozesse mit "
             "dem Referenzprozess).",
             "The same reference process is implemented differently across municipalities.")),
    "G13": (("Fehlende Veröffentlichung / Information", "Missing publication or information"),
            ("Eine Veröffentlichungspflicht (§ 13 Abs. 2, § 23 Abs. 3 WPG) ist nicht modelliert.",
             "A publication duty (§ 13 Abs. 2, § 23 Abs. 3 WPG) is not modelled.")),
    "G14": (("Datenschutzrisiko", "Data protection risk"),
            ("Personenbezogene Gebäudedaten werden veröffentlicht oder in der Potenzialanalyse verwendet "
             "(§ 10 Abs. 1 Satz 3, § 10 Abs. 2, § 12 WPG).",
             "Personal building data is published or used in the potential analysis (§ 10, § 12 WPG).")),
    "G15": (("Redundante / nicht wertschöpfende Tätigkeit", "Redundant or non-value-adding activity"),
            ("Eine Tätigkeit, die doppelt vorkommt oder nichts zum Ergebnis beiträgt.",
             "A task that appears twice or adds nothing to the output.")),
}

GAP_CATEGORIES: tuple[str, ...] = tuple(_GAPS)
"""Codes G01 … G15."""


def term(key: str, lang: Lang = DEFAULT_LANG, *, default: str | None = None) -> str:
    """The wording of a glossary key in ``lang``; ``default`` (or KeyError) for unknown keys."""
    pair = TERMS.get(key)
    if pair is None:
        if default is not None:
            return default
        raise KeyError(f"unknown glossary key {key!r}")
    return pair[0] if lang == "de" else pair[1]


def terms_in(group: str) -> dict[str, _T]:
    """All entries of one group, keyed by the id after the dot (``terms_in("raci")`` → {"R": …})."""
    prefix = f"{group}."
    return {key[len(prefix):]: pair for key, pair in TERMS.items() if key.startswith(prefix)}


def gap_category(code: str, lang: Lang = DEFAULT_LANG) -> GapCategory:
    """Name and definition of a gap category (``"G08"``) in ``lang``; KeyError for unknown codes."""
    names, definitions = _GAPS[code.upper()]
    index = 0 if lang == "de" else 1
    return GapCategory(code.upper(), names[index], definitions[index])
