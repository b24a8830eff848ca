"""The ``rashomon`` command: a thin layer over the library functions.

Every command's help ends with runnable examples (a test checks it), exit codes mean
something (0 ok, 1 some input failed, 2 bad usage or store problem), and errors are one line
naming the file and the problem.  Each command lives in the module of what it works on; this
module imports them so they register on the one Typer ``app``.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from rashomon._version import __version__
from rashomon.atomic import write_error
from rashomon.cli._common import EXIT_FAILED, EXIT_USAGE, app
from rashomon.cli._output import out_console, print_error
from rashomon.errors import Code, RashomonError

# isort: off
# Importing a command module registers its commands; this order is the order of `--help`.
from rashomon.cli import documents  # noqa: F401
from rashomon.cli import events  # noqa: F401
from rashomon.cli import claims  # noqa: F401
from rashomon.cli import review  # noqa: F401
from rashomon.cli import web  # noqa: F401
from rashomon.cli import export  # noqa: F401

# isort: on

__all__ = ["app", "main"]


@app.command()
def version() -> None:
    """Print rashomon's version.

    \b
    Example:
      rashomon version
    """
    out_console().print(f"rashomon {__version__}", markup=False)


def main() -> None:
    """The console script: a failure nobody anticipated still ends in one coded line (the
    traceback only with ``RASHOMON_DEBUG=1``), never a screenful of internals."""
    try:
        app()
    except RashomonError as exc:
        _fail(str(exc), EXIT_FAILED)
    except OSError as exc:
        if os.environ.get("RASHOMON_DEBUG"):
            raise
        _fail(str(write_error(exc, exc.filename or "")).lstrip(": "), EXIT_FAILED)
    except Exception as exc:
        if os.environ.get("RASHOMON_DEBUG"):
            raise
        reason = str(exc).splitlines()[0] if str(exc) else ""
        _fail(
            f"{Code.INTERNAL} internal error ({type(exc).__name__}: {reason}); "
            "this is a bug: run again with RASHOMON_DEBUG=1 and report the traceback",
            EXIT_USAGE,
        )


def _fail(message: str, status: int) -> NoReturn:
    print_error(message)
    sys.exit(status)


if __name__ == "__main__":
    main()
