"""Storage faults in words the office can act on: a full disk, a read-only database, no server.

SQLAlchemy raises the driver's error (``sqlite3.OperationalError: database
or disk is full``, psycopg's ``ReadOnlySqlTransaction``…) wrapped in its own
``DBAPIError``. :func:`install` hooks the engine's ``handle_error`` event so
that those few faults arrive as a :class:`StorageError` with a code the GUI
and the CLI word like any other error. The transaction is rolled back as
usual: nothing half-written stays, and the caller keeps what the user typed.

Faults recognised (anything else passes through unchanged):

* ``database_full``: SQLite ``SQLITE_FULL``; PostgreSQL SQLSTATE 53100
  (disk full) and 53200 (out of memory);
* ``database_read_only``: SQLite ``SQLITE_READONLY``; PostgreSQL 25006
  (read-only transaction, e.g. a standby server);
* ``database_io_error``: SQLite ``SQLITE_IOERR`` and ``SQLITE_CANTOPEN``
  (a vanished USB stick or network share);
* ``database_unreachable``: PostgreSQL connection failures (class 08, 57P01
  admin shutdown);
* ``database_busy``: SQLite ``SQLITE_BUSY``/``SQLITE_LOCKED`` after the
  busy timeout (another program holds the file), PostgreSQL 55P03 (a lock
  not granted within ``lock_timeout``) — otherwise a raw traceback.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Final

from sqlalchemy import Engine, event

from allocation.errors import AnjuError

# sqlite3 primary result codes (the low byte of an extended code).
_SQLITE: Final = {
    13: "database_full",        # SQLITE_FULL
    8: "database_read_only",    # SQLITE_READONLY
    10: "database_io_error",    # SQLITE_IOERR
    14: "database_io_error",    # SQLITE_CANTOPEN
    5: "database_busy",         # SQLITE_BUSY
    6: "database_busy",         # SQLITE_LOCKED
}
_POSTGRES: Final = {
    "53100": "database_full",
    "53200": "database_full",
    "25006": "database_read_only",
    "57P01": "database_unreachable",
    "55P03": "database_busy",
}


class StorageError(AnjuError):
    """The database could not store or read data for a reason outside the app."""


def install(engine: Engine) -> None:
    """Translate storage faults of ``engine`` into :class:`StorageError`."""
    event.listen(engine, "handle_error", _translate)


def classify(error: BaseException) -> str | None:
    """The fault code of a driver error, or None if it is not a storage fault."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return None if code is None else _SQLITE.get(code & 0xFF)
    state = getattr(error, "sqlstate", None)  # psycopg 3
    if not isinstance(state, str):
        return None
    if state.startswith("08"):
        return "database_unreachable"
    return _POSTGRES.get(state)


def _translate(context: Any) -> None:
    if getattr(context, "is_pre_ping", False):
        return  # the pool's liveness check reconnects by itself; leave it alone
    code = classify(context.original_exception)
    if code is not None:
        detail = str(context.original_exception).strip().splitlines()[0][:200]
        raise StorageError(code, detail=detail) from context.original_exception
