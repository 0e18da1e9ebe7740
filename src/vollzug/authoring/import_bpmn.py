"""Import a BPMN file drawn in a modeller (bpmn.io, Camunda, Signavio …) as an authoring model.

Our ``vz:`` extension is used where present (the BPMN reader decodes it); in a file written by vollzug (with
``vz:model``) steps are taken as they are. Everything else is guessed, and every
guess is reported as a :class:`Decision` (element, decision, reason) so that the author can check it:

* a step without ``vz:step`` gets the citations found in its name and documentation, and the obligations of the
  catalogue those citations point to (unless a citation matches more than two obligations: ambiguous);
* its lane becomes the responsible unit (R) and, if the lane is not nested in another lane, also accountable (A);
* a send task / message-throw event whose message flows reach steps of the municipality's own pool, or whose
  name says Dienstanweisung, Rundschreiben, Schulung, … becomes a staff notification (Inkenntnissetzung);
* a pool without ``vz:stakeholder`` gets a stakeholder kind guessed from its name (Netzbetreiber →
  network_operator, Öffentlichkeit → public, Schornsteinfeger → chimney_sweep, …);
* a lane without ``vz:orgUnit`` gets an org-unit kind guessed from its name (Rat → council, FB → department, …);
* without ``vz:model`` the law is taken from the citations found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vollzug.authoring.import_losses import Losses
from vollzug.bpmn.extension import VZ
from vollzug.diagnostics import Diagnostic
from vollzug.model.process import Notification, OperationalModel, RaciAssignment, Step

STAKEHOLDER_KINDS: tuple[tuple[str, str], ...] = (
    (r"wärmenetz|fernwärme", "heat_network_operator"),
    (r"künftig|zukünftig", "future_network_operator"),
    (r"netzbetreiber|netzgesellschaft|verteilnetz|energieversorgungsnetz", "network_operator"),
    (r"öffentlichkeit|bürger|einwohner|anwohner", "public"),
    (r"schornsteinfeger|kehrbezirk", "chimney_sweep"),
    (r"bundeswehr|bmvg|verteidigung|streitkräfte", "defence"),
    (r"träger öffentlicher belange|\btöb\b", "toeb"),
    (r"abwärme", "waste_heat_producer"),
    (r"erneuerbar|biogas|solarthermie|geothermie", "renewable_heat_producer"),
    (r"lanuv|landesamt", "lanuv"),
    (r"\bkreis\b|kreisverwaltung", "kreis"),
    (r"\bland\b|ministerium|bezirksregierung", "land"),
    (r"planungsbüro|ingenieurbüro|berater|dienstleister", "planning_consultant"),
    (r"stadtwerke", "stadtwerke"),
    (r"statistik|it\.nrw", "statistics_office"),
    (r"nachbargemeinde|gemeindeverband|\bgemeinde\b", "municipality"),
    (r"halter|antragsteller", "keeper"),
    (r"kraftfahrt-bundesamt|\bkba\b", "kba"),
    (r"versicher", "insurer"),
    (r"\bzoll", "customs"),
    (r"schilder", "plate_maker"),
    (r"\btüv\b|\bdekra\b|prüforganisation|prüfstelle", "inspection_body"),
    (r"polizei", "police"),
    (r"\bpost\b", "post"),
    (r"großkunde|autohaus|händler", "bulk_customer"),
)
"""Name pattern (lower case, first match wins) → stakeholder kind id of the catalogues."""

ORG_UNIT_KINDS: tuple[tuple[str, str], ...] = (
    (r"ausschuss", "committee"),
    (r"\brat\b|kreistag|gemeinderat|stadtrat", "council"),
    (r"bürgermeister|landrat", "mayor"),
    (r"verwaltungsvorstand|verwaltungsleitung|dezernat", "board"),
    (r"stabsstelle|pressestelle|datenschutz|rechnungsprüfung|gleichstellung", "staff_unit"),
    (r"fachbereich|\bfb\b|fachdienst|geschäftsbereich", "department"),
    (r"\bamt\b|sachgebiet|abteilung|team|zulassungsstelle|vergabestelle", "office"),
    (r"stadtwerke|gmbh|eigenbetrieb|\bag\b", "company"),
    (r"extern|büro|dienstleister|kaaw", "external"),
)
"""Lane name pattern → org-unit kind."""

NOTIFICATION_CHANNELS: tuple[tuple[str, str], ...] = (
    (r"rundschreiben|rundverfügung", "Rundschreiben"),
    (r"dienstbesprechung|besprechung", "Dienstbesprechung"),
    (r"schulung|unterweisung", "Schulung"),
    (r"intranet", "Intranet"),
    (r"e-mail|email|\bmail\b", "E-Mail"),
    (r"umlauf", "Umlauf"),
    (r"dienstanweisung|in kenntnis|kenntnisnahme|inkenntnissetzung", "Dienstanweisung"),
)
"""Step name pattern → notification channel (the last one is also the default)."""

_CATALOGUE_OF_LAW = {"WPG": "WPG", "LWPG NRW": "WPG", "LWPG": "WPG", "FZV": "FZV", "StVG": "FZV"}


@dataclass(frozen=True)
class Decision:
    """One heuristic decision: which element, what was decided, and why."""

    element: str
    decision: str
    reason: str


@dataclass
class ImportResult:
    """The imported model, the decisions taken, and the reader's warnings."""

    model: OperationalModel
    decisions: list[Decision] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    losses: Losses | None = None
    """What could not be carried into the YAML (per kind, element ids)."""


