"""Generate synthetic towns from a reference SOLL with the kinds of variation seen in real IST models.

Variations (each drawn per town from a seeded ``random.Random``): population from a log-normal distribution
(thresholds follow), small towns merge lanes into a Bauamt, steps dropped or moved to another lane, FTE/EUR scaled,
a stakeholder message flow removed, the staff notification removed, labels replaced by synonyms. Every result is
marked ``synthetic: true`` and its population ``quality: synthetic``.
"""

from __future__ import annotations

import copy
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from vollzug.errors import ConfigError
from vollzug.law.applicability import TownLaw, town_law
from vollzug.law.catalogue import find_catalogue
from vollzug.model.actors import Municipality
from vollzug.model.law import Catalogue
from vollzug.model.process import OperationalModel

_PREFIXES = ("Nord", "Süd", "Ost", "West", "Alt", "Neu", "Hoh", "Tief", "Grün", "Stein", "Lind", "Birk", "Eich",
             "Wald", "Heid", "Brun", "Mühl", "Ober", "Nieder", "Klein", "Groß", "Ems", "Vecht", "Aa")
_SUFFIXES = ("hagen", "feld", "dorf", "horst", "beck", "kirchen", "lage", "hausen", "stedt", "burg", "loh", "brück",
             "wede", "ingen", "rode", "heim", "berg", "au", "wald", "venne")
_SYNONYMS = (("erstellen", "erarbeiten"), ("Beschluss", "Entscheidung"), ("veröffentlichen", "bekannt machen"),
             ("beteiligen", "einbinden"), ("Daten erheben", "Datenerhebung durchführen"),
             ("informieren", "unterrichten"),
             ("übermitteln", "senden"), ("durchführen", "vornehmen"), ("Stellungnahmen", "Eingaben"))
_KEEP_TYPES = {"startEvent", "endEvent"}


@dataclass(frozen=True)
class SynthOptions:
    """Probabilities of each variation (per town; per step where noted)."""

    drop_step: float = 0.06
    """Per activity: the step is not modelled."""
    move_step: float = 0.08
    """Per activity: done by another unit."""
    drop_message_flow: float = 0.08
    """Per message flow: the stakeholder is not involved."""
    drop_notification: float = 0.35
    """Per town: no staff notification."""
    relabel: float = 0.25
    """Per activity: label uses a synonym."""
    small_town: int = 10_000
    """Below this population lanes are merged (Bauamt, Hauptamt)."""
    median_population: float = 11_000.0
    """Median of the log-normal population distribution."""
    sigma: float = 1.0
    """Spread (log scale) of the population distribution."""


def _name(rng: random.Random, used: set[str]) -> str:
    for _ in range(50):
        name = rng.choice(_PREFIXES) + rng.choice(_SUFFIXES)
        if name not in used:
            used.add(name)
            return name
    name = f"{rng.choice(_PREFIXES)}{rng.choice(_SUFFIXES)} {len(used)}"
    used.add(name)
    return name


def _drop_step(doc: dict[str, Any], step_id: str) -> None:
    """Remove a step, bridging its flows; its boundary events and annotations go with it."""
    for boundary in [s["id"] for s in doc["steps"] if (s.get("event") or {}).get("attached_to") == step_id]:
        _drop_step(doc, boundary)
    flows = doc["sequence_flows"]
    incoming = [f["source"] for f in flows if f["target"] == step_id]
    outgoing = [f["target"] for f in flows if f["source"] == step_id]
    kept = [f for f in flows if step_id not in (f["source"], f["target"])]
    for i, (a, b) in enumerate((a, b) for a in incoming for b in outgoing):
        kept.append({"id": f"{step_id}_bypass{i}", "source": a, "target": b})
    doc["sequence_flows"] = kept
    doc["steps"] = [s for s in doc["steps"] if s["id"] != step_id]
    doc["message_flows"] = [m for m in doc["message_flows"] if step_id not in (m["source"], m["target"])]
    doc["data_associations"] = [d for d in doc["data_associations"] if step_id not in (d["source"], d["target"])]
    doc["annotations"] = [a for a in doc.get("annotations", []) if a.get("target") != step_id]


def _merge_lanes(doc: dict[str, Any]) -> None:
    """Small town: everything but council and mayor goes to the Bauamt, HR/finance to the Hauptamt."""
    keep = {u["id"] for u in doc["org_units"] if u.get("kind") in {"council", "mayor", "committee"}}
    central = {u["id"] for u in doc["org_units"] if u.get("kind") == "office" and u["id"] not in keep
               and any(k in (u["name"] + u["id"]).lower() for k in ("personal", "kämmerei", "kaemmerei", "vergabe"))}
    target = {u["id"]: (u["id"] if u["id"] in keep else "hauptamt" if u["id"] in central else "bauamt")
              for u in doc["org_units"]}
    units = [u for u in doc["org_units"] if u["id"] in keep]
    units.append({"id": "bauamt", "name": "Bauamt", "kind": "department"})
    if central:
        units.append({"id": "hauptamt", "name": "Hauptamt", "kind": "office"})
    doc["org_units"] = units

    def remap(unit: str | None) -> str | None:
        return target.get(unit, unit) if unit else unit

    doc["process_owner"] = remap(doc.get("process_owner"))
    for step in doc["steps"]:
        step["lane"] = remap(step.get("lane"))
        merged: dict[tuple[str | None, str], dict[str, Any]] = {}
        for r in step.get("raci", []):
            merged.setdefault((remap(r["party"]), r["letter"]), {"party": remap(r["party"]), "letter": r["letter"]})
        step["raci"] = list(merged.values())
        for res in step.get("resources", []):
            if res.get("unit"):
                res["unit"] = remap(res["unit"])
        note = step.get("notification")
        if note:
            note["recipients"] = sorted({target.get(x, x) for x in note["recipients"]})


