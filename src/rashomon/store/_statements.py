"""Statements that run once per ingested document, prepared once per store.

Ingest adds documents one transaction at a time, and for a few-KB document SQLAlchemy's work
per statement (building it, computing its cache key, setting up an execution context) cost
more than SQLite's own.  A :class:`Prepared` statement is built and compiled once; on SQLite
it then runs straight on the driver's cursor (the same connection and transaction), elsewhere
through SQLAlchemy, which finds the prebuilt statement in its compiled cache.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import JSON, Insert, Select
from sqlalchemy.engine import Connection, Dialect

__all__ = ["Prepared"]


class Prepared:
    """One statement compiled for one dialect."""

    def __init__(self, statement: Insert | Select[Any], dialect: Dialect) -> None:
        self.statement = statement
        self.direct = dialect.name == "sqlite"
        compiled = statement.compile(dialect=dialect)
        self.sql = str(compiled)
        #: Parameter names in the order of the SQL's ``?`` placeholders.
        self.order: tuple[str, ...] = tuple(compiled.positiontup or ())
        #: Values fixed when the statement was built (LIMIT 1 ...).
        self.fixed: dict[str, Any] = dict(compiled.params)
        #: Parameters bound to JSON columns: serialised here, as SQLAlchemy's JSON type would.
        self.json = frozenset(k for k, b in compiled.binds.items() if isinstance(b.type, JSON))

    def run(self, conn: Connection, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """Execute inside the caller's transaction; the first row of a query, else None."""
        if not self.direct:
            result = conn.execute(self.statement, dict(params))
            row = result.first() if result.returns_rows else None
            return tuple(row) if row is not None else None
        values = self.fixed | dict(params)
        for key in self.json:
            values[key] = json.dumps(values[key])
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(self.sql, tuple(values[k] for k in self.order))
            row = cursor.fetchone() if cursor.description else None
        finally:
            cursor.close()
        return tuple(row) if row is not None else None

    def read(self, conn: Connection, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """A query on its own: on SQLite a plain read (no transaction to open and close)."""
        if self.direct:
            return self.run(conn, params)
        with conn.begin():
            return self.run(conn, params)
