"""Abdeckung (``vollzug law coverage``): which normative Sätze of a law no obligation of a catalogue cites, and which
obligations cite only non-normative text; and the draft catalogue (``vollzug law draft``) for a law without one."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from vollzug.i18n import Lang, Msg
from vollzug.law.catalogue import load_catalogue
from vollzug.law.citation import CitationError, parse_citation
from vollzug.law.grounding import catalogue_version
from vollzug.law.normative import Detection, detect_tree
from vollzug.law.normtree import TreeIndex, iter_units, lookup
from vollzug.law.tables import Report, Table
from vollzug.law.texts import tree_for
from vollzug.model.law import Catalogue
from vollzug.model.normtree import NormTree

__all__ = ["CoverageResult", "coverage", "coverage_report", "draft_catalogue"]


@dataclass(slots=True)
class LawCoverage:
    """Coverage of one law's text by one catalogue."""

    tree: NormTree
    detections: list[Detection]
    covered: set[str] = field(default_factory=set)
    """Addresses of the Sätze some obligation cites."""
    non_normative: list[tuple[str, str, str]] = field(default_factory=list)
    """(obligation id, citation, "erlaubnis" or "keine") whose cited units contain no obligation-bearing Satz:
    only a permission (expected for optional duties and Land options) or no normative text at all."""

    @property
    def citing_nothing(self) -> list[tuple[str, str, str]]:
        """Obligation citations of text that is neither obligation nor permission."""
        return [item for item in self.non_normative if item[2] == "keine"]

    @property
    def normative(self) -> list[Detection]:
        """The obligation-bearing Sätze."""
        return [d for d in self.detections if d.normative]

    @property
    def uncovered(self) -> list[Detection]:
        """Normative Sätze no obligation cites."""
        return [d for d in self.normative if d.unit.address not in self.covered]


@dataclass(slots=True)
class CoverageResult:
    """Coverage of every law of a catalogue that has a shipped text."""

    catalogue: str
    laws: list[LawCoverage] = field(default_factory=list)


def _sentences_under(index: TreeIndex, text: str) -> list[str] | None:
    """Addresses of the Sätze a citation designates (None if it does not parse or names another law)."""
    try:
        citation = parse_citation(text)
    except CitationError:
        return None
    if citation.law != index.tree.law:
        return None
    found = lookup(index, citation)
    return [u.address for u in iter_units(found.units) if u.kind == "S"]


def coverage(catalogue_ref: str) -> CoverageResult:
    """Coverage of the catalogue's laws (the text version the catalogue refers to)."""
    catalogue = load_catalogue(catalogue_ref)
    result = CoverageResult(catalogue.id)
    for law in catalogue.laws:
        tree = tree_for(law.id, catalogue_version(catalogue, law.id))
        if tree is None:
            continue
        index = TreeIndex(tree)
        item = LawCoverage(tree, detect_tree(tree))
        normative = {d.unit.address for d in item.normative}
        permissions = {d.unit.address for d in item.detections if d.modality == "erlaubnis"}
        for ob in catalogue.obligations:
            texts = [*ob.citations, *(s.citation for s in ob.stakeholders if s.citation),
                     *(d.citation for d in ob.deadlines if d.citation)]
            for text in dict.fromkeys(texts):
                sentences = _sentences_under(index, text)
                if sentences is None:
                    continue
                item.covered.update(sentences)
                if text in ob.citations and sentences and not normative.intersection(sentences):
                    kind = "erlaubnis" if permissions.intersection(sentences) else "keine"
                    item.non_normative.append((ob.id, text, kind))
        result.laws.append(item)
    return result


