"""Bilingual (German/English) vocabulary of municipal administrative procedures, as matching data.

Source: written by the vollzug authors from general knowledge of German administrative procedures (applications,
permits, notices, participation, publication, fees, registers) and their usual English renderings; not copied from
any list. Each entry maps a *concept* (the canonical stem the normaliser emits, German where
:mod:`vollzug.diff.normalize` already has one) to the folded words (lower case, umlauts as ae/oe/ue, ß as ss) that
express it. Words are listed as written in labels (singular, plural, participles where they differ); the normaliser
looks a word up as is and after removing a plural or participle ending. A word belongs to one concept only.

``ACTIONS`` names the concepts that say what is *done* with an object, grouped in classes: two steps about the
same object but with actions of different classes ("publish the analysis" / "carry out the analysis") are
different steps.
"""

from __future__ import annotations

CONCEPTS: dict[str, tuple[str, ...]] = {
    # --- actions ---
    "pruef": ("pruefen", "pruefung", "geprueft", "ueberpruefen", "ueberpruefung", "check", "checks", "checked",
              "checking",
              "review", "reviewed", "verify", "verified", "verification", "examine", "examined", "inspect",
              "inspected", "besichtigen", "besichtigung", "kontrollieren", "kontrolliert", "sichten", "sichtung"),
    "bewert": ("bewerten", "bewertung", "auswerten", "auswertung", "evaluate", "evaluation", "beurteilen",
               "beurteilung", "appraise", "appraisal"),
    "veroeffentlich": ("publish", "published", "publishing", "publication", "announce", "announced",
                       "announcement", "website", "internet", "homepage", "amtsblatt", "gazette",
                       "bekanntmachen", "ortsueblich", "publizieren", "veroeffentlichen", "veroeffentlichung"),
    "informier": ("inform", "informed", "notify", "notified", "advise", "unterrichten", "benachrichtigen",
                  "benachrichtigung", "mitteilen", "mitteilung", "informieren", "information", "melden", "meldung"),
    "beteilig": ("involve", "involved", "involvement", "consult", "consulted", "consulting", "consultation",
                 "participation", "participate", "hear", "hearing", "anhoerung", "anhoeren", "beteiligen",
                 "beteiligung", "einbinden", "einbindung"),
    "anford": ("anfordern", "anforderung", "nachfordern", "nachforderung", "einholen", "ask", "asks", "solicit",
               "nachreichen", "fordern"),
    "ausstell": ("issue", "issued", "issuing", "grant", "granted", "erteilen", "erteilung", "ausstellen",
                 "ausstellung", "erlassen"),
    "ablehn": ("ablehnen", "ablehnung", "reject", "rejected", "rejection", "refuse", "refused", "refusal", "deny",
               "denied", "denial", "versagen", "versagung", "zurueckweisen", "zurueckweisung"),
    "versend": ("send", "sends", "sent", "dispatch", "dispatched", "mail", "transmit", "transmitted", "forward",
                "forwarded", "deliver", "delivered", "uebermitteln", "uebermittlung", "uebersenden", "versenden",
                "versand", "zustellen", "zustellung", "weiterleiten", "weiterleitung"),
    "eingang": ("eingang", "eingegangen", "eingehen", "empfang", "empfangen", "receive", "received", "receiving",
                "receipt", "arrive", "arrived",
                "submit", "submitted", "einreichen", "eingereicht", "einreichung", "vorliegen"),
    "erfass": ("erfassen", "erfasst", "erfassung", "eintragen", "eintrag", "eintragung", "record", "recorded",
               "enter", "entered", "capture", "captured", "registrieren", "registriert", "input"),
    "berechn": ("berechnen", "berechnung", "calculate", "calculated", "calculation", "compute", "computation",
                "kalkulieren", "festsetzen", "festsetzung"),
    "zahl": ("zahlen", "zahlung", "auszahlen", "auszahlung", "pay", "paid", "payment", "payout", "disburse",
             "disbursement", "ueberweisen", "ueberweisung", "bezahlen"),
    "freigeb": ("freigeben", "freigabe", "release", "released", "sign", "signoff", "abzeichnen", "zeichnen"),
    "bestaetig": ("bestaetigen", "bestaetigung", "confirm", "confirmed", "confirmation", "acknowledge",
                  "acknowledged", "acknowledgement", "acknowledgment", "quittung", "quittieren"),
    "aender": ("aendern", "aenderung", "aenderungen", "change", "changes", "changed", "amend", "amended",
               "amendment", "revise", "revised", "revision", "ueberarbeiten", "ueberarbeitung", "anpassen",
               "anpassung"),
    "abschliess": ("close", "closed", "closure", "end", "ende", "ended", "completed",
                   "beenden", "beendet", "abgeschlossen",
                   "abschliessen",
                   "erledigt", "done", "finished", "concluded"),
    # --- objects and parties ---
    "unterlag": ("unterlage", "unterlagen", "dokument", "dokumente", "document", "documents", "nachweis",
                 "nachweise", "evidence", "proof", "proofs", "papers", "attachment", "attachments", "anlage",
                 "anlagen", "beleg", "belege"),
    "vollstaendig": ("vollstaendig", "vollstaendigkeit", "completeness", "unvollstaendig", "incomplete"),
    "fehl": ("fehlen", "fehlend", "fehlende", "fehlender", "missing", "lacking", "absent"),
    "antragstell": ("antragsteller", "antragstellerin", "antragstellende", "applicant", "applicants"),
    "bescheid": ("bescheid", "bescheide", "notice", "notices", "ruling", "verfuegung"),
    "erlaubnis": ("erlaubnis", "genehmigung", "genehmigen", "bewilligung", "bewilligen", "licence", "license",
                  "licences", "licenses", "permit", "permits", "permission", "authorisation", "authorization",
                  "approval", "konzession"),
    "gebuehr": ("gebuehr", "gebuehren", "fee", "fees", "charge", "charges", "kosten", "costs", "entgelt"),
    "rechnung": ("rechnung", "invoice", "invoices", "bill", "billing"),
    "behoerd": ("behoerde", "behoerden", "authority", "authorities", "agency", "agencies", "fachbehoerde",
                "traeger"),
    "kommun": ("gemeinde", "kommune", "municipality", "municipal", "municipalities", "kommunal", "town", "city",
               "stadt", "einvernehmen"),
    "stellungnahm": ("statement", "statements", "opinion", "opinions", "stellungnahme", "stellungnahmen"),
    "amt": ("office", "offices", "amt", "aemter", "department", "dienststelle"),
    "steuer": ("tax", "taxes", "steuer", "steuern"),
    "kammer": ("chamber", "chambers", "kammer", "kammern"),
    "statist": ("statistics", "statistical", "statistik", "statistisch", "statistische"),
    "land": ("state", "land", "laender", "bundesland"),
    "polizei": ("police", "polizei"),
    "strass": ("road", "roads", "street", "streets", "highway", "highways", "strasse", "strassen", "tiefbau"),
    "verkehr": ("traffic", "verkehr"),
    "nutz": ("use", "usage", "nutzung", "nutzen"),
    "sonder": ("special", "sonder"),
    "auflag": ("auflage", "auflagen", "condition", "conditions", "requirement", "requirements"),
    "einhalt": ("einhaltung", "einhalten", "compliance", "comply", "adherence", "conformity", "konformitaet"),
    "ort": ("site", "sites", "location", "ort", "vorort"),
    "vorgang": ("vorgang", "case", "cases", "akte", "akten", "file", "files"),
    "einkommen": ("einkommen", "income", "earnings"),
    "miet": ("miete", "mieten", "rent", "rents", "rental"),
    "wohn": ("wohnung", "wohnen", "housing", "dwelling", "residence"),
    "leist": ("leistung", "leistungen", "benefit", "benefits", "sozialleistung"),
    "gebaeud": ("gebaeude", "bau", "bauvorhaben", "building", "buildings", "construction"),
    "entwickl": ("entwicklung", "entwickeln", "development", "develop"),
    "satzung": ("satzung", "satzungen", "bylaw", "bylaws", "byelaw", "statute", "ordinance"),
    "fruehzeitig": ("fruehzeitig", "fruehzeitige", "early"),
    "begruend": ("begruendung", "explanatory", "justification", "reasons", "rationale"),
    "auslegen": ("exhibition", "exhibit", "exhibited", "offenlage", "auslegung", "auslegen", "offenlegen"),
    "gewerb": ("gewerbe", "gewerbes", "trade", "business", "businesses"),
    "anmeld": ("anmeldung", "anmelden", "angemeldet", "registration", "registrations", "register", "registered"),
    "tragwerk": ("tragwerk", "statik", "structural", "standsicherheit"),
    "formal": ("formal", "formell", "formelle", "formale"),
    "ergebnis": ("ergebnis", "ergebnisse", "result", "results", "outcome", "outcomes"),
}
"""Concept → folded words expressing it (German and English)."""

