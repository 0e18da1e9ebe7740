"""German/English user-facing text. German is the default language of reports and messages.

:class:`Msg` is a message template in both languages (code); :class:`Text` is a formatted text in both languages
(a result record field, dumped to JSON as ``{"de": …, "en": …}``). The language of the current command (its
``--lang``, else the root's ``--lang``, else ``VOLLZUG_LANG``, else German) is :func:`current_lang`; the CLI's error
printer uses it, so errors follow the output language.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from vollzug.text import Text as Text  # re-exported; imported lazily at run time (__getattr__)

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


def __getattr__(name: str) -> Any:
    """``vollzug.i18n.Text`` on first use: the pydantic record lives in :mod:`vollzug.text`, so commands that print
    only messages (``validate``) never import pydantic."""
    if name == "Text":
        from vollzug.text import Text

        return Text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