def _match(table: tuple[tuple[str, str], ...], text: str) -> tuple[str, str] | None:
    lowered = text.lower()
    for pattern, value in table:
        found = re.search(pattern, lowered)
        if found:
            return value, found.group(0)
    return None


class _Importer:
    def __init__(self, model: OperationalModel, document: Any, law: str | None) -> None:
        self.model = model
        self.doc = document
        self.law = law or model.law
        self.decisions: list[Decision] = []
        self._catalogues: dict[str, Any] = {}
        self.law_counts: Counter[str] = Counter()
        records = document.elements.values() if document is not None else ()
        self.authored = any(r.extension(VZ + "model") is not None for r in records)
        """Written by vollzug (``vz:model`` present): steps without ``vz:step`` simply have no data."""

    def decide(self, element: str, decision: str, reason: str) -> None:
        self.decisions.append(Decision(element, decision, reason))

    def _has(self, ident: str, tag: str) -> bool:
        record = self.doc.elements.get(ident) if self.doc is not None else None
        return record is not None and record.extension(VZ + tag) is not None

    # --- law ----------------------------------------------------------------------------------------

    def _citations(self, step: Step) -> list[Any]:
        try:
            from vollzug.law.citation import parse_citations
        except ImportError:  # the law package is optional for importing
            return []
        return [c for c in parse_citations(f"{step.name}\n{step.documentation}")]

    def _catalogue(self, law: str | None) -> Any:
        catalogue_id = _CATALOGUE_OF_LAW.get(law or "", law)
        if not catalogue_id:
            return None
        if catalogue_id not in self._catalogues:
            from vollzug.law.catalogue import find_catalogue

            # no catalogue: citations are kept, obligations are not linked; a broken one raises
            self._catalogues[catalogue_id] = find_catalogue(catalogue_id)
        return self._catalogues[catalogue_id]

    def _obligations(self, step: Step, citations: list[Any]) -> list[str]:
        try:
            from vollzug.law.resolve import resolve
        except ImportError:
            return []
        found: list[str] = []
        for citation in citations:
            catalogue = self._catalogue(citation.law or self.law)
            if catalogue is None:
                continue
            ids = [o.id for o in resolve(citation, catalogue).obligations]
            if len(ids) > 2:
                self.decide(step.id, "no obligation linked", f"'{citation.text}' matches {len(ids)} obligations "
                            f"({', '.join(ids[:4])}…): ambiguous")
            else:
                found += [i for i in ids if i not in found]
        return found

    # --- steps ----------------------------------------------------------------------------------------

    def step(self, step: Step) -> dict[str, Any]:
        if self.authored or self._has(step.id, "step"):
            return {}
        update: dict[str, Any] = {}
        citations = self._citations(step)
        self.law_counts.update(_CATALOGUE_OF_LAW.get(c.law, c.law) for c in citations if c.law)
        if citations:
            update["citations"] = tuple(dict.fromkeys(c.text for c in citations))
            self.decide(step.id, f"citations {', '.join(update['citations'])}", "found in name/documentation")
            obligations = self._obligations(step, citations)
            if obligations:
                update["obligations"] = tuple(obligations)
                self.decide(step.id, f"fulfils {', '.join(obligations)}", "catalogue obligations citing the same norm")
        if step.lane and not step.raci and step.type not in _NO_RACI:
            units = {u.id: u for u in self.model.org_units}
            nested = units[step.lane].parent is not None if step.lane in units else False
            raci = [RaciAssignment(party=step.lane, letter="R")]
            reason = f"step lies in lane '{step.lane}'"
            if not nested:
                raci.append(RaciAssignment(party=step.lane, letter="A"))
                reason += " (a top-level lane: also accountable)"
            update["raci"] = tuple(raci)
            self.decide(step.id, "RACI " + ", ".join(f"{r.letter} {r.party}" for r in raci), reason)
        note = self._notification(step)
        if note is not None:
            update["notification"] = note
        return update

    def _notification(self, step: Step) -> Notification | None:
        if step.notification is not None or step.type not in ("sendTask", "task", "intermediateThrowEvent"):
            return None
        own = {s.id: s for s in self.model.steps if s.pool is None}
        targets = [own[f.target].lane for f in self.model.message_flows if f.source == step.id and f.target in own]
        lanes = tuple(dict.fromkeys(t for t in targets if t))
        channel = _match(NOTIFICATION_CHANNELS, step.name)
        if lanes:
            reason = "message flow to a lane of the own organisation"
        elif channel is not None and self.model.org_units:
            parents = {u.parent for u in self.model.org_units}
            lanes = tuple(u.id for u in self.model.org_units if u.id != step.lane and u.id not in parents)
            reason = f"name says '{channel[1]}'; recipients: every other innermost lane"
        else:
            return None
        chosen = channel[0] if channel else "Dienstanweisung"
        self.decide(step.id, f"staff notification via {chosen} to {', '.join(lanes)}", reason)
        return Notification.model_validate({"recipients": lanes, "channel": chosen})

    # --- pools, lanes, header -------------------------------------------------------------------------

    def stakeholders(self) -> tuple[Any, ...]:
        out = []
        for holder in self.model.stakeholders:
            if self._has(holder.id, "stakeholder"):
                out.append(holder)
                continue
            guess = _match(STAKEHOLDER_KINDS, holder.name)
            unit = _match(ORG_UNIT_KINDS, holder.name) if guess is None else None
            if unit is not None and unit[0] not in ("external", "company"):
                out.append(holder.model_copy(update={"internal": True, "involvement": "none"}))
                self.decide(holder.id, "internal unit (not an external stakeholder)",
                            f"pool name contains '{unit[1]}'")
            elif guess is not None:
                out.append(holder.model_copy(update={"kind": guess[0]}))
                self.decide(holder.id, f"stakeholder kind {guess[0]}", f"pool name contains '{guess[1]}'")
            else:
                out.append(holder)
                self.decide(holder.id, f"stakeholder kind {holder.kind}", "no keyword in the pool name: set it")
        return tuple(out)

    def org_units(self) -> tuple[Any, ...]:
        out = []
        for unit in self.model.org_units:
            guess = None if self._has(unit.id, "orgUnit") else _match(ORG_UNIT_KINDS, unit.name)
            if guess is not None and unit.kind == "other":
                out.append(unit.model_copy(update={"kind": guess[0]}))
                self.decide(unit.id, f"org unit kind {guess[0]}", f"lane name contains '{guess[1]}'")
            else:
                out.append(unit)
        return tuple(out)

    def header(self) -> dict[str, Any]:
        if self.model.law is not None:
            return {}
        laws = self.law_counts
        if self.law:
            self.decide(self.model.id, f"law {self.law}", "given on the command line")
            return {"law": self.law}
        if laws:
            law = laws.most_common(1)[0][0]
            self.decide(self.model.id, f"law {law}", f"most cited ({laws[law]} citations)")
            return {"law": law}
        return {}


