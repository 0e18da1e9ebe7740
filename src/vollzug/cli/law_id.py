"""``--law`` options: the value must be a catalogue id (the grammar of :mod:`vollzug.model.lawid`)."""

from __future__ import annotations

import click

from vollzug.model.lawid import is_law_id


def check_law_id(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: refuse anything that is not a catalogue id (e.g. a path) with exit code 2."""
    if value is not None and not is_law_id(value):
        raise click.BadParameter(f"{value[:80]!r} is not a catalogue id (letters and digits, e.g. WPG)")
    return value
