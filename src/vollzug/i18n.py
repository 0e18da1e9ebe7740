"""German/English user-facing text. German is the default language of reports and messages."""

from __future__ import annotations

from typing import Literal, NamedTuple

Lang = Literal["de", "en"]
DEFAULT_LANG: Lang = "de"


class Msg(NamedTuple):
    """A message in both languages, formatted with ``str.format`` keywords."""

    de: str
    en: str

    def __call__(self, lang: Lang = DEFAULT_LANG, /, **kwargs: object) -> str:
        template = self.de if lang == "de" else self.en
        return template.format(**kwargs) if kwargs else template