def _scale_resources(doc: dict[str, Any], rng: random.Random, population: int, reference_population: int) -> None:
    size = (population / max(reference_population, 1)) ** 0.35
    for step in doc["steps"]:
        factor = rng.lognormvariate(0.0, 0.3)
        for res in step.get("resources", []):
            if res.get("kind") == "staff":
                res["fte"] = round(min(res.get("fte", 0.0) * factor * max(size, 0.3), 8.0), 2)
            elif res.get("kind") == "budget":
                konnex = 165_000 + 1.36 * population  # [P] NRW Konnexität formula, see domain brief § 2.4
                res["eur"] = round(konnex if res.get("eur", 0) > 150_000 else res.get("eur", 0) * factor, 2)
            res["source"] = "synthetic"


def _drop_inapplicable(doc: dict[str, Any], context: TownLaw, catalogue: Catalogue) -> None:
    """Drop the steps whose obligations all do not apply to the town (e.g. § 21 WPG at 45,000 inhabitants or less)."""
    known = {ob.id: ob for ob in catalogue.obligations}
    for step in list(doc["steps"]):
        obligations = [known[o] for o in step.get("obligations", []) if o in known]
        if obligations and not any(context.applies(ob) for ob in obligations):
            _drop_step(doc, step["id"])


def _variant(base: dict[str, Any], index: int, rng: random.Random, opts: SynthOptions, used: set[str],
             reference_population: int, catalogue: Catalogue | None, identity: Municipality | None = None
             ) -> dict[str, Any]:
    doc = copy.deepcopy(base)
    name = _name(rng, used)
    population = int(min(max(rng.lognormvariate(math.log(opts.median_population), opts.sigma), 400), 1_500_000))
    kind = "Stadt" if population > 25_000 or rng.random() < 0.3 else "Gemeinde"
    land = (base.get("municipality") or {}).get("land", "NRW")
    doc["municipality"] = {"ags": f"99{index:06d}", "name": name, "kind": kind, "land": land,
                           "population": {"count": population, "reference_date": "2024-01-01",
                                          "source": "synthetisch", "quality": "synthetic"}}
    if identity is not None:  # name, AGS, kind and population from master data; the variation stays synthetic
        doc["municipality"] = identity.model_dump(mode="json", exclude_none=True)
        population = identity.population.count if identity.population else population
        name = identity.name
    doc["variant"] = "IST"
    doc["synthetic"] = True
    law = base.get("law") or ""
    doc["title"] = f"{law} {name} (IST, synthetisch)".strip()
    doc["choices"] = dict(doc.get("choices") or {})
    if population < 10_000 and rng.random() < 0.7:
        doc["choices"]["simplified_procedure"] = True
    if population < opts.small_town:
        _merge_lanes(doc)
    if catalogue is not None:
        town = Municipality.model_validate(doc["municipality"])
        _drop_inapplicable(doc, town_law(catalogue, town, doc["choices"]), catalogue)
    if rng.random() < opts.drop_notification:
        for step in [s for s in doc["steps"] if s.get("notification")]:
            _drop_step(doc, step["id"])
    lanes = [u["id"] for u in doc["org_units"] if u.get("kind") not in {"council", "committee"}]
    for step in list(doc["steps"]):
        if step.get("type") in _KEEP_TYPES or step.get("pool"):
            continue
        roll = rng.random()
        if roll < opts.drop_step:
            _drop_step(doc, step["id"])
            continue
        if roll < opts.drop_step + opts.move_step and lanes:
            new = rng.choice(lanes)
            for r in step.get("raci", []):
                if r["party"] == step.get("lane"):
                    r["party"] = new
            step["lane"] = new
        if rng.random() < opts.relabel:
            for old, new_word in _SYNONYMS:
                if old in step.get("name", ""):
                    step["name"] = step["name"].replace(old, new_word)
                    break
    doc["message_flows"] = [m for m in doc["message_flows"] if rng.random() >= opts.drop_message_flow]
    _scale_resources(doc, rng, population, reference_population)
    return doc


def synth_towns(reference: OperationalModel, count: int, *, seed: int = 0, options: SynthOptions | None = None,
                identities: Sequence[Municipality] = ()) -> Iterator[OperationalModel]:
    """Yield ``count`` synthetic IST variants of the reference (deterministic for a seed); with ``identities``
    (master data) town i takes name, AGS, kind and population of ``identities[i]``."""
    if identities and len(identities) < count:
        raise ConfigError(f"the master data has {len(identities)} municipalities, fewer than --towns {count}")
    opts = options or SynthOptions()
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    base = reference.model_dump(mode="json")
    ref_pop = reference.municipality.population.count if reference.municipality and reference.municipality.population \
        else 20_000
    used: set[str] = set()
    catalogue = find_catalogue(reference.law) if reference.law else None
    for index in range(count):
        doc = _variant(base, index, rng, opts, used, ref_pop, catalogue, identities[index] if identities else None)
        yield OperationalModel.model_validate(doc)
