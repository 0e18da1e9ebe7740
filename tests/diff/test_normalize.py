"""German-aware label normalisation."""

from __future__ import annotations

import pytest

from vollzug.diff.match.label import similarity
from vollzug.diff.normalize import fold, normalized, split_compound, stem, stems, tokens, vocabulary_of


def test_fold_umlauts_and_sharp_s() -> None:
    assert fold("Prüfung der Maßnahme ÄÖÜ") == "pruefung der massnahme aeoeue"


def test_stop_words_and_abbreviations() -> None:
    assert tokens("Prüfung des Antrags durch den FB") == ["pruefung", "antrags", "fachbereich"]
    assert "vollzeitaequivalent" in tokens("0,5 VZÄ")
    assert tokens("nach § 13 Abs. 2") == ["absatz"]


@pytest.mark.parametrize(("noun", "verb"), [
    ("Prüfung", "prüfen"), ("Durchführung", "durchführen"), ("Beteiligung", "beteiligen"),
    ("Veröffentlichung", "veröffentlichen"), ("Erhebung", "erheben"), ("Beschluss", "beschließen"),
    ("Analyse", "analysieren"), ("Anzeige", "anzeigen"),
])
def test_nominalisation_and_infinitive_share_a_stem(noun: str, verb: str) -> None:
    assert stem(fold(noun)) == stem(fold(verb))


@pytest.mark.parametrize(("a", "b"), [
    ("Durchführung der Bestandsanalyse", "Bestandsanalyse durchführen"),
    ("Prüfung des Antrags", "Antrag prüfen"),
    ("Veröffentlichung des Wärmeplans", "Wärmeplan bekanntmachen"),
    ("Beteiligung der Netzbetreiber", "Netzbetreiber einbinden"),
    ("Datenerhebung", "Daten erheben"),
])
def test_equivalent_labels_normalise_alike(a: str, b: str) -> None:
    vocab = vocabulary_of([a, b])
    assert sorted(stems(a, vocab)) == sorted(stems(b, vocab))
    assert similarity(normalized(a, vocab), normalized(b, vocab)) == pytest.approx(1.0)


def test_english_labels_map_to_german_stems() -> None:
    vocab = vocabulary_of(["Beschluss über den Wärmeplan", "Council resolution on the heat plan"])
    a, b = normalized("Beschluss über den Wärmeplan", vocab), normalized("Council resolution on the heat plan", vocab)
    assert similarity(a, b) >= 0.75


def test_compound_split_against_vocabulary() -> None:
    vocab = frozenset({"bestand", "analys"})
    assert split_compound("bestandsanalyse", vocab) == ["bestand", "analys"]
    assert split_compound("kurz", vocab) == ["kurz"]
    assert split_compound("xyzxyzxyzxyz", vocab) == ["xyzxyzxyzxyz"]


def test_unrelated_labels_stay_apart() -> None:
    vocab = vocabulary_of(["Bestandsanalyse durchführen", "Rechnung bezahlen"])
    assert similarity(normalized("Bestandsanalyse durchführen", vocab), normalized("Rechnung bezahlen", vocab)) < 0.5
