"""vollzug law list|show in every format and language."""

from __future__ import annotations

import json
import subprocess
import sys


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vollzug", "law", *args], capture_output=True, text=True,
                          check=False)


def test_list() -> None:
    result = _run("list")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["ID", "Pflichten"]
    assert any(line.startswith("WPG") and " 24 " in line for line in lines)
    data = json.loads(_run("list", "--format", "json").stdout)
    assert {d["id"]: d["obligations"] for d in data} == {"FZV": 13, "WPG": 24}


def test_show_text_german() -> None:
    out = _run("show", "WPG").stdout
    assert "WPG.W04  Beteiligung der Netzbetreiber" in out
    assert "Handlungsgrundlage: § 7 Abs. 2 Nr. 1–4 WPG" in out
    assert "fortlaufend" in out
    assert "WPG.W12  Prüfung und Abwägung der Stellungnahmen  [[U] nicht verifiziert]" in out
    assert "30.06.2026" in out and "Einwohner > 100.000" in out


def test_show_markdown_english() -> None:
    out = _run("show", "FZV", "--lang", "en", "--format", "markdown").stdout
    assert out.startswith("# FZV")
    assert "## FZV.K11 Deregister the vehicle if insurance is missing" in out
    assert "- **Legal basis:** § 51 Abs. 4 FZV" in out


def test_show_json_is_the_catalogue() -> None:
    data = json.loads(_run("show", "wpg", "--format", "json").stdout)
    assert data["id"] == "WPG" and len(data["obligations"]) == 24


def test_unknown_catalogue_is_one_line_exit_2() -> None:
    result = _run("show", "NOPE")
    assert result.returncode == 2
    assert "Katalog 'NOPE' unbekannt" in result.stderr and result.stderr.count("\n") == 1
