"""The python blocks of docs/api.md and docs/walkthrough.md run, in order, in a scratch folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.docsrun import ROOT, blocks, run_page


def test_api_page_runs(tmp_path: Path) -> None:
    page = ROOT / "docs" / "api.md"
    assert len(blocks(page.read_text(encoding="utf-8"))) >= 8
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "fixtures").symlink_to(ROOT / "tests" / "fixtures")
    runs = run_page(page, tmp_path)
    assert all(output for _block, output in runs)  # every block prints what it shows
    assert (tmp_path / "export" / "vollzug.duckdb").is_file()


@pytest.mark.slow
def test_walkthrough_outputs_match(tmp_path: Path) -> None:
    page = ROOT / "docs" / "walkthrough.md"
    runs = run_page(page, tmp_path)
    checked = 0
    for block, output in runs:
        if block.expected is not None:
            assert output == block.expected, f"walkthrough.md:{block.line}: output differs"
            checked += 1
    assert checked >= 5
