"""The session plan as a JSON file: read and checked, each problem named by its key path.

The file (all times ``HH:MM``, dates ``YYYY-MM-DD``)::

    {"minutes": 3,                                  # default for every batch
     "break": {"start": "12:00", "end": "14:00"},   # optional default
     "batches": [
       {"date": "2026-12-20", "start": "08:30", "size": 40},
       {"date": "2026-12-20", "start": "14:00", "group": "特殊困难户", "minutes": 5,
        "break": null}]}

A batch may override ``minutes`` and ``break`` (``null``: no break).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any, Final

from allocation.errors import ValidationError
from allocation.schedule.plan import BatchSpec, Pause

TOP_KEYS: Final = frozenset({"minutes", "break", "batches"})
BATCH_KEYS: Final = frozenset({"date", "start", "size", "group", "minutes", "break"})
_UNSET: Final = object()


def read_plan(data: object) -> list[BatchSpec]:
    """The batch specs of a parsed plan file.

    Raises:
        ValidationError with ``path``: ``wrong_type``, ``missing_key``,
            ``unknown_key``, ``bad_plan_date``, ``bad_plan_time``, ``bad_minutes``
            and ``bad_pause`` (the times and sizes themselves are checked again
            by :func:`allocation.schedule.make_plan`).
    """
    top = _object(data, "")
    _known(top, TOP_KEYS, "")
    minutes = top.get("minutes", _UNSET)
    default_pause = _pause(top["break"], "break") if top.get("break") is not None else None
    batches = top.get("batches")
    if batches is None:
        raise ValidationError("missing_key", path="batches")
    if not isinstance(batches, list):
        raise ValidationError("wrong_type", path="batches", expected="array")
    return [_batch(item, f"batches[{i}]", minutes, default_pause)
            for i, item in enumerate(batches)]


def _batch(item: object, path: str, minutes: object, pause: Pause | None) -> BatchSpec:
    entry = _object(item, path)
    _known(entry, BATCH_KEYS, path)
    on = _date(_required(entry, "date", path), f"{path}.date")
    start = _time(_required(entry, "start", path), f"{path}.start")
    own = entry.get("minutes", minutes)
    if own is _UNSET:
        raise ValidationError("missing_key", path=f"{path}.minutes")
    where = f"{path}.minutes" if "minutes" in entry else "minutes"
    if isinstance(own, bool) or not isinstance(own, int):
        raise ValidationError("wrong_type", path=where, expected="integer")
    if "break" in entry:
        pause = None if entry["break"] is None else _pause(entry["break"], f"{path}.break")
    size = entry.get("size")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int)):
        raise ValidationError("wrong_type", path=f"{path}.size", expected="integer")
    group = entry.get("group")
    if group is not None and not isinstance(group, str):
        raise ValidationError("wrong_type", path=f"{path}.group", expected="string")
    if (size is None) == (group is None):
        raise ValidationError("batch_size_or_group", path=path)
    return BatchSpec(on=on, start=start, minutes=own, size=size, group=group, pause=pause)


def _pause(value: object, path: str) -> Pause:
    entry = _object(value, path)
    _known(entry, frozenset({"start", "end"}), path)
    start = _time(_required(entry, "start", path), f"{path}.start")
    end = _time(_required(entry, "end", path), f"{path}.end")
    if end <= start:
        raise ValidationError("bad_pause", path=path, start=start.strftime("%H:%M"),
                              end=end.strftime("%H:%M"))
    return Pause(start, end)


def _object(value: object, path: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError("wrong_type", path=path, expected="object")
    return value


def _known(entry: Mapping[str, Any], keys: frozenset[str], path: str) -> None:
    for key in entry:
        if key not in keys:
            raise ValidationError("unknown_key", path=f"{path}.{key}" if path else key, key=key)


def _required(entry: Mapping[str, Any], key: str, path: str) -> object:
    if key not in entry:
        raise ValidationError("missing_key", path=f"{path}.{key}")
    return entry[key]


def _date(value: object, path: str) -> date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError("bad_plan_date", path=path, value=str(value))


def _time(value: object, path: str) -> time:
    """``HH:MM`` only: seconds would print nowhere and make windows look uneven."""
    if isinstance(value, str) and len(value) == 5 and value[2] == ":":
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError("bad_plan_time", path=path, value=str(value))


def parse_clock(value: str, path: str) -> time:
    """``HH:MM`` as a time of day (the CLI's ``--break 12:00-14:00`` halves), or
    ``bad_plan_time``."""
    return _time(value, path)


def plan_data(specs: list[BatchSpec] | tuple[BatchSpec, ...]) -> dict[str, Any]:
    """The plan file of ``specs``, every batch spelled out (its minutes and break, ``null``
    for none): what a stored plan keeps, and :func:`read_plan` gives the same specs back."""
    return {"batches": [_batch_data(spec) for spec in specs]}


def _batch_data(spec: BatchSpec) -> dict[str, Any]:
    entry: dict[str, Any] = {"date": spec.on.isoformat(), "start": spec.start.strftime("%H:%M"),
                             "minutes": spec.minutes}
    if spec.size is not None:
        entry["size"] = spec.size
    else:
        entry["group"] = spec.group
    entry["break"] = None if spec.pause is None else {
        "start": spec.pause.start.strftime("%H:%M"), "end": spec.pause.end.strftime("%H:%M")}
    return entry
