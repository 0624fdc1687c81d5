"""One app-wide signal that carries what each committed write changed, so each page reloads
only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """``data_changed(changes, initiator)``: a :class:`~db.audit.Changes` and who asked.

    Emitted on the main thread by the database worker after every committed
    write (see desktop/common/operations.py); pages skip echoes of their own
    acts when they reload themselves anyway.
    """

    data_changed = Signal(object, object)
