"""German/English user-facing text. German is the default language of reports and messages.

:class:`Msg` is a message template in both languages (code); :class:`Text` is a formatted text in both languages
(a result record field, dumped to JSON as ``{"de": …, "en": …}``). The language of the current command (its
``--lang``, else the root's ``--lang``, else ``VOLLZUG_LANG``, else German) is :func:`current_lang`; the CLI's error
printer uses it, so errors follow the output language.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

Lang = Literal["de", "en"]
DEFAULT_LANG: Lang = "de"
LANGS: tuple[Lang, ...] = ("de", "en")
"""The supported languages, default first."""
LANG_ENV = "VOLLZUG_LANG"
"""Environment variable with the default language of every command (``de`` or ``en``)."""


class Msg(NamedTuple):
    """A message in both languages, formatted with ``str.format`` keywords."""

    de: str
    en: str

    def __call__(self, lang: Lang = DEFAULT_LANG, /, **kwargs: object) -> str:
        template = self.de if lang == "de" else self.en
        return template.format(**kwargs) if kwargs else template


class Text(BaseModel):
    """Text in both languages (German is the default of reports): the one bilingual text of every result record."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    de: str
    """German text."""
    en: str
    """English text."""

    @classmethod
    def of(cls, msg: Msg, **kwargs: object) -> Text:
        """Format a :class:`Msg` in both languages; :class:`Text` arguments are taken in the matching language."""
        return cls(de=msg("de", **_in("de", kwargs)), en=msg("en", **_in("en", kwargs)))

    @classmethod
    def same(cls, text: str) -> Text:
        """A text that reads the same in both languages (a name, a citation, an external tool's message)."""
        return cls(de=text, en=text)

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.de if lang == "de" else self.en


def _in(lang: Lang, kwargs: dict[str, object]) -> dict[str, object]:
    return {k: v.get(lang) if isinstance(v, Text) else v for k, v in kwargs.items()}


def as_lang(value: object) -> Lang | None:
    """``value`` if it is a supported language code, else None."""
    return "de" if value == "de" else "en" if value == "en" else None


_CURRENT: ContextVar[Lang | None] = ContextVar("vollzug_lang", default=None)


def set_lang(lang: Lang | None) -> None:
    """Set the language of the running command (None: back to ``VOLLZUG_LANG`` / German)."""
    _CURRENT.set(lang)


def current_lang() -> Lang:
    """The language of the running command: set by ``--lang``, else ``VOLLZUG_LANG``, else German."""
    return _CURRENT.get() or as_lang(os.environ.get(LANG_ENV, "").strip().lower()) or DEFAULT_LANG