def coverage_report(result: CoverageResult, lang: Lang) -> Report:
    """Counts per law and per §, the uncovered normative Sätze, the obligations citing non-normative text."""
    lines: list[str] = []
    tables: list[Table] = []
    data: dict[str, Any] = {"kind": "law_coverage", "catalogue": result.catalogue, "laws": []}
    for item in result.laws:
        normative, uncovered = item.normative, item.uncovered
        share = (len(normative) - len(uncovered)) / len(normative) if normative else 1.0
        lines.append(Msg("{law} ({version}): {n} normative Sätze (Pflicht, Soll, Verbot), davon {c} von Pflichten "
                         "zitiert ({p} %); Pflichtzitate nur auf Erlaubnisnormen: {e}, auf nicht-normativen Text: {x}.",
                         "{law} ({version}): {n} normative sentences (obligation, soll, prohibition), {c} cited by "
                         "obligations ({p} %); obligation citations of permissions only: {e}, of non-normative "
                         "text: {x}.")(
            lang, law=item.tree.law, version=item.tree.version.id, n=len(normative),
            c=len(normative) - len(uncovered), p=f"{100 * share:.0f}",
            e=len(item.non_normative) - len(item.citing_nothing), x=len(item.citing_nothing)))
        per_norm: dict[str, Counter[str]] = {}
        for d in normative:
            norm = d.unit.address.split(":", 1)[1].split("/", 1)[0]
            per_norm.setdefault(norm, Counter())["n"] += 1
            per_norm[norm]["c"] += d.unit.address in item.covered
        law = item.tree.law
        tables.append(Table(Msg("{law}: Abdeckung je Vorschrift", "{law}: coverage per provision")(lang, law=law),
                            [Msg("Vorschrift", "Provision")(lang), Msg("normativ", "normative")(lang),
                             Msg("zitiert", "cited")(lang)],
                            [[n.replace("§", "§ ").replace("Anl", "Anlage "), str(c["n"]), str(c["c"])]
                             for n, c in per_norm.items()]))
        tables.append(Table(Msg("{law}: normative Sätze ohne Pflicht",
                                "{law}: normative sentences no obligation cites")(lang, law=law),
            [Msg("Einheit", "Unit")(lang), Msg("Modalität", "Modality")(lang), Msg("Adressat", "Addressee")(lang),
             Msg("Text", "Text")(lang)],
            [[d.unit.citation, d.modality, d.addressee or "?", d.unit.text] for d in uncovered]))
        tables.append(Table(Msg("{law}: Pflichten mit Zitat auf nicht-normativen Text",
                                "{law}: obligations citing non-normative text")(lang, law=item.tree.law),
                            [Msg("Pflicht", "Obligation")(lang), Msg("Zitat", "Citation")(lang),
                             Msg("Zitierter Text ist", "Cited text is")(lang)],
                            [[ob, text, Msg("nur Erlaubnis (kann/darf/ermächtigt)", "permission only")(lang)
                              if kind == "erlaubnis" else Msg("nicht normativ", "not normative")(lang)]
                             for ob, text, kind in item.non_normative]))
        data["laws"].append({
            "law": item.tree.law, "version": item.tree.version.id, "normative": len(normative),
            "covered": len(normative) - len(uncovered), "share": round(share, 4),
            "uncovered": [{"address": d.unit.address, "citation": d.unit.citation, "modality": d.modality,
                           "addressee": d.addressee, "text": d.unit.text} for d in uncovered],
            "non_normative_citations": [{"obligation": ob, "citation": text, "cited": kind}
                                        for ob, text, kind in item.non_normative],
        })
    title = Msg("Abdeckung des Gesetzestexts durch den Katalog {c}", "Coverage of the law text by catalogue {c}")(
        lang, c=result.catalogue)
    return Report(title, lines, tables, data)


# -------------------------------------------------------------------------------------------------- draft

