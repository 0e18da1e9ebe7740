"""The bpmn-js viewer shipped with the reports is the pinned npm package's, unchanged, with its licence; the
watermark code is in it; the licence notice is in THIRD_PARTY_NOTICES.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENDORED = ROOT / "src" / "vollzug" / "report" / "assets" / "bpmn-js"
PACKAGE = ROOT / "tests" / "js" / "node_modules" / "bpmn-js"


def test_version_licence_and_notice() -> None:
    version = (VENDORED / "VERSION").read_text(encoding="utf-8").strip()
    pinned = json.loads((ROOT / "tests" / "js" / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert pinned["bpmn-js"] == version
    assert "watermark" in (VENDORED / "LICENSE").read_text(encoding="utf-8")
    notices = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    assert f"bpmn-js {version}" in notices and "watermark" in notices
    viewer = (VENDORED / "bpmn-navigated-viewer.production.min.js").read_text(encoding="utf-8")
    assert f"bpmn-navigated-viewer v{version}" in viewer[:200]
    assert "bpmn.io" in viewer  # the watermark link is part of the bundle


@pytest.mark.skipif(not PACKAGE.is_dir(), reason="tests/js/node_modules missing (make js-deps)")
def test_vendored_files_equal_the_package() -> None:
    pairs = {"bpmn-navigated-viewer.production.min.js": "dist/bpmn-navigated-viewer.production.min.js",
             "diagram-js.css": "dist/assets/diagram-js.css", "bpmn-js.css": "dist/assets/bpmn-js.css",
             "LICENSE": "LICENSE"}
    for ours, theirs in pairs.items():
        assert (VENDORED / ours).read_bytes() == (PACKAGE / theirs).read_bytes(), ours
