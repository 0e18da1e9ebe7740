"""One language per output: the demo report, diff, check and compare read German with ``--lang de`` and English
with ``--lang en`` — no English UI words in German text and no German ones in English text, no snake_case
identifiers, no Python reprs, the locale's number and date formats; errors follow the language.

Words that come from the models and catalogues (step labels, unit names, ids, citations, catalogue titles) are
values, German in both languages: they are collected from the real inputs and removed before the check, so the
check sees only what vollzug itself wrote.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from vollzug.law.catalogue import list_catalogues
from vollzug.loader import iter_model_files, load_model
from vollzug.locale import (
    format_currency,
    format_date,
    format_datetime,
    format_decimal,
    format_fte,
    format_number,
    format_percent,
    format_signed,
)
from vollzug.model.process import OperationalModel
from vollzug.vocabulary import CHANGE_KINDS, all_codes, change_label

REPO = Path(__file__).resolve().parents[2]
MODELS = REPO / "models"
REFERENCE = MODELS / "soll" / "wpg-kreis-steinfurt.yaml"
TOWN = MODELS / "ist" / "rheine" / "wpg.yaml"

ENGLISH_WORDS = {
    "the", "and", "of", "with", "is", "are", "not", "only", "missing", "added", "removed", "changed", "reassigned",
    "renamed", "deviating", "additional", "none", "yes", "from", "which", "unknown", "error", "found", "step", "steps",
    "total", "funds", "municipality", "municipalities", "obligation", "obligations", "responsibility", "resources",
    "stakeholders", "deadline", "similarity", "overall", "shifted", "staff", "notification", "layout", "flow",
}
"""English UI words that must not appear in German text (as whole words, any case)."""

GERMAN_WORDS = {
    "und", "nicht", "fehlt", "fehlen", "Pflicht", "Pflichten", "Kommune", "Kommunen", "Frist", "Zuständigkeit",
    "Beteiligte", "keine", "kein", "mit", "oder", "der", "die", "das", "für", "gegenüber", "zusätzlich", "abweichend",
    "Lücken", "Befund", "Einwohner", "Ähnlichkeit", "Grund", "Ressourcen", "VZÄ", "Summe", "vorhanden", "Abweichungen",
    "Erstellt", "Vergleich", "geändert", "nach", "vor", "Bezeichnung", "Inkenntnissetzung", "ist",
}
"""German UI words that must not appear in English text (whole words, case-sensitive for nouns)."""

ALLOWED_TERMS = ("IST", "SOLL", "RACI", "VZÄ (FTE)")
"""Law and method terms that stay as they are in both languages."""


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


class Values:
    """Every string the inputs hold (models, catalogues) and the model's field names."""

    def __init__(self, values: set[str]) -> None:
        kept = sorted((v for v in values if len(v) >= 3), key=len, reverse=True)
        self.all = kept
        self.pattern = re.compile("|".join(f"(?<!\\w){re.escape(v)}(?!\\w)" for v in kept))

    def remove(self, text: str) -> str:
        """The text without these values; a value cut short with "…" (long details) counts as the value."""
        def cut(found: re.Match[str]) -> str:
            before = found[1]
            starts = [0, *(m.end() for m in re.finditer(r"[;:→(\n]\s*", before))]
            for start in starts:  # longest candidate first
                head = before[start:].strip()
                if len(head) >= 3 and any(v.startswith(head) for v in self.all):
                    return before[:start] + " ◦ "
            return found[0]

        text = re.sub(r"([^\n…]{1,200})…", cut, text)
        return self.pattern.sub(" ◦ ", text)


@pytest.fixture(scope="module")
def model_values() -> Values:
    """Every string the inputs hold (models, catalogues) and the model's field names."""
    values: set[str] = set()
    for path in iter_model_files([MODELS]):
        model = load_model(path).model
        values.update(_strings(model.model_dump(mode="json")))
    for catalogue in list_catalogues():
        values.update(_strings(catalogue.model_dump(mode="json")))
    values.update(_field_names(OperationalModel.model_json_schema()))
    for text_file in (REPO / "rules").glob("*/text/*.json"):  # the statute's wording, quoted in reports: a value
        values.update(_strings(json.loads(text_file.read_text(encoding="utf-8"))))
    for value in list(values):
        values.update(part.strip() for part in re.split(r"[,;]", value) if len(part.strip()) > 2)
    return Values(values)


