"""The one bilingual text record of every result (``{"de": …, "en": …}`` in JSON); see :mod:`vollzug.i18n`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from vollzug.i18n import Lang, Msg


class Text(BaseModel):
    """Text in both languages (German is the default of reports): the one bilingual text of every result record."""

    model_config = ConfigDict(frozen=True, extra="forbid")

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