_NO_RACI = frozenset({"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
                      "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
                      "complexGateway"})


def import_model(model: OperationalModel, document: Any = None, *, law: str | None = None,
                 losses: Losses | None = None) -> ImportResult:
    """Apply the heuristics to a model read from BPMN (``document`` tells which elements carry ``vz:`` data);
    ``losses`` brings the assignees that name a lane (RACI R, before the lane guess)."""
    if losses is not None:
        from vollzug.authoring.import_losses import carry

        model = carry(model, losses)
    importer = _Importer(model, document, law)
    for step_id, lane, source in losses.carried if losses is not None else ():
        importer.decide(step_id, f"RACI R {lane}", f"{source} names lane '{lane}'")
    importer.model = model.model_copy(update={"org_units": importer.org_units()})
    steps = tuple(s.model_copy(update=importer.step(s)) for s in importer.model.steps)
    update: dict[str, Any] = {"steps": steps, "stakeholders": importer.stakeholders(), **importer.header()}
    result = importer.model.model_copy(update=update)
    return ImportResult(model=OperationalModel.model_validate(result.model_dump()), decisions=importer.decisions,
                        losses=losses)


def import_bpmn(path: str | Path, *, law: str | None = None) -> ImportResult:
    """Read a BPMN file and turn it into an authoring model, reporting every heuristic decision."""
    from vollzug.authoring.import_losses import analyse
    from vollzug.bpmn.to_model import load_bpmn_model

    loaded = load_bpmn_model(Path(path))
    model = loaded.model
    losses = None
    if loaded.document is not None:
        lanes = {u.id: u.name for u in model.org_units}
        losses = analyse(loaded.document.root, lanes, {s.id for s in model.steps if not s.raci})
    result = import_model(model, loaded.document, law=law, losses=losses)
    result.diagnostics = list(loaded.diagnostics)
    return result
