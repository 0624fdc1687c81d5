"""Bulk work over hundreds of thousands of rows: pausing the cyclic garbage collector, and
inserting rows through the driver's own bulk path."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.store import faults

_gc_lock = threading.Lock()
_gc_readers = 0
_gc_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a bulk read.

    An Excel read keeps its result alive (420,000 Members and Households for
    100,000 households) while openpyxl allocates millions of short-lived
    objects, so every full collection walks an ever larger heap: measured on
    100,000 households, 56 CPU-seconds with the collector, 40.5 without
    (bare openpyxl: 36). Reference counting still frees all acyclic garbage;
    only cycles wait until the read ends. The switch is process-wide, so
    concurrent reads share it: the last one to finish restores the state the
    first one found.
    """
    global _gc_readers, _gc_was_enabled
    with _gc_lock:
        if _gc_readers == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_readers += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_readers -= 1
            if _gc_readers == 0 and _gc_was_enabled:
                gc.enable()


def insert_rows(session: Session, table: Table, columns: Sequence[str],
                rows: Iterable[Sequence[Any]]) -> None:
    """INSERT many rows of ``columns`` straight through the driver, inside the session's
    transaction: sqlite3's executemany, PostgreSQL's COPY.

    SQLAlchemy's executemany builds and type-processes a parameter dict per
    row in Python (measured: about a quarter of a 100,000-household import);
    here each column's own bind processor (the one SQLAlchemy would apply:
    dates and decimals on SQLite) runs on the value and nothing else does.
    Driver errors arrive as SQLAlchemy's (IntegrityError…), storage faults
    as :class:`db.store.faults.StorageError`, as from any statement.
    """
    session.flush()  # the ORM's pending rows first: ours may refer to them
    columns, rows = _with_defaults(table, columns, rows)
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                  for name in columns]
    if any(processors):
        rows = _processed(rows, processors)
    names = ", ".join(quote(name) for name in columns)
    raw: Any = connection.connection.driver_connection
    statement = f"INSERT INTO {quote(table.name)} ({names})"
    try:
        if dialect.name == "postgresql":
            statement = f"COPY {quote(table.name)} ({names}) FROM STDIN"
            with raw.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            statement += f" VALUES ({', '.join('?' * len(columns))})"
            cursor = raw.cursor()
            try:
                cursor.executemany(statement, rows)
            finally:
                cursor.close()
    except dialect.loaded_dbapi.Error as error:
        code = faults.classify(error)
        if code is not None:
            detail = str(error).strip().splitlines()[0][:200]
            raise faults.StorageError(code, detail=detail) from error
        raise DBAPIError.instance(statement, None, error, dialect.loaded_dbapi.Error) from error


def _with_defaults(table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
                   ) -> tuple[list[str], Iterable[Sequence[Any]]]:
    """Add the columns left out that have a constant Python default (SQLAlchemy would fill
    them in; the database would leave them NULL)."""
    extra = [(c.name, getattr(c.default, "arg", None)) for c in table.c
             if c.name not in columns and c.default is not None and not c.primary_key]
    if not extra:
        return list(columns), rows
    if any(callable(value) for _name, value in extra):
        raise ValueError(f"insert_rows: give {table.name}'s computed defaults")
    constants = tuple(value for _name, value in extra)
    return [*columns, *(name for name, _value in extra)], (
        (*row, *constants) for row in rows)


def _processed(rows: Iterable[Sequence[Any]],
               processors: Sequence[Callable[[Any], Any] | None]) -> Iterator[list[Any]]:
    """Each row with its processed columns converted, the others untouched.

    Only the columns that have a processor are visited (a household row has 6
    of 29), and a column's values repeat: one timestamp for a whole batch of
    audit events (the same object: reused), a few hundred signing dates, True
    and False. Dates and flags are converted once per distinct value; only
    for them does equality mean the same conversion (equal Decimals can differ
    in scale, equal datetimes in time zone).
    """
    columns: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = [
        (index, process, {}) for index, process in enumerate(processors)
        if process is not None]
    last: list[Any] = [_NOTHING] * len(processors)
    converted: list[Any] = [None] * len(processors)
    for row in rows:
        values = list(row)
        for index, process, seen in columns:
            value = values[index]
            if value is None:
                continue
            if value is last[index]:
                values[index] = converted[index]
                continue
            kind = type(value)
            if kind is date or kind is bool:
                result = seen.get(value, _NOTHING)
                if result is _NOTHING:
                    result = seen[value] = process(value)
            else:
                result = process(value)
            last[index], converted[index] = value, result
            values[index] = result
        yield values


_NOTHING = object()
