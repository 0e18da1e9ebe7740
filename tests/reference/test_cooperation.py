"""``vollzug cooperation``: candidates among the example towns are plausible by construction."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vollzug.loader import load_model
from vollzug.reference.cooperation import NOT_POOLABLE, candidates, shares

ROOT = Path(__file__).resolve().parents[2]
TOWNS = sorted(p for p in (ROOT / "models" / "ist").iterdir() if p.is_dir() and p.name != "kreis-steinfurt")
SOLL = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"


def test_candidates_are_small_same_kind_neighbouring_size_groups() -> None:
    towns = [(p.name, load_model(p / "wpg.yaml").model) for p in TOWNS]
    reference = load_model(SOLL).model
    all_shares = shares(towns, reference)
    cands = candidates(all_shares, reference, max_fte=0.5, size_ratio=2.0)
    assert cands, "the example towns have small planning shares"
    by_key = {(s.town, s.step): s for s in all_shares}
    for cand in cands:
        assert len(cand.towns) >= 2
        assert max(cand.populations) <= 2.0 * min(cand.populations)
        assert cand.family not in NOT_POOLABLE
        for town in cand.towns:
            for step in cand.steps:
                share = by_key[(town, step)]
                assert 0 < share.fte < 0.5 and share.family == cand.family
        assert 0.0 <= cand.distance <= 1.0
    assert all(c.fte > 0 for c in cands)


def test_cli_json_and_english_text() -> None:
    args = [sys.executable, "-m", "vollzug", "cooperation", *map(str, TOWNS), "--reference", str(SOLL)]
    out = subprocess.run([*args, "--format", "json"], capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["kind"] == "cooperation" and data["candidates"]
    assert all(len(a) == 8 and a.isdigit() for c in data["candidates"] for a in c["ags"])  # AGS as text
    text = subprocess.run([*args, "--lang", "en"], capture_output=True, text=True, check=True).stdout
    assert "cooperation candidates" in text and "Kooperation" not in text


def test_tiny_pools_are_not_proposed() -> None:
    towns = [(p.name, load_model(p / "wpg.yaml").model) for p in TOWNS]
    reference = load_model(SOLL).model
    all_shares = shares(towns, reference)
    every = candidates(all_shares, reference, min_pooled=0.0)
    kept = candidates(all_shares, reference)
    assert any(c.fte < 0.2 for c in every), "the example towns have tiny shared tasks (e.g. publishing the plan)"
    assert kept and all(c.fte >= 0.2 for c in kept) and len(kept) < len(every)
