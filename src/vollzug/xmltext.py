"""Text XML 1.0 can carry: every string vollzug reads may end up in a BPMN file or an XML report.

C0 control characters other than TAB/LF/CR, lone surrogates and U+FFFE/U+FFFF cannot be written as XML at all
(lxml raises ``ValueError``); the YAML loader refuses them on input and the BPMN writer checks a model built in
Python before writing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""One character XML 1.0 cannot carry."""


def non_xml_char(text: str) -> tuple[int, str] | None:
    """(position, character) of the first character XML cannot carry, or None."""
    found = NOT_XML.search(text)
    return None if found is None else (found.start(), found.group())


def non_xml_strings(value: Any, path: str = "", element: str | None = None
                    ) -> Iterator[tuple[str, str | None, str]]:
    """Every string in a (pydantic) value that XML cannot carry: (key path, innermost element id, character)."""
    if isinstance(value, str):
        found = non_xml_char(value)
        if found is not None:
            yield path, element, found[1]
    elif isinstance(value, BaseModel):
        ident = getattr(value, "id", None)
        inner = ident if isinstance(ident, str) else element
        for name in type(value).model_fields:
            yield from non_xml_strings(getattr(value, name), f"{path}.{name}" if path else name, inner)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from non_xml_strings(item, f"{path}[{index}]", element)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from non_xml_strings(str(key), f"{path}.{key}", element)
            yield from non_xml_strings(item, f"{path}.{key}", element)
