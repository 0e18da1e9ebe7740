"""GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message`` (suppressed findings omitted)."""

from __future__ import annotations

from vollzug.i18n import Lang
from vollzug.lint.finding import CheckResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def emit(result: CheckResult, lang: Lang = "de") -> str:
    """One workflow command per active finding."""
    lines: list[str] = []
    for f in result.findings:
        if f.suppressed:
            continue
        props = [f"file={_prop(f.file or '')}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_prop(f'{f.code} {f.name}')}")
        element = f"[{f.element}] " if f.element else ""
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_data(element + f.message.get(lang))}")
    return "\n".join(lines) + ("\n" if lines else "")
