"""The precise matcher (issue 13): evidence creates matches, structure only confirms; bands; n:m; index; identity;
the ``vollzug match`` command and the Alignment API RDF round trip."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from vollzug.cli.main import cli
from vollzug.diff import DiffOptions, diff_files, diff_models
from vollzug.diff.alignment import read_rdf
from vollzug.diff.linguistics import LABEL_LIMIT, TOKEN_LIMIT, parse, split_compound, words
from vollzug.diff.match import index
from vollzug.diff.match.combine import band, match_auto
from vollzug.diff.match.context import prepare
from vollzug.model.process import OperationalModel, SequenceFlow, Step

ROOT = Path(__file__).resolve().parents[2]
MIWG = ROOT.parent / "shared" / "corpora" / "miwg"
if not MIWG.is_dir():
    MIWG = Path("/work/shared/corpora/miwg")


def _chain(names: list[str], pid: str, types: dict[int, str] | None = None) -> OperationalModel:
    steps = [Step(id=f"{pid}{i}", name=n, type=(types or {}).get(i, "task")) for i, n in enumerate(names)]  # type: ignore[arg-type]
    flows = [SequenceFlow(id=f"{pid}f{i}", source=a.id, target=b.id) for i, (a, b) in enumerate(pairwise(steps))]
    return OperationalModel(id=pid, steps=tuple(steps), sequence_flows=tuple(flows))


def _pairs(left: list[str], right: list[str], lt: dict[int, str] | None = None, rt: dict[int, str] | None = None
           ) -> dict[tuple[str, str], tuple[str, str]]:
    lm, rm = _chain(left, "l", lt), _chain(right, "r", rt)
    out = {}
    for m in match_auto(prepare(lm, rm)):
        out[(left[int(m.left[1:])], right[int(m.right[1:])])] = (m.confidence or "", m.kind)
    return out


def test_action_and_object_of_verb_and_nominal_labels() -> None:
    assert parse("Antrag prüfen") == parse("Prüfung des Antrags")
    assert parse("Antrag prüfen").action == ("pruef",) and parse("Antrag prüfen").objects == ("antrag",)
    joined = parse("Antrag prüfen und bescheiden")
    assert len(joined.parts) == 2 and {"pruef", "bescheid"} <= set(joined.action)
    english = parse("Check application for completeness", "en")
    assert english.action == ("pruef",) and "antrag" in english.objects


def test_compounds_split_against_the_shipped_dictionary() -> None:
    assert split_compound("Lenkungsgruppe") == ("lenkung", "gruppe")
    assert split_compound("Gewerbeanmeldung") == ("gewerbe", "anmeldung")
    assert split_compound("Durchführung") == ("Durchführung",)  # a verb particle is no modifier


def test_equal_meaning_matches_and_unrelated_labels_stay_apart() -> None:
    found = _pairs(["Antrag prüfen", "Lenkungsgruppe einrichten", "Bescheid versenden"],
                   ["Prüfung des Antrags", "Schulung der Beschäftigten", "Versand des Bescheids"])
    assert found[("Antrag prüfen", "Prüfung des Antrags")] == ("sicher", "one_to_one")
    assert ("Bescheid versenden", "Versand des Bescheids") in found
    # between two matched neighbours, the unrelated middle steps are *not* paired: structure never creates a match
    assert not any(a == "Lenkungsgruppe einrichten" for a, _b in found)


def test_same_object_other_action_is_at_most_a_possible_correspondence() -> None:
    found = _pairs(["Gebühr festsetzen"], ["Gebühr erstatten"])
    assert all(band_kind[0] == "unsicher" for band_kind in found.values())
    decoy = _pairs(["Meldebestätigung aushändigen"], ["Meldebescheinigung ausstellen"])
    assert all(band_kind[0] == "unsicher" for band_kind in decoy.values())


def test_unlabelled_gateway_matched_through_its_neighbours_only() -> None:
    gw = {1: "exclusiveGateway"}
    found = _pairs(["Antrag prüfen", "", "Bescheid versenden"], ["Prüfung des Antrags", "", "Versand des Bescheids"],
                   gw, gw)
    assert found[("", "")] == ("sicher", "one_to_one")
    lonely = _pairs(["Antrag prüfen", ""], ["Akte schließen", ""], gw, gw)
    assert ("", "") not in lonely  # no matched neighbour: no evidence for the gateways


def test_split_of_a_joined_label() -> None:
    found = _pairs(["Antrag prüfen und bescheiden", "Akte schließen"],
                   ["Antrag prüfen", "Bescheid erstellen", "Akte schließen"])
    assert found[("Antrag prüfen und bescheiden", "Antrag prüfen")][1] == "one_to_one"
    assert found[("Antrag prüfen und bescheiden", "Bescheid erstellen")][1] == "split"


def test_bands() -> None:
    assert (band(0.95), band(0.6), band(0.45)) == ("sicher", "wahrscheinlich", "unsicher")


def test_uncertain_pair_is_no_change_of_the_element() -> None:
    left, right = _chain(["Gebühr festsetzen"], "l"), _chain(["Gebühr erstatten"], "r")
    result = diff_models(left, right, DiffOptions(match="auto"))
    assert [m.confidence for m in result.matches] == ["unsicher"]
    assert result.unmatched_left == ("l0",) and not result.changed
    from vollzug.diff.emit import EmitContext, emitter

    text = emitter("text")(result, EmitContext(lang="de")).decode()
    assert "Mögliche Entsprechungen" in text and "mögliche Entsprechung" in text
    english = emitter("markdown")(result, EmitContext(lang="en")).decode()
    assert "Possible correspondences" in english


def test_candidate_index_is_symmetric_and_sparse() -> None:
    verbs = ["prüfen", "erfassen", "versenden", "bewerten", "freigeben"]
    objects = ["Antrag", "Bescheid", "Gebühr", "Nachweis", "Vertrag", "Rechnung", "Akte", "Vorlage"]
    names = [f"{o} {v}" for o in objects for v in verbs] * 3
    left, right = _chain(names, "l"), _chain(list(reversed(names)), "r")
    forward = set(index.candidates(prepare(left, right)))
    backward = {(b, a) for a, b in index.candidates(prepare(right, left))}
    assert forward == backward
    assert len(forward) < len(names) ** 2 / 4


def test_labels_are_read_on_a_bounded_prefix() -> None:
    huge = "Antrag prüfen " * 10_000
    assert len(words(huge)) <= TOKEN_LIMIT
    left, right = _chain([huge], "l"), _chain([huge[::-1]], "r")
    result = diff_models(left, right, DiffOptions(match="auto"))
    assert result.matches == () or all(m.score <= 1 for m in result.matches)
    assert LABEL_LIMIT <= 1000


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "models").rglob("*.yaml") if p.parent != ROOT / "models"),
                         ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_a_shipped_model_equals_itself_in_auto_mode(path: Path) -> None:
    result = diff_files(path, path, DiffOptions(match="auto"))
    assert result.equal and not (result.added or result.removed or result.changed)


@pytest.mark.skipif(not MIWG.is_dir(), reason="shared MIWG corpus not present")
def test_miwg_files_with_annotations_and_repeated_labels_equal_themselves() -> None:
    for name in ("Activiti_Designer_5.14.1/A.1.0-export.bpmn", "Activiti_Designer_5.14.1/A.2.0-export.bpmn",
                 "Bonita_BPM_7.2.3/A.4.0-export.bpmn", "BIC_Cloud_Design_6.2.0/B.1.0-export.bpmn"):
        path = MIWG / name
        result = diff_files(path, path, DiffOptions(match="auto"))
        assert result.equal, name


def test_id_mode_json_has_no_confidence_and_auto_mode_has_it(tmp_path: Path) -> None:
    model = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"
    ist = ROOT / "models" / "ist" / "rheine" / "wpg.yaml"
    runner = CliRunner()
    by_id = runner.invoke(cli, ["diff", str(ist), str(model), "--match", "id", "--format", "json"])
    auto = runner.invoke(cli, ["diff", str(ist), str(model), "--format", "json"])
    assert all("confidence" not in m for m in json.loads(by_id.stdout)["matches"])
    assert {m["confidence"] for m in json.loads(auto.stdout)["matches"]} <= {"sicher", "wahrscheinlich", "unsicher"}


def test_match_command_formats_and_gold_round_trip(tmp_path: Path) -> None:
    ist = ROOT / "models" / "ist" / "rheine" / "wpg.yaml"
    soll = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"
    runner = CliRunner()
    csv_out = runner.invoke(cli, ["match", str(ist), str(soll)])
    assert csv_out.exit_code == 0
    header, first = csv_out.stdout.splitlines()[:2]
    assert header == "left_id,left_name,right_id,right_name,score,confidence,kind,group" and "," in first
    doc = json.loads(runner.invoke(cli, ["match", str(ist), str(soll), "--format", "json"]).stdout)
    assert doc["kind"] == "alignment" and doc["correspondences"]
    rdf = tmp_path / "a.rdf"
    assert runner.invoke(cli, ["match", str(ist), str(soll), "--format", "rdf", "-o", str(rdf)]).exit_code == 0
    pairs = read_rdf(rdf)
    assert {(c["left"], c["right"]) for c in doc["correspondences"]} == pairs
    scored = runner.invoke(cli, ["match", str(ist), str(soll), "--gold", str(rdf), "--lang", "en"])
    assert scored.stdout.startswith("precision 1.000, recall") and "F1" in scored.stdout
    german = runner.invoke(cli, ["match", str(ist), str(soll), "--gold", str(rdf)])
    assert german.stdout.startswith("Präzision 1,000")


def test_rheine_steering_group_is_not_the_staff_training() -> None:
    ist = ROOT / "models" / "ist" / "rheine" / "wpg.yaml"
    soll = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"
    result = diff_files(ist, soll, DiffOptions(match="auto"))
    assert not any(m.left == "lenkungsgruppe" for m in result.matches)
    assert "lenkungsgruppe" in result.unmatched_left


def test_match_refuses_to_overwrite_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from vollzug.cli.main import main

    left = tmp_path / "a.yaml"
    left.write_bytes((ROOT / "models" / "ist" / "rheine" / "wpg.yaml").read_bytes())
    before = left.read_bytes()
    soll = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"
    with pytest.raises(SystemExit) as exc:
        main(["match", str(left), str(soll), "-o", str(left)])
    assert exc.value.code == 2 and "input" in capsys.readouterr().err
    assert left.read_bytes() == before