def _field_names(schema: dict[str, Any]) -> Iterator[str]:
    for definition in [schema, *schema.get("$defs", {}).values()]:
        yield from definition.get("properties", {})


def _run(*args: str | Path, lang: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vollzug", *map(str, args), "--lang", lang],
                          capture_output=True, text=True, cwd=REPO, check=False,
                          env={**os.environ, "COLUMNS": "200", **(env or {})})


def _html_text(path: Path) -> str:
    """Visible text and tooltips of an HTML page (scripts, styles and drawings left out)."""
    doc = lxml.html.parse(str(path)).getroot()
    for node in doc.xpath("//script|//style|//svg|//*[local-name()='svg']"):
        node.drop_tree()
    parts = [t.strip() for t in doc.itertext() if t.strip()]
    parts += [str(v) for v in doc.xpath("//@title")]
    return "\n".join(p for p in parts if not _NORM_QUOTE.match(p))  # the statute's wording is a value


_NORM_QUOTE = re.compile(r"(?:§|Anlage)\s[^:\n]{1,80}?\b(?:WPG|FZV|LWPG NRW)\b:")
"""A quoted norm: its citation, a colon, then the text of the law (German in every output language)."""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """What a person reads, per (output, language): the demo report (Markdown, HTML, console), diff, check, compare."""
    out: dict[tuple[str, str], str] = {}
    towns = sorted(str(p) for p in (MODELS / "ist").iterdir() if p.is_dir())
    for lang in ("de", "en"):
        folder = tmp_path_factory.mktemp(f"report-{lang}")
        done = _run("report", *towns, "--reference", REFERENCE, "-o", folder, "--format", "html,md,json", lang=lang)
        assert done.returncode == 0, done.stderr
        out[("report.md", lang)] = html.unescape((folder / "report.md").read_text(encoding="utf-8").replace("\\", ""))
        out[("index.html", lang)] = _html_text(folder / "index.html")
        out[("report stderr", lang)] = done.stderr
        out[("report.json", lang)] = (folder / "report.json").read_text(encoding="utf-8")
        for fmt in ("text", "markdown"):
            diff = _run("diff", TOWN, REFERENCE, "--format", fmt, lang=lang)
            assert diff.returncode == 1, diff.stderr
            out[(f"diff {fmt}", lang)] = html.unescape(diff.stdout.replace("\\", ""))  # Markdown escapes < > &
        check = _run("check", TOWN, lang=lang)
        assert check.returncode in (0, 1), check.stderr
        out[("check", lang)] = check.stdout
        compare = _run("compare", *towns, "--reference", REFERENCE, "--no-rules", lang=lang)
        assert compare.returncode in (0, 1), compare.stderr
        out[("compare", lang)] = compare.stdout + compare.stderr
    return out


def _clean(text: str, values: Values) -> str:
    text = re.sub(r"(?<!\S)/\S+", " ", text)  # absolute paths (the report lists what it wrote)
    # the statute's wording quoted after its citation ("§ 7 Abs. 2 Nr. 1 WPG: jeden Betreiber …") is a value
    text = re.sub(r"(?:§|Anlage)\s[^:\n]{1,80}?\b(?:WPG|FZV|LWPG NRW)\b:[^\n]*", " ", text)
    text = re.sub(r"\S+\.(?:yaml|yml|bpmn|json|csv|xlsx|html|md|js|css)\b", " ", text)  # file names
    text = re.sub(r"\[[a-z0-9]+(?:-[a-z0-9]+)+\]", " ", text)  # rule names (kebab-case codes), e.g. [missing-citation]
    text = values.remove(text)
    for term in ALLOWED_TERMS:
        text = text.replace(term, " ")
    return text


