"""The ``--lang`` option: one definition for every command and the root, so errors follow the output language.

A command's ``--lang`` wins; else the root's (``vollzug --lang en diff …``); else ``VOLLZUG_LANG``; else German.
The chosen language is also set as :func:`vollzug.i18n.current_lang`, which the error printer uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from vollzug.i18n import LANG_ENV, LANGS, Lang, as_lang, current_lang, set_lang

F = TypeVar("F", bound=Callable[..., Any])

LANG_HELP = f"Language of output and messages: de or en (default: the root's --lang, else ${LANG_ENV}, else de)."


def _resolve(ctx: click.Context, _param: click.Parameter, value: str | None) -> Lang:
    root = ctx.find_root()
    lang = as_lang(value) or as_lang((root.obj or {}).get("lang")) or current_lang()
    set_lang(lang)
    return lang


def _resolve_optional(ctx: click.Context, param: click.Parameter, value: str | None) -> Lang | None:
    """For commands with a configured default (``check``): None unless given here, at the root or in the env."""
    explicit = as_lang(value) or as_lang((ctx.find_root().obj or {}).get("lang"))
    if explicit is None:
        import os

        explicit = as_lang(os.environ.get(LANG_ENV, "").strip().lower())
    set_lang(explicit)
    return explicit


def lang_option(*, configurable: bool = False, help_text: str = LANG_HELP) -> Callable[[F], F]:
    """``--lang de|en`` for a command; with ``configurable`` the value stays None when nobody chose a language."""
    return click.option("--lang", type=click.Choice(list(LANGS)), default=None, is_eager=True,
                        callback=_resolve_optional if configurable else _resolve, help=help_text)


def scan_args(args: list[str]) -> Lang | None:
    """The last ``--lang X`` / ``--lang=X`` in raw arguments (for errors raised before click has parsed them)."""
    found: Lang | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = as_lang(args[i + 1]) or found
        elif arg.startswith("--lang="):
            found = as_lang(arg.split("=", 1)[1]) or found
    return found
