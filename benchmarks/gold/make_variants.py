"""Write the relabelled/restructured variants of the reference SOLL and their gold files (run once, output committed).

Every variant gets new ids (``v_<n>``), loses obligations and citations (so only labels, types, lanes and context
can match), and gets labels from the hand-written tables below: synonyms, nominalisations/infinitives, English.
Restructurings: ``split`` divides one step in two sequential steps, ``merge`` joins two sequential steps,
``drop`` removes steps (their flows are bridged).

Usage: ``python benchmarks/gold/make_variants.py`` (from the repository root).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"
OUT = Path(__file__).resolve().parent

NOMINAL = {  # infinitive ↔ nominalisation, synonyms, reordered words
    "start_pflichtuebertragung": "Übertragung der Planungspflicht durch das Land",
    "W01_beschlussvorlage": "Erstellung der Vorlage zum Durchführungsbeschluss",
    "haushalt_mittel": "Bereitstellung von Haushaltsmitteln und Personal",
    "W01_ratsbeschluss": "Ratsbeschluss zur Durchführung der kommunalen Wärmeplanung",
    "W02_information_beschluss": "Bekanntmachung des Beschlusses",
    "NT_dienstanweisung": "Erlass einer Dienstanweisung zur Wärmeplanung",
    "NT_schulung": "Unterweisung der Beschäftigten",
    "W03_vergabe": "Vergabe der Planungsleistung",
    "W04_beteiligung_netzbetreiber": "Einbindung der Netzbetreiber",
    "W06_datenerhebung": "Erhebung der Daten",
    "W06_aggregation": "Aggregierung personenbezogener Daten",
    "W07_eignungspruefung": "Prüfung der Eignung",
    "W07_veroeffentlichung": "Veröffentlichung der Eignungsprüfung",
    "W07b_verkuerzte_planung": "Durchführung der verkürzten Wärmeplanung",
    "W08_bestandsanalyse": "Durchführung der Bestandsanalyse",
    "W08_veroeffentlichung": "Veröffentlichung der Bestandsanalyse",
    "W09_potenzialanalyse": "Erstellung der Potenzialanalyse",
    "W09_veroeffentlichung": "Veröffentlichung der Potenzialanalyse",
    "W10_entwurf": "Erarbeitung des Entwurfs",
    "W11_offenlage": "Auslegung des Entwurfs",
    "W12_abwaegung": "Abwägung der Stellungnahmen",
    "W14_waermeplan": "Fertigstellung des Wärmeplans",
    "frist_warnung": "Fristgefährdung",
    "eskalation_vv": "Meldung an den Verwaltungsvorstand",
    "end_eskalation": "Meldung erfolgt",
    "W15_beschluss": "Beschlussfassung über den Wärmeplan",
    "W16_veroeffentlichung": "Bekanntmachung des Wärmeplans im Internet",
    "W17_anzeige_lanuv": "Anzeige des Wärmeplans beim LANUV",
    "W18_monitoring": "Überwachung der Umsetzung",
    "W18_timer": "Fünf Jahre vergangen",
    "W18_fortschreibung": "Fortschreibung des Wärmeplans",
    "W18b_bericht_lanuv": "Bericht an das LANUV",
    "end_fortgeschrieben": "Plan fortgeschrieben",
}

ENGLISH = {
    "start_pflichtuebertragung": "Duty to plan assigned by the Land",
    "W01_beschlussvorlage": "Prepare council submission",
    "haushalt_mittel": "Provide budget and staff",
    "W01_ratsbeschluss": "Council resolution to start heat planning",
    "W02_information_beschluss": "Inform the public about the resolution",
    "NT_dienstanweisung": "Issue internal instruction on heat planning",
    "NT_schulung": "Train staff",
    "W03_vergabe": "Award the planning contract",
    "W04_beteiligung_netzbetreiber": "Involve network operators continuously",
    "W06_datenerhebung": "Collect data",
    "W06_aggregation": "Aggregate personal data",
    "W07_eignungspruefung": "Suitability check",
    "W07_veroeffentlichung": "Publish suitability check",
    "W07b_verkuerzte_planung": "Shortened heat planning",
    "W08_bestandsanalyse": "Inventory analysis",
    "W08_veroeffentlichung": "Publish inventory analysis",
    "W09_potenzialanalyse": "Potential analysis",
    "W09_veroeffentlichung": "Publish potential analysis",
    "W10_entwurf": "Draft the heat plan",
    "W11_offenlage": "Public display of the draft and comments",
    "W12_abwaegung": "Review and weigh the comments",
    "W14_waermeplan": "Compile the heat plan",
    "frist_warnung": "Deadline at risk",
    "eskalation_vv": "Report deadline risk to the board",
    "end_eskalation": "Risk reported",
    "W15_beschluss": "Adopt the heat plan",
    "W16_veroeffentlichung": "Publish the heat plan",
    "W17_anzeige_lanuv": "Submit the heat plan to LANUV",
    "W18_monitoring": "Monitor implementation",
    "W18_timer": "Five years passed",
    "W18_fortschreibung": "Review and update the heat plan",
    "W18b_bericht_lanuv": "Report review result to LANUV",
    "end_fortgeschrieben": "Plan updated",
}

GREVEN = ROOT / "models" / "ist" / "greven" / "wpg.yaml"

GREVEN_ENGLISH = {  # written before the variant was first matched; not tuned afterwards (held-out check)
    "Event_h8rtv9e": "Heat planning starts",
    "Activity_klum6y6": "Draft the council paper on carrying out the planning",
    "Activity_ut7gft3": "Council decides to carry out heat planning",
    "Activity_oy5cdse": "Tell the public about the decision",
    "Activity_e034nfl": "Staff meeting on heat planning, attendance recorded",
    "Activity_yxyzxg3": "Involve stakeholders throughout",
    "Activity_6szkel7": "Receive chimney sweep records by e-mail (Excel)",
    "Activity_lh7bx8a": "Enter chimney sweep records into the GIS by hand",
    "Activity_eixauht": "Obtain data for the analyses",
    "Activity_f96ghva": "Anonymise building data",
    "Activity_z21fjoz": "Carry out the suitability assessment",
    "Activity_kdw4y3x": "Announce the suitability assessment",
    "Gateway_ngedhkx": "Shortened planning needed?",
    "Activity_e8n1qzq": "Shortened planning for sub-areas",
    "Activity_2oqw0xs": "Prepare the analysis of the current state",
    "Activity_xjk9xpl": "Announce the current state analysis",
    "Activity_nyoqrwi": "Determine potentials",
    "Activity_00bkssk": "Announce the potential analysis",
    "Activity_vim2u13": "Prepare the draft plan",
    "Activity_a6zqnjh": "Public display and comments",
    "Activity_j19sfjs": "Prepare the proposal for weighing the comments",
    "Activity_9sq13do": "Put the heat plan together",
    "Activity_zwjqzrs": "Council adopts the heat plan",
    "Activity_4uynuu9": "Announce and publish the heat plan",
    "Activity_a053efj": "Send the heat plan to LANUV",
    "Activity_yda3l8s": "Track the measures",
    "Event_yxwpfop": "Every five years",
    "Activity_3stkr4r": "Review and update",
    "Activity_ijslvzu": "Transmit the review result",
    "Event_j6rjdb0": "Procedure finished",
}

GREVEN_LANES = {
    "rat": "Town council of Greven", "verwaltungsvorstand": "Executive board", "stab_klimaschutz":
    "Climate protection unit", "stadtplanung": "Urban development department", "geoinfo": "Geographic information",
    "finanzen": "Finance", "datenschutz": "Data protection", "presse": "Press office", "organisation":
    "Organisation and human resources",
}

VARIANTS: dict[str, dict[str, Any]] = {
    "greven-english": {"source": GREVEN, "labels": GREVEN_ENGLISH, "lanes": GREVEN_LANES,
                       "compose": "rheine-vs-greven"},
    "soll-nominal": {"labels": NOMINAL},
    "soll-english": {"labels": ENGLISH},
    "soll-restructured": {
        "labels": NOMINAL,
        "split": {"W06_datenerhebung": ("Register abfragen", "Auskunftspflichtige anschreiben")},
        "merge": [("W08_bestandsanalyse", "W08_veroeffentlichung", "Bestandsanalyse erstellen und veröffentlichen")],
        "drop": ["NT_schulung", "haushalt_mittel"],
    },
}


def _strip(step: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in step.items() if k not in ("obligations", "citations", "deadlines", "next")}
    return out


def make(name: str, spec: dict[str, Any], data: dict[str, Any], source: Path) -> None:
    steps = [dict(s) for s in data["steps"]]
    flows = [(f["source"], f["target"]) for f in data.get("sequence_flows", [])]
    for s in data["steps"]:
        for target in (s.get("next") if isinstance(s.get("next"), list) else [s.get("next")] if s.get("next") else []):
            flows.append((s["id"], target if isinstance(target, str) else target["to"]))
    gold: dict[str, str] = {}
    acceptable: dict[str, list[str]] = {}
    unmatched_left: list[str] = []
    ids: dict[str, str] = {}
    for i, s in enumerate(steps):
        ids[s["id"]] = f"v_{i:02d}"
    for old in spec.get("drop", []):
        unmatched_left.append(old)
        ins = [a for a, b in flows if b == old]
        outs = [b for a, b in flows if a == old]
        flows = [(a, b) for a, b in flows if old not in (a, b)] + [(a, b) for a in ins for b in outs]
        steps = [s for s in steps if s["id"] != old]
    new_steps: list[dict[str, Any]] = []
    for s in steps:
        label = spec["labels"].get(s["id"], s.get("name", ""))
        new = _strip(s)
        new["id"] = ids[s["id"]]
        new["name"] = label
        if s["id"] in spec.get("split", {}):
            first, second = spec["split"][s["id"]]
            new["name"] = first
            extra = dict(new, id=new["id"] + "_b", name=second)
            new_steps += [new, extra]
            outs = [b for a, b in flows if a == s["id"]]
            flows = [(a, b) for a, b in flows if a != s["id"]] + [(s["id"], "__b__" + s["id"])]
            flows += [("__b__" + s["id"], b) for b in outs]
            ids["__b__" + s["id"]] = extra["id"]
            acceptable[s["id"]] = [extra["id"]]
        else:
            new_steps.append(new)
        gold[s["id"]] = ids[s["id"]]
    for first, second, label in spec.get("merge", []):
        keep = ids[first]
        for st in new_steps:
            if st["id"] == keep:
                st["name"] = label
        new_steps = [st for st in new_steps if st["id"] != ids[second]]
        flows = [(first if a == second else a, first if b == second else b) for a, b in flows]
        flows = [(a, b) for a, b in flows if a != b]
        gold.pop(second, None)
        acceptable[second] = [keep]
    for st in new_steps:  # data associations, boundary hosts etc. point at old ids
        if isinstance(st.get("event"), dict) and st["event"].get("attached_to") in ids:
            st["event"] = dict(st["event"], attached_to=ids[st["event"]["attached_to"]])
        st.pop("raci", None)
        st.pop("notification", None)
        st.pop("resources", None)
    model = {k: v for k, v in data.items() if k in ("id", "title", "org_units", "synthetic")}
    if spec.get("lanes"):
        model["org_units"] = [dict(u, name=spec["lanes"].get(u["id"], u["name"])) for u in data["org_units"]]
    model["id"] = "Process_variant"
    model["title"] = f"Variante {name} (synthetisch)"
    model["synthetic"] = True
    model["steps"] = new_steps
    seen: set[tuple[str, str]] = set()
    model["sequence_flows"] = []
    for a, b in flows:
        pair = (ids.get(a, a), ids.get(b, b))
        if pair in seen or pair[0] not in ids.values() or pair[1] not in ids.values():
            continue
        seen.add(pair)
        model["sequence_flows"].append({"id": f"sf_{pair[0]}_{pair[1]}", "source": pair[0], "target": pair[1]})
    header = f"# Generated by make_variants.py from {source.relative_to(ROOT)}: synthetic variant '{name}'.\n"
    (OUT / "variants" / f"{name}.yaml").write_text(
        header + yaml.safe_dump(model, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    gold_doc: dict[str, Any] = {"left": str(source.relative_to(ROOT)), "right": f"benchmarks/gold/variants/{name}.yaml",
                                "pairs": gold, "unmatched_left": sorted(unmatched_left)}
    if acceptable:
        gold_doc["acceptable"] = acceptable
    comment = f"# Gold for the generated variant '{name}' (exact by construction).\n"
    if spec.get("compose"):  # a hand-written gold file ending in the source: compose it with the construction
        hand = yaml.safe_load((OUT / f"{spec['compose']}.yaml").read_text(encoding="utf-8"))
        gold_doc = {"left": hand["left"], "right": gold_doc["right"],
                    "pairs": {a: gold[b] for a, b in hand["pairs"].items() if b in gold},
                    "acceptable": {a: [gold[b] for b in bs if b in gold]
                                   for a, bs in (hand.get("acceptable") or {}).items()},
                    "unmatched_left": hand.get("unmatched_left", []),
                    "unmatched_right": [gold[b] for b in hand.get("unmatched_right", []) if b in gold]}
        comment = (f"# Gold for '{name}': the hand-written {spec['compose']}.yaml composed with the construction of "
                   f"the variant\n# ({source.relative_to(ROOT)} relabelled in English, lanes too, new ids).\n")
    (OUT / f"{name}.yaml").write_text(
        comment + yaml.safe_dump(gold_doc, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")


def main() -> None:
    (OUT / "variants").mkdir(exist_ok=True)
    for name, spec in VARIANTS.items():
        source = spec.get("source", SOURCE)
        make(name, spec, yaml.safe_load(source.read_text(encoding="utf-8")), source)


if __name__ == "__main__":
    main()
