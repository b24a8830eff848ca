"""Options of the Ray engine (``--engine``, ``--address``, ``--jobs``) and of tables."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from rashomon.cli._common import EXIT_USAGE
from rashomon.cli._output import print_error
from rashomon.errors import RashomonError

if TYPE_CHECKING:
    from rashomon.scale import RayEngine


class EngineName(StrEnum):
    local = "local"
    ray = "ray"


EngineOpt = Annotated[
    EngineName,
    typer.Option(
        "--engine",
        help="local: a process pool and the in-memory aligner on this machine; ray: Ray "
        "Data workers and alignment tasks (pip install 'rashomon[ray]'), same results.",
    ),
]
AddressOpt = Annotated[
    str | None,
    typer.Option(
        "--address",
        help="With --engine ray: join this cluster (ray://HOST:PORT, HOST:PORT or auto) "
        "[default: start a local Ray instance]",
        show_default=False,
    ),
]


class InputFormat(StrEnum):
    files = "files"
    parquet = "parquet"


InputFormatOpt = Annotated[
    InputFormat,
    typer.Option(
        "--format",
        help="files: text, HTML, PDF files and folders; parquet: documents tables with "
        "columns id, text and optionally lang, date, url, publisher (one row a document).",
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Extract in this many processes (local engine, default 1) or Ray workers "
        "(--engine ray, default every CPU of the cluster).",
        show_default=False,
    ),
]


@contextmanager
def ray_engine(
    engine: EngineName, address: str | None, workers: int | None
) -> Iterator[RayEngine | None]:
    """The open Ray engine (None for the local engine); a Ray problem (not installed,
    cluster unreachable) exits with its code."""
    if address and engine is not EngineName.ray:
        raise typer.BadParameter("--address needs --engine ray", param_hint="--address")
    if engine is not EngineName.ray:
        yield None
        return
    from rashomon.scale import RayEngine

    with ExitStack() as stack:
        try:
            opened = stack.enter_context(RayEngine(address=address, workers=workers))
        except RashomonError as exc:
            print_error(exc)
            raise typer.Exit(EXIT_USAGE) from None
        yield opened
