"""Constants shared by the report tests (the reference fixture and the script payloads)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "compare"
REFERENCE = FIXTURES / "wpg-soll.yaml"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "<script>alert(1)</script>"
