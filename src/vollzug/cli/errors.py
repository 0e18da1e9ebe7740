"""Turn exceptions into one-line messages and exit codes (0 ok, 1 findings/differences, 2 error)."""

from __future__ import annotations

import sys
import traceback
from typing import NoReturn

import click

from vollzug.errors import VollzugError
from vollzug.i18n import Msg, current_lang, set_lang

_ERROR = Msg("vollzug: Fehler: {message}", "vollzug: error: {message}")
_ABORTED = Msg("vollzug: abgebrochen", "vollzug: aborted")
_TOO_LARGE = Msg("vollzug: Fehler: Eingabe zu groß oder zu tief verschachtelt ({kind})",
                 "vollzug: error: input too large or too deeply nested ({kind})")
_INTERNAL = Msg("vollzug: interner Fehler: {kind}: {message} (mit --debug für Einzelheiten aufrufen)",
                "vollzug: internal error: {kind}: {message} (run with --debug for details)")
_USAGE = Msg("{usage}\nHilfe: {command} -h\n\nFehler: {message}",
             "{usage}\nTry '{command} -h' for help.\n\nError: {message}")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def run(group: click.Group, args: list[str]) -> NoReturn:
    """Run the click group; map VollzugError (and any unexpected error) to one line on stderr and exit 2."""
    debug = "--debug" in args
    from vollzug.cli.lang import scan_args

    set_lang(scan_args(args))  # errors raised before a command parses its --lang follow it too
    try:
        rv = group.main(args=args, prog_name="vollzug", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _show_click_error(exc)
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        click.echo(_ABORTED(current_lang()), err=True)
        sys.exit(EXIT_ERROR)
    except VollzugError as exc:
        if debug:
            traceback.print_exc()
        from vollzug.cli.error_texts import error_line

        click.echo(_ERROR(current_lang(), message=error_line(exc, current_lang())), err=True)
        sys.exit(EXIT_ERROR)
    except (MemoryError, RecursionError) as exc:
        if debug:
            traceback.print_exc()
        click.echo(_TOO_LARGE(current_lang(), kind=type(exc).__name__), err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug: still one line, traceback with --debug
        if debug:
            traceback.print_exc()
        click.echo(_INTERNAL(current_lang(), kind=type(exc).__name__, message=exc), err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(rv if isinstance(rv, int) else EXIT_OK)


def _show_click_error(exc: click.ClickException) -> None:
    """A usage error in the current language (click's own wording of the problem, our frame around it)."""
    from vollzug.cli.click_de import translate, usage

    lang = current_lang()
    message = translate(exc.format_message(), lang)
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        click.echo(_USAGE(lang, usage=usage(ctx.get_usage(), lang), command=ctx.command_path, message=message),
                   err=True)
    else:
        click.echo(_ERROR(lang, message=message), err=True)