_KINDS: tuple[tuple[str, str], ...] = (
    ("participation", r"\bbeteilig|Stellungnahme|Einsichtnahme"),
    ("publication", r"veröffentlich|bekanntzumachen|bekannt zu machen|im Internet"),
    ("information_duty", r"mitzuteilen|mitteil|unterricht|anzuzeigen|anzeig|übermittel|berichte"),
    ("decision", r"beschlossen|beschließ|entscheid|Entscheidung|Bescheid"),
    ("data_duty", r"\bDaten\b|erheben|erhoben|speicher|lösch"),
    ("review", r"überprüf|fortzuschreiben|Fortschreibung|Evaluierung"),
)
_MONTHS = {m: i for i, m in enumerate(("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                       "September", "Oktober", "November", "Dezember"), 1)}


def _slug(text: str) -> str:
    table: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
    ascii_text = text.lower().translate(str.maketrans(table))
    return re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_") or "unbestimmt"


def _fixed_date(deadline: str) -> dt.date | None:
    m = re.search(r"(\d{1,2})\.\s+([A-ZÄÖÜ][a-zä]+)\s+(\d{4})", deadline)
    if m and m.group(2) in _MONTHS and "bis" in deadline:
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
        except ValueError:
            return None
    return None


def _population(threshold: str) -> dict[str, Any] | None:
    m = re.match(r"(mehr als|weniger als|mindestens|höchstens)\s+([\d  .]+)\s+Einwohner", threshold)
    if not m:
        m2 = re.match(r"([\d  .]+)\s+Einwohner\w*\s+oder\s+weniger", threshold)
        if not m2:
            return None
        return {"kind": "population", "op": "le", "value": int(re.sub(r"\D", "", m2.group(1)))}
    op = {"mehr als": "gt", "weniger als": "lt", "mindestens": "ge", "höchstens": "le"}[m.group(1)]
    return {"kind": "population", "op": op, "value": int(re.sub(r"\D", "", m.group(2)))}


def _title(d: Detection) -> str:
    text = d.unit.text
    cut = re.split(r"(?<=[,;:])\s", text, maxsplit=1)[0]
    return (cut if len(cut) <= 110 else cut[:109] + "…").rstrip(",;:")


def draft_catalogue(tree: NormTree, catalogue_id: str | None = None) -> dict[str, Any]:
    """A draft catalogue (the shape of :class:`~vollzug.model.law.Catalogue`) with one obligation per normative
    Satz: addressee, modality, deadline and threshold found, exact citation; every obligation ``verified: false``
    for the analyst to review."""
    cid = catalogue_id or re.sub(r"\W+", "", tree.law).upper() or "DRAFT"
    detections = [d for d in detect_tree(tree) if d.normative]
    addressees: dict[str, str] = {}
    obligations: list[dict[str, Any]] = []
    for number, d in enumerate(detections, 1):
        citation = d.unit.citation
        if "/Ziff" in d.unit.address:  # the citation grammar has no "Ziffer": cite the Anlage, name the place
            citation = d.unit.address.split("/", 1)[0].replace(f"{tree.law}:Anl", "Anlage ") + f" {tree.law}"
        name = d.addressee or "unbestimmt (bitte prüfen)"
        key = _slug(d.addressee) if d.addressee else "unbestimmt"
        addressees[key] = name
        kind = next((k for k, pattern in _KINDS if re.search(pattern, d.unit.text)), "task")
        deadlines: list[dict[str, Any]] = []
        for phrase in d.deadlines:
            date = _fixed_date(phrase)
            if date is not None:
                deadlines.append({"kind": "fixed", "date": date.isoformat(), "citation": citation})
            elif re.fullmatch(r"unverzüglich|frühzeitig(?: und fortlaufend)?|rechtzeitig|zeitnah|alsbald", phrase):
                deadlines.append({"kind": "prompt", "term": phrase, "citation": citation})
        applicability = [c for t in d.thresholds if (c := _population(t)) is not None]
        notes = [f"Modalität: {d.modality}", f"Stelle: {d.unit.citation}"]
        notes += [f"Frist im Text: {p}" for p in d.deadlines]
        notes += [f"Schwelle im Text: {t}" for t in d.thresholds]
        notes.append(f"Wortlaut: {d.unit.text}")
        item: dict[str, Any] = {
            "id": f"{cid}.D{number:03d}", "title": _title(d), "citations": [citation], "addressee": key,
            "kind": kind, "verified": False, "note": " | ".join(notes),
        }
        if d.modality == "soll":
            item["optional"] = False
        if deadlines:
            item["deadlines"] = deadlines
        if applicability:
            item["applicability"] = applicability
        obligations.append(item)
    index = TreeIndex(tree)
    norms = [{"citation": n.citation, "title": n.title or "(ohne Überschrift)"} for n in index.norms]
    version = tree.version
    draft: dict[str, Any] = {
        "id": cid,
        "title": f"Entwurf: {tree.title} ({tree.law}) – automatisch erzeugt, bitte prüfen",
        "laws": [{
            "id": tree.law, "title": tree.title, "versions": [{
                "id": version.id, "title": f"{tree.law}, {version.amended_by or tree.gazette}",
                "in_force": (version.in_force or tree.issued or dt.date(1970, 1, 1)).isoformat(),
                "gazette": tree.gazette}],
            "norms": norms,
        }],
        "addressees": addressees,
        "obligations": obligations,
    }
    Catalogue.model_validate(draft)  # the draft must load as a catalogue
    return draft
