"""One applicability: compare, the rules engine, decompose and synth agree for every catalogue × municipality.

Every shipped catalogue is crossed with every municipality of ``rules/municipalities/`` (plus the same town with an
unknown population), under every combination of the catalogue's choices. Each consumer is asked through its own
public entry point; they must name the same set of applicable obligations as the law layer.
"""

from __future__ import annotations

import itertools

import pytest

from vollzug.compare.applicability import obligation_source
from vollzug.law.applicability import obligations_applying
from vollzug.law.catalogue import list_catalogues
from vollzug.law.decompose import decompose
from vollzug.law.municipalities import load_municipalities
from vollzug.lint.engine import Engine
from vollzug.model.actors import Municipality
from vollzug.model.law import Catalogue, ChoiceCondition, LandOptionCondition, PopulationCondition
from vollzug.synth.generate import synth_towns

CATALOGUES = list_catalogues()


def _choice_ids(catalogue: Catalogue) -> list[str]:
    ids = {c.choice for ob in catalogue.obligations for c in ob.applicability if isinstance(c, ChoiceCondition)}
    ids |= {c.option for ob in catalogue.obligations for c in ob.applicability if isinstance(c, LandOptionCondition)}
    return sorted(ids)


def _towns() -> list[Municipality]:
    towns = [m for m in load_municipalities() if m.kind != "Kreis"]
    unknown = [towns[0].model_copy(update={"population": None, "name": towns[0].name + " (ohne Einwohnerzahl)"})]
    return towns + unknown


def _choice_sets(catalogue: Catalogue) -> list[dict[str, bool]]:
    ids = _choice_ids(catalogue)[:4]  # 16 combinations at most per town
    return [{}] + [dict(zip(ids, values, strict=True)) for values in itertools.product([False, True], repeat=len(ids))]


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=[c.id for c in CATALOGUES])
def test_compare_lint_and_decompose_agree(catalogue: Catalogue) -> None:
    engine = Engine()
    checked = 0
    for town in _towns():
        for choices in _choice_sets(catalogue):
            expected = {ob.id for ob in obligations_applying(catalogue, town, choices)}
            model = decompose(catalogue, town, choices=choices)
            soll_ids = {o for step in model.steps for o in step.obligations}
            assert soll_ids <= expected, (town.name, choices, soll_ids - expected)
            # every applicable obligation gets a step, except those a SOLL skeleton cannot hold
            assert expected - soll_ids <= {ob.id for ob in catalogue.obligations if ob.addressee == "land"}
            assert {ob.id for ob in engine.context(model).applicable} == expected, (town.name, choices)
            source = obligation_source(catalogue.id, model, catalogue)
            all_ids = {ob.id for ob in catalogue.obligations}
            assert all_ids - set(source.not_applicable(model)) == expected, (town.name, choices)
            checked += 1
    assert checked >= len(_towns())


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=[c.id for c in CATALOGUES])
def test_synthetic_towns_model_only_applicable_obligations(catalogue: Catalogue) -> None:
    if not any(isinstance(c, PopulationCondition) for ob in catalogue.obligations for c in ob.applicability):
        pytest.skip(f"{catalogue.id} has no population thresholds: synthetic towns (which vary population) agree")
    town = max((m for m in load_municipalities() if m.kind == "Stadt"), key=lambda m: m.population.count
               if m.population else 0)
    reference = decompose(catalogue, town)
    seen_drop = False
    for model in synth_towns(reference, 40, seed=3):
        expected = {ob.id for ob in obligations_applying(catalogue, model.municipality, model.choices)}
        known = {ob.id for ob in catalogue.obligations}
        for step in model.steps:
            mine = [o for o in step.obligations if o in known]
            assert not mine or set(mine) & expected, (model.municipality, step.id, mine)
        ref_ids = {o for s in reference.steps for o in s.obligations}
        seen_drop = seen_drop or bool(ref_ids - expected)
    assert seen_drop, "no synthetic town had an obligation that does not apply: the test would prove nothing"