_SNAKE = re.compile(r"(?<![\w.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])")
_REPR = re.compile(r"\{'[^']*': |\['[^']*'(?:, '|\])|\bNone\b|\bTrue\b|\bFalse\b")


def _common(text: str) -> list[str]:
    problems = [f"snake_case {m}" for m in _SNAKE.findall(text)]
    problems += [f"Python repr {m!r}" for m in _REPR.findall(text)]
    problems += [f"ISO date {m}" for m in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)]
    return problems


def problems_de(text: str) -> list[str]:
    """Why a German text does not read German."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    problems = [f"English word '{w}'" for w in sorted(words & ENGLISH_WORDS)]
    problems += [f"English thousands {m}" for m in re.findall(r"\d,\d{3}(?!\d)", text)]
    problems += [f"English decimal {m}" for m in re.findall(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])", text)
                 if m not in ("2.0",)]  # BPMN 2.0
    return problems + _common(text)


def problems_en(text: str) -> list[str]:
    """Why an English text does not read English."""
    words = set(re.findall(r"[A-Za-zÄÖÜäöüß]+", text))
    problems = [f"German word '{w}'" for w in sorted(words & GERMAN_WORDS)]
    problems += [f"umlaut in '{m}'" for m in sorted(set(re.findall(r"\S*[äöüÄÖÜß]\S*", text)))]
    problems += [f"German decimal {m}" for m in re.findall(r"(?<![\d,])\d+,\d{1,2}(?![\d,])", text)]
    problems += [f"German thousands {m}" for m in re.findall(r"\d\.\d{3}(?!\d)", text)]
    return problems + _common(text)


NAMES = ["report.md", "index.html", "report stderr", "diff text", "diff markdown", "check", "compare"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_output_reads_in_one_language(outputs: dict[tuple[str, str], str], model_values: Values,
                                      name: str, lang: str) -> None:
    if (name, lang) == ("index.html", "en"):
        pytest.xfail("known gap: the action list's search rows name stakeholder kinds by their German catalogue "
                     "names (\"Involve absehbare künftige Netzbetreiber\"); the catalogue has no English names")
    text = _clean(outputs[(name, lang)], model_values)
    found = problems_de(text) if lang == "de" else problems_en(text)
    assert not found, f"{name} ({lang}) mixes languages: {sorted(set(found))[:30]}"


def test_the_checker_catches_mixing(model_values: Values) -> None:
    """The checks are real: each kind of mixing is found."""
    assert problems_de(_clean("Ähnlichkeit 0.72, EUR 268,828 → 199,000; resource_changed", model_values))
    assert problems_de("Abweichungen: {'fte': 0.5}") and problems_de("Frist 2028-06-30")
    assert problems_de("Pflicht is missing")
    assert problems_en("Similarity 0,72") and problems_en("obligation fehlt") and problems_en("Frist")
    assert not problems_de(_clean("Ähnlichkeit 0,72; 268.828 € → 199.000 €; Frist 30.06.2028", model_values))
    assert not problems_en(_clean("Similarity 0.72; €268,828 → €199,000; deadline 30 Jun 2028", model_values))


def test_numbers_money_and_dates_follow_the_locale() -> None:
    assert format_currency(268828, "de") == "268.828\xa0€" and format_currency(268828, "en") == "€268,828"
    assert format_currency(1234.5, "de", 2) == "1.234,50\xa0€" and format_currency(1234.5, "en", 2) == "€1,234.50"
    assert format_decimal(0.722, "de") == "0,72" and format_decimal(0.722, "en") == "0.72"
    assert format_number(76344, "de") == "76.344" and format_number(76344, "en") == "76,344"
    assert format_fte(0.5, "de") == "0,5" and format_fte(3, "en") == "3" and format_fte(2.25, "de") == "2,25"
    assert format_signed(-0.05, "de") == "-0,05" and format_signed(0.1, "en") == "+0.1"
    assert format_percent(0.724, "de") == "72\xa0%" and format_percent(0.724, "en") == "72%"
    assert format_date("2028-06-30", "de") == "30.06.2028" and format_date("2028-06-30", "en") == "30 Jun 2028"
    assert format_datetime("2026-12-02T00:42:56+00:00", "de") == "02.12.2026, 00:42 UTC"
    assert format_datetime("2026-12-02T00:42:56+00:00", "en") == "2 Dec 2026, 00:42 UTC"


def test_demo_report_is_formatted_by_locale(outputs: dict[tuple[str, str], str]) -> None:
    de, en = outputs[("report.md", "de")], outputs[("report.md", "en")]
    assert "| Rheine | 76.344 | 0,72 |" in de and "| Rheine | 76,344 | 0.72 |" in en
    assert "Summe VZÄ 3,61 → 3,99; Mittel 268.828\xa0€ → 199.000\xa0€" in outputs[("diff text", "de")]
    assert "Total FTE 3.61 → 3.99; funds €268,828 → €199,000" in outputs[("diff text", "en")]
    assert "30.06.2028" in de and "30 Jun 2028" in en


def test_json_keeps_machine_formats_and_known_change_codes(outputs: dict[tuple[str, str], str]) -> None:
    """JSON is the same in both languages (texts carry both), with ISO dates and codes of the one vocabulary."""
    de, en = json.loads(outputs[("report.json", "de")]), json.loads(outputs[("report.json", "en")])
    de.pop("generated"), en.pop("generated")
    assert de == en
    kinds = {d["kind"] for c in de["comparisons"] for town in c["towns"] for d in town["diff"]}
    assert kinds and kinds <= set(all_codes()), kinds - set(all_codes())
    gap = de["comparisons"][0]["towns"][0]["gaps"][0]["message"]
    assert set(gap) == {"de", "en"} and gap["de"] != gap["en"]


def test_change_vocabulary_is_relative_to_the_reference() -> None:
    assert change_label("removed", "de") == "fehlt gegenüber SOLL"
    assert change_label("removed", "en") == "missing compared with the reference"
    assert change_label("added", "de").startswith("zusätzlich") and change_label("added", "en").startswith("additional")
    assert change_label("changed", "de") == "abweichend"
    assert change_label("reassigned", "de") == "Zuständigkeit verschoben"
    assert change_label("deadline_removed", "de") == "Frist: fehlt"
    assert all(change_label(code, lang) != code for code in all_codes() for lang in ("de", "en"))
    assert len({m.de for m in CHANGE_KINDS.values()}) == len(CHANGE_KINDS)  # one word per change


def test_errors_follow_the_output_language(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    de = subprocess.run([sys.executable, "-m", "vollzug", "diff", str(TOWN), str(missing)], capture_output=True,
                        text=True, check=False, env={**os.environ, "VOLLZUG_LANG": ""})
    assert de.returncode == 2 and de.stderr == f"vollzug: Fehler: {missing}: Datei nicht gefunden\n"
    en = _run("diff", TOWN, missing, lang="en")
    assert en.returncode == 2 and en.stderr == f"vollzug: error: {missing}: file not found\n"
    by_env = subprocess.run([sys.executable, "-m", "vollzug", "render", str(TOWN), "-o", str(tmp_path / "x.gif")],
                            capture_output=True, text=True, check=False, env={**os.environ, "VOLLZUG_LANG": "en"})
    assert by_env.stderr.startswith("vollzug: error: unknown render format 'gif'")
    root = subprocess.run([sys.executable, "-m", "vollzug", "--lang", "en", "report", str(TOWN)],
                          capture_output=True, text=True, check=False)
    assert root.returncode == 2 and "Error: Missing option '--reference'" in root.stderr
    usage = subprocess.run([sys.executable, "-m", "vollzug", "report", str(TOWN)], capture_output=True, text=True,
                           check=False, env={**os.environ, "VOLLZUG_LANG": ""})
    assert usage.returncode == 2 and "Fehler: Option '--reference' / '-r' fehlt." in usage.stderr
    assert usage.stderr.startswith("Aufruf: vollzug report")
