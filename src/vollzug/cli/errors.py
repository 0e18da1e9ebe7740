"""Turn exceptions into one-line messages and exit codes (0 ok, 1 findings/differences, 2 error)."""

from __future__ import annotations

import sys
import traceback
from typing import NoReturn

import click

from vollzug.errors import VollzugError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def run(group: click.Group, args: list[str]) -> NoReturn:
    """Run the click group; map VollzugError (and any unexpected error) to one line on stderr and exit 2."""
    debug = "--debug" in args
    try:
        rv = group.main(args=args, prog_name="vollzug", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        click.echo("vollzug: aborted", err=True)
        sys.exit(EXIT_ERROR)
    except VollzugError as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"vollzug: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except (MemoryError, RecursionError) as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"vollzug: error: input too large or too deeply nested ({type(exc).__name__})", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug: still one line, traceback with --debug
        if debug:
            traceback.print_exc()
        click.echo(f"vollzug: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(rv if isinstance(rv, int) else EXIT_OK)
