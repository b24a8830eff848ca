"""The ``rashomon`` command: a thin layer over the library functions.

Every command's help ends with runnable examples (a test checks it), exit codes mean
something (0 ok, 1 some input failed, 2 bad usage or store problem), and errors are one line
naming the file and the problem.  Each command lives in the module of what it works on; this
module imports them so they register on the one Typer ``app``.
"""

from __future__ import annotations

from rashomon._version import __version__
from rashomon.cli._common import app
from rashomon.cli._output import out_console

# isort: off
# Importing a command module registers its commands; this order is the order of `--help`.
from rashomon.cli import documents  # noqa: F401
from rashomon.cli import events  # noqa: F401
from rashomon.cli import claims  # noqa: F401
from rashomon.cli import review  # noqa: F401
from rashomon.cli import web  # noqa: F401

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
    app()


if __name__ == "__main__":
    main()
