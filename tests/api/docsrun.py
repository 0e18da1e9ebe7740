"""Run the ``python`` blocks of a Markdown page in one namespace, in a scratch folder with ``models``/``rules``
linked in; a ```` ```text ```` block right after a python block is its expected output.

``python tests/api/docsrun.py --update docs/walkthrough.md`` rewrites those output blocks from a real run.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


@dataclass
class Block:
    """A python block, its line in the page, and the expected output block (span in the text) if any."""

    code: str
    line: int
    expected: str | None
    output_span: tuple[int, int] | None


def blocks(text: str) -> list[Block]:
    """The python blocks of a page with the text block that follows each directly (blank lines between)."""
    fences = list(_FENCE.finditer(text))
    out: list[Block] = []
    for i, fence in enumerate(fences):
        if fence.group(1) != "python":
            continue
        expected = span = None
        if i + 1 < len(fences) and fences[i + 1].group(1) == "text" \
                and not text[fence.end():fences[i + 1].start()].strip():
            expected = fences[i + 1].group(2)
            span = (fences[i + 1].start(2), fences[i + 1].end(2))
        out.append(Block(fence.group(2), text[:fence.start()].count("\n") + 2, expected, span))
    return out


def run_page(page: Path, workdir: Path) -> list[tuple[Block, str]]:
    """Run every python block of ``page`` in ``workdir``; returns each block with its captured stdout."""
    for name in ("models", "rules"):
        link = workdir / name
        if not link.exists():
            link.symlink_to(ROOT / name)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    text = page.read_text(encoding="utf-8")
    results = []
    old = Path.cwd()
    os.chdir(workdir)
    try:
        for block in blocks(text):
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(block.code, f"{page.name}:{block.line}", "exec"), namespace)
            results.append((block, buffer.getvalue()))
    finally:
        os.chdir(old)
    return results


def update(page: Path) -> None:
    """Rewrite the expected-output blocks of ``page`` from a run."""
    text = page.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        runs = run_page(page, Path(tmp))
    for block, output in reversed(runs):
        if block.output_span is not None:
            start, end = block.output_span
            text = text[:start] + output + text[end:]
    page.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--update":
        update(Path(sys.argv[2]))
    else:
        sys.exit("usage: docsrun.py --update PAGE.md")