PHRASES: dict[str, str] = {
    "online stellen": "veroeffentlichen", "online gestellt": "veroeffentlichen", "ins netz stellen": "veroeffentlichen",
    "ins internet stellen": "veroeffentlichen", "bekannt machen": "bekanntmachen", "bekannt gemacht": "bekanntmachen",
    "put online": "publish", "post online": "publish", "make public": "publish", "zur kenntnis geben": "informieren",
    "carry out": "conduct", "carried out": "conduct", "sign off": "signoff",
}
"""Folded multi-word expressions → one word of :data:`CONCEPTS` (replaced before the label is split into words)."""

ACTIONS: dict[str, str] = {
    "veroeffentlich": "communicate", "informier": "communicate", "versend": "communicate",
    "pruef": "examine", "bewert": "examine", "abwaeg": "examine",
    "beschliess": "decide", "ausstell": "decide", "ablehn": "decide",
    "erstell": "produce", "entwurf": "produce", "berechn": "produce", "erheb": "produce", "erfass": "produce",
    "beteilig": "involve", "anford": "involve",
    "zahl": "pay", "gebuehr": "pay", "anzeig": "communicate",
}
"""Action concept → its class. Classes, not concepts, are compared: "check" and "evaluate" are one kind of work."""

COMMUNICATING: frozenset[str] = frozenset({"communicate"})
"""Action classes that make a step *about* another step's result (publishing or announcing it): such a step and the
step that produced the result share their object words but are not the same step."""


def word_table() -> dict[str, str]:
    """Folded word → concept (checked: no word in two concepts)."""
    table: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for word in words:
            if table.get(word, concept) != concept:
                raise ValueError(f"lexicon word {word!r} in two concepts: {table[word]}, {concept}")
            table[word] = concept
    return table
