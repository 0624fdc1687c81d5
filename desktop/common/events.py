"""One app-wide signal saying what kind of data changed, so each view reloads only its own."""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Signal


class Changed(enum.Flag):
    NONE = 0
    PROJECTS = enum.auto()
    HOUSEHOLDS = enum.auto()
    FLATS = enum.auto()
    ALL = PROJECTS | HOUSEHOLDS | FLATS


class AppEvents(QObject):
    """``data_changed(changes, initiator)``: views skip reloads they caused themselves."""

    data_changed = Signal(object, object)
