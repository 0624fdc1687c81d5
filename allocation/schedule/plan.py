"""The session plan (选房安排): the final drawn order split into batches over days.

Offices do not call a whole order in one sitting: 199 households at three
minutes each is ten hours. The order is split into batches (分批), each on a
date with a start time and the minutes given to each household, and every
household is told its window (选房通知书). A batch takes either the next
``size`` households of the order or the next run of one priority group; the
order itself is never changed, only cut.

A lunch break (午休) ends the morning half-day: a window that would reach
into the break starts when the break ends, so the rest of the batch moves
to the afternoon. Windows are whole minutes; a batch must not run past
midnight nor into the windows of an earlier batch on the same day.

Pure and deterministic: the same order and specs give the same plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from allocation.errors import ValidationError

#: A longer call than this is a typing slip (minutes per household).
MAX_MINUTES: Final = 240
#: A plan's defaults where the office gives none: three minutes a household, and a venue
#: the appointment notices say will be notified.
DEFAULT_MINUTES: Final = 3
DEFAULT_VENUE: Final = "选房现场（具体地点另行通知）"


@dataclass(frozen=True, slots=True)
class Pause:
    """A break in the day (午休): no household is called from ``start`` to ``end``."""

    start: time
    end: time


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchSpec:
    """One batch as the office plans it.

    Exactly one of ``size`` (the next N households; the last batch may have
    fewer) and ``group`` (the next households of that priority group) is set.
    """

    on: date
    start: time
    minutes: int
    size: int | None = None
    group: str | None = None
    pause: Pause | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """A household's place in the plan: its order number, batch and window [start, end)."""

    order_number: int
    code: str
    batch: int
    start: datetime
    end: datetime

    @property
    def on(self) -> date:
        return self.start.date()


@dataclass(frozen=True, slots=True)
class Batch:
    """A planned batch: its number (1..), date, minutes, group and its households' slots."""

    number: int
    on: date
    minutes: int
    group: str | None
    slots: tuple[Slot, ...]
    pause: Pause | None = None

    @property
    def start(self) -> datetime:
        return self.slots[0].start

    @property
    def end(self) -> datetime:
        return self.slots[-1].end

    @property
    def first(self) -> int:
        return self.slots[0].order_number

    @property
    def last(self) -> int:
        return self.slots[-1].order_number


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """Every batch in order; each household of the order is in exactly one."""

    batches: tuple[Batch, ...]

    @property
    def slots(self) -> tuple[Slot, ...]:
        return tuple(s for b in self.batches for s in b.slots)

    def slot(self, code: str) -> Slot:
        for found in self.slots:
            if found.code == code:
                return found
        raise ValidationError("household_not_in_plan", code=code)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(sorted({b.on for b in self.batches}))


def make_plan(order: Sequence[str], specs: Sequence[BatchSpec],
              groups: Mapping[str, str | None] | None = None) -> SessionPlan:
    """Cut ``order`` (household codes, first called first) into the batches ``specs`` plan.

    ``groups`` gives each household's priority group, for batches by group.

    Raises:
        ValidationError (``path`` names the batch: ``batches[2].start``):
            ``empty_order``, ``plan_has_no_batches``, ``plan_duplicate_code``,
            ``bad_minutes``, ``bad_batch_size``, ``batch_size_or_group``,
            ``bad_pause``, ``batch_empty``, ``group_not_next``,
            ``batch_past_midnight``, ``batch_overlaps``, ``order_left_over``.
    """
    if not order:
        raise ValidationError("empty_order")
    if not specs:
        raise ValidationError("plan_has_no_batches", path="batches")
    _check_unique(order)
    groups = groups or {}
    batches: list[Batch] = []
    taken = 0
    for index, spec in enumerate(specs):
        path = f"batches[{index}]"
        _check_spec(spec, path)
        if taken == len(order):
            raise ValidationError("batch_empty", path=path)
        codes = _batch_codes(order, taken, spec, groups, path)
        slots = _slots(codes, taken, index + 1, spec, path)
        _check_after(batches, slots[0], path)
        batches.append(Batch(index + 1, spec.on, spec.minutes, spec.group, tuple(slots),
                             spec.pause))
        taken += len(codes)
    if taken < len(order):
        raise ValidationError("order_left_over", path="batches", count=len(order) - taken,
                              first=taken + 1)
    return SessionPlan(tuple(batches))


