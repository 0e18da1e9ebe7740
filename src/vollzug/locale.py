"""Zahlen- und Datumsformate: every number, amount, share and date that a person reads, through Babel.

German text uses German formats (``1.234,56 €``, ``30.06.2028``, ``0,72``, ``72 %``), English text English ones
(``€1,234.56``, ``30 Jun 2028``, ``0.72``, ``72%``). ``de`` is formatted as ``de_DE`` and ``en`` as ``en_GB`` (day
before month, the euro sign before the amount). Machine outputs (JSON, CSV, SARIF, XLSX cell values) keep machine
formats — ISO dates and plain floats — and never go through this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

from babel import Locale
from babel import dates as _dates
from babel import numbers as _numbers

from vollzug.i18n import Lang, Text

__all__ = [
    "bilingual", "format_currency", "format_date", "format_datetime", "format_decimal", "format_fte", "format_number",
    "format_percent", "format_signed", "locale_of",
]

_LOCALES: dict[str, str] = {"de": "de_DE", "en": "en_GB"}


def locale_of(lang: Lang) -> str:
    """The Babel locale of a language (``de`` → ``de_DE``, ``en`` → ``en_GB``)."""
    return _LOCALES.get(lang, "de_DE")


@cache
def _currency_pattern(locale: str, digits: int) -> str:
    pattern: str = Locale.parse(locale).currency_formats["standard"].pattern
    return pattern.replace(".00", "." + "0" * digits if digits else "")


def format_number(value: int | float, lang: Lang) -> str:
    """A count or a whole number with grouping: ``76.344`` / ``76,344``."""
    return str(_numbers.format_decimal(round(value), format="#,##0", locale=locale_of(lang)))


def format_decimal(value: float, lang: Lang, digits: int = 2) -> str:
    """A decimal with exactly ``digits`` fraction digits: ``0,72`` / ``0.72``, ``1.234,50``."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return str(_numbers.format_decimal(value, format=pattern, locale=locale_of(lang)))


def format_fte(value: float, lang: Lang) -> str:
    """Staff in VZÄ/FTE with at most two fraction digits and no trailing zeros: ``0,5`` / ``2,25`` / ``3``."""
    return str(_numbers.format_decimal(value, format="#,##0.##", locale=locale_of(lang)))


def format_signed(value: float, lang: Lang) -> str:
    """A difference with its sign and at most two fraction digits: ``+0,5`` / ``-1.000``."""
    return str(_numbers.format_decimal(value, format="+#,##0.##;-#,##0.##", locale=locale_of(lang)))


def format_currency(value: float, lang: Lang, digits: int = 0) -> str:
    """An amount in euro: ``268.828 €`` / ``€268,828`` (``digits`` fraction digits, default none)."""
    locale = locale_of(lang)
    return str(_numbers.format_currency(value, "EUR", format=_currency_pattern(locale, digits), locale=locale,
                                        currency_digits=False))


def format_percent(share: float, lang: Lang, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage: ``72 %`` / ``72%``."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    pattern = pattern + ("\xa0%" if lang == "de" else "%")
    return str(_numbers.format_percent(share, format=pattern, locale=locale_of(lang)))


def format_date(value: dt.date | str, lang: Lang) -> str:
    """A date: ``30.06.2028`` / ``30 Jun 2028``; an ISO string is parsed first (other strings stay as they are)."""
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        day = value.date() if isinstance(value, dt.datetime) else value
    return str(_dates.format_date(day, "medium", locale=locale_of(lang)))


def format_datetime(value: dt.datetime | str, lang: Lang) -> str:
    """A point in time in UTC: ``02.12.2026, 00:42 UTC`` / ``2 Dec 2026, 00:42 UTC``; ISO strings are parsed."""
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    text = _dates.format_datetime(moment, "medium", tzinfo=dt.UTC, locale=locale_of(lang))
    return f"{text.rsplit(':', 1)[0]} UTC"


def bilingual(formatter: Callable[..., str], value: Any, *args: Any) -> Text:
    """A formatted value in both languages, e.g. ``bilingual(format_number, 76344)`` → 76.344 / 76,344; pass it to
    :meth:`Text.of <vollzug.i18n.Text.of>`, which takes each language's form."""
    return Text(de=formatter(value, "de", *args), en=formatter(value, "en", *args))
