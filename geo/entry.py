"""The ``geo`` console script: the commands of :mod:`geo.cli`, with geo's own errors as one line.

Every message a user sees starts ``geo: error:`` or ``geo: warning:``; usage errors exit 2,
bad input 1, and a failure to write standard output is an error too, never silence.
"""

from __future__ import annotations

import gc
import sys

import typer

from geo.cli import app

# A run holds every article's results (a million objects at 10,000 articles) until it writes them:
# at Python's default (the young objects collected at every 700 new ones, the older at every 10
# of those) collecting them again and again took a third of this process's CPU in a re-run of
# 10,000 cached articles (5.0 s, 3.3 s without).
GC_YOUNG = 10_000


def main() -> None:
    """Entry point of the ``geo`` console script: geo's own errors are one line, never a traceback."""
    from geo.atomic import stdout_failure
    from geo.errors import GeoError

    def die(message: str, code: int = 1) -> None:
        typer.echo(message, err=True)
        sys.exit(code)

    gc.set_threshold(GC_YOUNG, 10, 10)
    try:
        code = app(standalone_mode=False)
    except KeyboardInterrupt:
        die("geo: interrupted", 130)
    except GeoError as exc:
        die(f"geo: error: {exc}")
    except OSError as exc:  # standard output's (--help > /dev/full), or not ours to explain
        if (message := stdout_failure(exc)) is None:
            raise
        die(f"geo: error: {message}")
    except Exception as exc:  # noqa: BLE001  typer's usage errors, known by their interface (its click is private)
        if not (hasattr(exc, "format_message") and getattr(exc, "exit_code", None) == 2):
            raise
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError":  # `geo` alone: the help is the answer
            die(exc.format_message(), 2)
        where = ctx.command_path if ctx is not None else "geo"
        die(f"geo: error: {exc.format_message()} (see '{where} --help')", 2)
    finally:  # what is still buffered goes now, where its failure can be told (exit 1)
        if (message := stdout_failure()) is not None:
            die(f"geo: error: {message}")
    sys.exit(code if isinstance(code, int) else 0)