def specs_by_count(households: int, *, size: int, first: datetime, minutes: int,
                   pause: Pause | None = None, per_day: int = 1) -> list[BatchSpec]:
    """Batches of ``size`` for ``households``, ``per_day`` a day from ``first``'s date on.

    The first batch of each day starts at ``first``'s time; a later batch of
    the same day starts when the one before it ends.

    Raises:
        ValidationError: ``bad_batch_size``, ``bad_per_day``, ``bad_minutes``.
    """
    if size < 1:
        raise ValidationError("bad_batch_size", path="batch_size", value=size)
    count = -(-households // size)
    return _chain([size] * count, [None] * count, first=first, minutes=minutes, pause=pause,
                  per_day=per_day)


def specs_by_group(order: Sequence[str], groups: Mapping[str, str | None], *, first: datetime,
                   minutes: int, pause: Pause | None = None,
                   per_day: int = 1) -> list[BatchSpec]:
    """One batch per run of a priority group along ``order`` (the final order keeps each group
    together), ``per_day`` a day as in :func:`specs_by_count`."""
    runs: list[tuple[str | None, int]] = []
    for code in order:
        group = groups.get(code)
        if runs and runs[-1][0] == group:
            runs[-1] = (group, runs[-1][1] + 1)
        else:
            runs.append((group, 1))
    return _chain([n for _, n in runs], [g for g, _ in runs], first=first, minutes=minutes,
                  pause=pause, per_day=per_day, by_group=True)


def _chain(sizes: list[int], names: list[str | None], *, first: datetime, minutes: int,
           pause: Pause | None, per_day: int, by_group: bool = False) -> list[BatchSpec]:
    if per_day < 1:
        raise ValidationError("bad_per_day", path="per_day", value=per_day)
    _check_minutes(minutes, "minutes")
    specs: list[BatchSpec] = []
    for index, (size, name) in enumerate(zip(sizes, names, strict=True)):
        on = first.date() + timedelta(days=index // per_day)
        # The first batch of a day starts at the day's time, a later one where the last ended.
        start = (_batch_end(specs[-1], size=sizes[index - 1]) if index % per_day
                 else first.time())
        # A group without a name (no priority) is cut by count: it is the run itself.
        specs.append(BatchSpec(on=on, start=start, minutes=minutes, pause=pause,
                               size=None if by_group and name is not None else size,
                               group=name if by_group else None))
    return specs


def _batch_end(spec: BatchSpec, *, size: int) -> time:
    """When ``spec``'s batch of ``size`` households ends (the next batch starts there)."""
    at = datetime.combine(spec.on, spec.start)
    for _ in range(size):
        at = _window(at, spec.minutes, spec.pause) + timedelta(minutes=spec.minutes)
    if at.date() != spec.on:
        raise ValidationError("batch_past_midnight", path="batches", on=spec.on.isoformat())
    return at.time()


def _window(at: datetime, minutes: int, pause: Pause | None) -> datetime:
    """Where a window of ``minutes`` wanted at ``at`` starts: after the pause if it touches it."""
    if pause is None:
        return at
    pause_start = datetime.combine(at.date(), pause.start)
    pause_end = datetime.combine(at.date(), pause.end)
    if at < pause_end and at + timedelta(minutes=minutes) > pause_start:
        return pause_end
    return at


def _slots(codes: Sequence[str], taken: int, batch: int, spec: BatchSpec,
           path: str) -> list[Slot]:
    slots: list[Slot] = []
    at = datetime.combine(spec.on, spec.start)
    step = timedelta(minutes=spec.minutes)
    for offset, code in enumerate(codes):
        begin = _window(at, spec.minutes, spec.pause)
        at = begin + step
        if at.date() != spec.on and at.time() != time(0):
            raise ValidationError("batch_past_midnight", path=path, on=spec.on.isoformat(),
                                  order_number=taken + offset + 1)
        slots.append(Slot(taken + offset + 1, code, batch, begin, at))
    return slots


def _batch_codes(order: Sequence[str], taken: int, spec: BatchSpec,
                 groups: Mapping[str, str | None], path: str) -> list[str]:
    rest = order[taken:]
    if spec.size is not None:
        return list(rest[:spec.size])
    run = []
    for code in rest:
        if groups.get(code) != spec.group:
            break
        run.append(code)
    if not run:
        raise ValidationError("group_not_next", path=f"{path}.group", group=spec.group,
                              code=rest[0], found=groups.get(rest[0]) or "",
                              order_number=taken + 1)
    return run


def _check_after(batches: Sequence[Batch], first: Slot, path: str) -> None:
    """A batch starts after every window of an earlier batch on the same day has ended."""
    for earlier in batches:
        if earlier.on == first.on and first.start < earlier.end:
            raise ValidationError(
                "batch_overlaps", path=f"{path}.start", batch=earlier.number,
                start=first.start.strftime("%H:%M"), end=earlier.end.strftime("%H:%M"))


def _check_spec(spec: BatchSpec, path: str) -> None:
    _check_minutes(spec.minutes, f"{path}.minutes")
    if (spec.size is None) == (spec.group is None):
        raise ValidationError("batch_size_or_group", path=path)
    if spec.size is not None and spec.size < 1:
        raise ValidationError("bad_batch_size", path=f"{path}.size", value=spec.size)
    if spec.pause is not None and spec.pause.end <= spec.pause.start:
        raise ValidationError("bad_pause", path=f"{path}.break",
                              start=spec.pause.start.strftime("%H:%M"),
                              end=spec.pause.end.strftime("%H:%M"))


def _check_minutes(minutes: int, path: str) -> None:
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not (
            0 < minutes <= MAX_MINUTES):
        raise ValidationError("bad_minutes", path=path, value=minutes, max=MAX_MINUTES)


def _check_unique(order: Sequence[str]) -> None:
    seen: set[str] = set()
    for code in order:
        if code in seen:
            raise ValidationError("plan_duplicate_code", path="order", code=code)
        seen.add(code)
