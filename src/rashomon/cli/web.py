"""The web app command: serve."""

from __future__ import annotations

from typing import Annotated

import typer

from rashomon.cli._common import EXIT_USAGE, DbOption, _store, app
from rashomon.cli._output import out_console, print_error
from rashomon.errors import RashomonError


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to bind; anything beyond 127.0.0.1 needs accounts."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    user: Annotated[
        str | None,
        typer.Option(
            "--user",
            help="Who reviews on a store without accounts [default: $RASHOMON_USER or login name].",
        ),
    ] = None,
) -> None:
    """The web app: overview, events, sources side by side, documents, search, and review.

    Binds 127.0.0.1 unless told otherwise. With accounts in the store (`rashomon users add`),
    everyone logs in and readers cannot review; serving on another address requires them.

    \b
    Examples:
      rashomon serve --db study.db
      rashomon serve --db team.db --host 0.0.0.0 --port 8080
    """
    from rashomon.cli.review import _default_user
    from rashomon.web import serve as run

    with _store(db, create=False) as store:
        try:
            from rashomon.web.serve import check_binding

            check_binding(store, host)
        except RashomonError as exc:
            print_error(exc)
            raise typer.Exit(EXIT_USAGE) from None
        shown = f"[{host}]" if ":" in host else host
        out_console().print(
            f"rashomon: serving {store.shown} on http://{shown}:{port}/ (Ctrl-C stops)",
            markup=False,
        )
        run(store, host, port, user or _default_user())
