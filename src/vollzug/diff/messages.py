"""Texte des Vergleichs (German default, English with ``--lang en``)."""

from __future__ import annotations

from vollzug.diff.changes import Relation
from vollzug.i18n import Msg
from vollzug.vocabulary import DIFF_HEADINGS

RELATION_PHRASE: dict[Relation, Msg] = {
    "sequence": Msg("läuft „{a}“ vor „{b}“", "“{a}” runs before “{b}”"),
    "reverse": Msg("läuft „{a}“ nach „{b}“", "“{a}” runs after “{b}”"),
    "parallel": Msg("laufen „{a}“ und „{b}“ parallel", "“{a}” and “{b}” run in parallel"),
    "exclusive": Msg("schließen sich „{a}“ und „{b}“ gegenseitig aus", "“{a}” and “{b}” exclude each other"),
    "loop": Msg("wiederholen sich „{a}“ und „{b}“ in einer Schleife", "“{a}” and “{b}” repeat in a loop"),
}
"""How a relation of two activities reads in a sentence."""

BEHAVIOUR = Msg("In {left} {left_phrase}, in {right} {right_phrase}.",
                "In {left} {left_phrase}; in {right} {right_phrase}.")

STAKEHOLDER_ADDED = Msg("Beteiligte/r „{name}“ ({kind}) kommt hinzu.", "Stakeholder “{name}” ({kind}) is added.")
STAKEHOLDER_REMOVED = Msg("Beteiligte/r „{name}“ ({kind}) entfällt.", "Stakeholder “{name}” ({kind}) is dropped.")
INVOLVEMENT_CHANGED = Msg("Beteiligung von „{name}“: {left} → {right}.", "Involvement of “{name}”: {left} → {right}.")
MESSAGE_FLOW_ADDED = Msg("Nachrichtenfluss {source} → {target} kommt hinzu{label}.",
                         "Message flow {source} → {target} is added{label}.")
MESSAGE_FLOW_REMOVED = Msg("Nachrichtenfluss {source} → {target} entfällt{label}.",
                           "Message flow {source} → {target} is dropped{label}.")
NOTIFICATION_ADDED = Msg("„{name}“: Inkenntnissetzung kommt hinzu ({channel}).",
                         "“{name}”: staff notification is added ({channel}).")
NOTIFICATION_REMOVED = Msg("„{name}“: Inkenntnissetzung entfällt ({channel}).",
                           "“{name}”: staff notification is dropped ({channel}).")
NOTIFICATION_CHANGED = Msg("„{name}“: Inkenntnissetzung geändert ({what}).",
                           "“{name}”: staff notification changed ({what}).")
DEADLINE_ADDED = Msg("„{name}“: Frist kommt hinzu ({value}).", "“{name}”: deadline is added ({value}).")
DEADLINE_REMOVED = Msg("„{name}“: Frist entfällt ({value}).", "“{name}”: deadline is dropped ({value}).")
OBLIGATION_ADDED = Msg("„{name}“ erfüllt jetzt auch Pflicht {subject}.",
                       "“{name}” now also fulfils obligation {subject}.")
OBLIGATION_REMOVED = Msg("„{name}“ erfüllt Pflicht {subject} nicht mehr.",
                         "“{name}” no longer fulfils obligation {subject}.")
CITATION_ADDED = Msg("„{name}“: Handlungsgrundlage {subject} kommt hinzu.",
                     "“{name}”: legal basis {subject} is added.")
CITATION_REMOVED = Msg("„{name}“: Handlungsgrundlage {subject} entfällt.",
                       "“{name}”: legal basis {subject} is dropped.")

HEADINGS: dict[str, Msg] = {
    "title": Msg("Vergleich {left} ↔ {right}", "Comparison {left} ↔ {right}"),
    "equal": Msg("Keine Unterschiede.", "No differences."),
    "matches": Msg("Zuordnungen", "Matches"),
    **{k: v for k, v in DIFF_HEADINGS.items() if k != "behaviour"},
    "resources": Msg("Ressourcen", "Resources"),
    "domain": Msg("Beteiligte, Fristen, Pflichten, Inkenntnissetzung", "Stakeholders, deadlines, obligations, notices"),
    "behaviour": DIFF_HEADINGS["behaviour"],
    "similarity": Msg("Ähnlichkeit", "Similarity"),
    "unmatched": Msg("Ohne Partner", "Unmatched"),
    "possible": Msg("Mögliche Entsprechungen (unsicher, nicht als Änderung gewertet)",
                    "Possible correspondences (uncertain, not treated as a change)"),
}
"""Section headings of the text, Markdown and HTML reports."""

SIMILARITY_NAMES: dict[str, Msg] = {
    "node": Msg("Knotenzuordnung", "node matching"),
    "structural": Msg("Struktur (Graph-Editierdistanz)", "structural (graph edit distance)"),
    "behavioural": Msg("Verhalten (Verhaltensprofil)", "behavioural (behavioural profile)"),
    "overall": Msg("Gesamt", "overall"),
}

SHIFT = Msg("„{name}“: {left_lane} → {right_lane}", "“{name}”: {left_lane} → {right_lane}")
SHIFT_SAME_LANE = Msg("„{name}“ (bleibt in {lane}): RACI ändert sich", "“{name}” (stays in {lane}): RACI changes")
CONSULTED = Msg("C/I: {changes}", "C/I: {changes}")
ACCOUNTABLE = Msg("A: {left} → {right}", "A: {left} → {right}")
RESPONSIBLE = Msg("R: {left} → {right}", "R: {left} → {right}")
TOTALS = Msg("Summe VZÄ {left_fte} → {right_fte}; Mittel {left_eur} → {right_eur}",
             "Total FTE {left_fte} → {right_fte}; funds {left_eur} → {right_eur}")

RESOURCE_KIND: dict[str, Msg] = {
    "staff": Msg("Personal", "staff"), "budget": Msg("Budget", "budget"), "it_system": Msg("IT-System", "IT system"),
    "data_source": Msg("Datenquelle", "data source"), "external_service": Msg("Fremdleistung", "external service"),
}
"""Resource kinds in reports."""

MEASURE: dict[str, Msg] = {
    "fte": Msg("VZÄ", "FTE"), "eur": Msg("Betrag", "amount"), "presence": Msg("vorhanden", "present"),
}
"""Measures of resource deltas in reports."""

PRESENCE: dict[bool, Msg] = {True: Msg("vorhanden", "present"), False: Msg("fehlt", "missing")}
"""Whether an IT system or data source is there (resource deltas of measure ``presence``)."""

RELATION_TO: dict[Relation, Msg] = {
    "sequence": Msg("vor", "before"), "reverse": Msg("nach", "after"),
    "parallel": Msg("parallel zu", "in parallel with"),
    "exclusive": Msg("alternativ zu", "as an alternative to"), "loop": Msg("in einer Schleife mit", "in a loop with"),
}
"""How one activity relates to several others (grouped behavioural deltas)."""

BEHAVIOUR_GROUP = Msg(
    "„{name}“ läuft in {left} {left_rel} {n} Schritten, in {right} {right_rel} ihnen: {others}.",
    "“{name}” runs {left_rel} {n} steps in {left}, {right_rel} them in {right}: {others}.")
"""One activity whose relation to many others changed the same way."""
