"""Selection-session benchmark: a 10,000-household rehearsal over 20 batches, and
confirm-to-display latency.

Run by hand: ``.venv/bin/python bench/bench_session.py [--households N] [--batches B]``.
Prints a Markdown table, then the figures of each batch. Three measures:

* the rehearsal (``anju rehearse``'s engine) of a generated project of N
  households and 1.1 N flats on SQLite, with a stored plan of B equal batches
  on B consecutive days and the rule ``next_batch`` (a household absent at its
  calls is carried to the end of the next batch): open the session, then one
  committed transaction per household's turn (call, choose, audit), batch by
  batch, to the close;
* confirm-to-state latency on SQLite in one process: from the desk's confirm
  (``select_flat`` in its own transaction) to a fresh ``session_state``
  that shows the flat taken;
* the same across two processes on PostgreSQL, when ``ANJU_BENCH_POSTGRES_URL``
  names a database **this benchmark may wipe**: the same project and plan, the
  desk confirms in one process, a display in another polls ``session_pulse``
  every 100 ms and reads ``session_state`` when it changes; latency is commit
  to seen.

Targets: rehearsal ≤ 60 s; latency ≤ 100 ms (SQLite) and ≤ 1 s (PostgreSQL).
The floor of the rehearsal is the commits alone: one SQLite commit with the
app's pragmas (WAL, synchronous=FULL) per turn, which survives a power cut.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402

from allocation.demo.policy import demo_policy  # noqa: E402
from allocation.registry.ids import make_id  # noqa: E402
from allocation.registry.model import Flat, Household, Member  # noqa: E402

HELD_ON = date(2026, 11, 1)
SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]
LATENCY_SAMPLES = 40
POLL_SECONDS = 0.1
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
# Sized so that every entitlement band (legal area 25–95 m², or 25 m² a person, plus up
# to 30 m²) holds flats of some layout.
_LAYOUTS = ((45, "1室1厅1卫"), (60, "2室1厅1卫"), (75, "2室2厅1卫"), (90, "3室2厅1卫"))


# --- a big project ------------------------------------------------------------------


def person_id(k: int, sex: str) -> str:
    """The k-th distinct valid ID number, births spread over 1940–2008."""
    # 7919 is prime to 25,000: consecutive people get scattered birth dates, and no
    # two people the same (birth date, sequence) pair.
    birth = date(1940, 1, 1) + timedelta(days=k * 7919 % 25_000)
    return make_id("420106", birth, k // 25_000, "M" if sex == "M" else "F")


def households(count: int, rng: random.Random) -> list[Household]:
    made, person = [], 0
    for i in range(count):
        size = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5))
        members = []
        for j in range(size):
            name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)
            members.append(Member(name, person_id(person, rng.choice("MF")),
                                  "户主" if j == 0 else rng.choice(("配偶", "子", "女", "母"))))
            person += 1
        legal = Decimal(rng.randint(2500, 9500)) / 100
        made.append(Household(f"H{i + 1:05d}", members[0].name, members[0].id_number, legal,
                              members=tuple(members)))
    return made


def flats(count: int, rng: random.Random) -> list[Flat]:
    made = []
    per_building = 2 * 12 * 4  # units × floors × flats per floor
    for i in range(count):
        building, rest = divmod(i, per_building)
        unit, rest = divmod(rest, 48)
        floor, position = divmod(rest, 4)
        area_class, layout = _LAYOUTS[position]
        area = Decimal(area_class * 100 + rng.randint(-300, 300)) / 100
        made.append(Flat(str(building + 1), str(unit + 1), floor + 1,
                         str((floor + 1) * 100 + position + 1), area, layout,
                         Decimal("4000.00")))
    return made


def plan_file(n_households: int, n_batches: int) -> dict[str, Any]:
    """``n_batches`` batches on consecutive days from HELD_ON + 7, the order cut evenly
    (the first batches one household larger where it does not divide)."""
    size, extra = divmod(n_households, n_batches)
    # A minute a household keeps 500 of them within a day from 08:00 (a real office
    # takes 3: the times are not what is measured).
    return {"minutes": 1, "batches": [
        {"date": (HELD_ON + timedelta(days=7 + i)).isoformat(), "start": "08:00",
         "size": size + (1 if i < extra else 0)} for i in range(n_batches)]}


def build_project(factory: Any, n_households: int, n_batches: int = 1) -> int:
    """A drawn rehearsal project of ``n_households`` and 1.1 × as many flats, with a
    stored plan of ``n_batches`` batches (none for 1) and the rule ``next_batch``."""
    import db.lottery.draws as draws
    import db.registry.importing as importing
    import db.registry.operations as registry
    import db.rules.versions as policies
    from allocation.rules import SessionRules
    from db.selection.session_plan import set_plan

    rng = random.Random(20261101)
    with factory.begin() as session:
        project_id = registry.create_project(session, name="bench", actor="bench",
                                             rehearsal=True)
        importing.import_households(session, project_id=project_id,
                                    households=households(n_households, rng), actor="bench")
        importing.import_flats(session, project_id=project_id,
                               flats=flats(n_households * 11 // 10, rng), actor="bench")
        policy = dataclasses.replace(demo_policy(), session=SessionRules("next_batch"))
        policies.set_policy(session, project_id=project_id, policy=policy, actor="bench")
        policies.freeze_policy(session, project_id=project_id, actor="bench")
        draws.publish_pool(session, project_id=project_id, actor="bench", on=HELD_ON)
        draws.announce_and_draw(session, project_id=project_id, sources=SOURCES,
                                actor="bench")
        if n_batches > 1:
            set_plan(session, project_id=project_id, plan=plan_file(n_households, n_batches),
                     venue="社区服务中心", operator="bench")
    return project_id


# --- measures -------------------------------------------------------------------------


def commit_floor(path: Path, turns: int) -> float:
    """One tiny SQLite transaction per turn with the app's pragmas: the commits alone."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE t (a)")
    start = time.perf_counter()
    for i in range(turns):
        connection.execute("BEGIN")
        connection.execute("INSERT INTO t VALUES (?)", (i,))
        connection.execute("COMMIT")
    seconds = time.perf_counter() - start
    connection.close()
    return seconds


def rehearsal(factory: Any, project_id: int) -> tuple[float, float, Any]:
    """Wall and CPU seconds of the whole rehearsal (CPU time shows a busy machine's share)."""
    from db.selection.rehearsal import rehearse

    start, cpu = time.perf_counter(), time.process_time()
    result = rehearse(factory, project_id, seed=1, absent_rate=0.02, held_on=HELD_ON)
    return time.perf_counter() - start, time.process_time() - cpu, result


def _called_with_offer(factory: Any, project_id: int) -> tuple[str, str]:
    """The desk calls the next household and looks at its offers (not timed)."""
    import db.selection.desk as selection

    with factory.begin() as session:
        turn = selection.call_next(session, project_id=project_id, operator="desk")
        assert turn is not None
        return turn.code, selection.offers(session, project_id, turn.code)[0].flat.key


def _confirm(factory: Any, project_id: int, code: str, key: str) -> None:
    """The desk confirms: one transaction."""
    import db.selection.desk as selection

    with factory.begin() as session:
        selection.select_flat(session, project_id=project_id, code=code, flat_key=key,
                              operator="desk")


def sqlite_latency(factory: Any, project_id: int) -> list[float]:
    """Seconds from the confirm's start to a fresh session_state showing the flat taken."""
    import db.selection.desk as selection

    with factory.begin() as session:
        selection.open_session(session, project_id=project_id, operator="desk",
                               held_on=HELD_ON)
    samples = []
    for _ in range(LATENCY_SAMPLES):
        code, key = _called_with_offer(factory, project_id)
        start = time.perf_counter()
        _confirm(factory, project_id, code, key)
        with factory() as session:
            state = selection.session_state(session, project_id)
        assert state is not None and key in state.taken_flats
        samples.append(time.perf_counter() - start)
    return samples


def _display(url: str, project_id: int, queue: Any, stop: Any) -> None:
    """The hall's display in its own process: poll the pulse, read the state on a change."""
    import db.selection.desk as selection
    from db.store.engine import make_engine, make_session_factory

    factory = make_session_factory(make_engine(url))
    seen = -1
    while not stop.is_set():
        with factory() as session:
            pulse = selection.session_pulse(session, project_id)
            if pulse is not None and pulse.version != seen:
                state = selection.session_state(session, project_id)
                assert state is not None
                seen = state.version
                if state.last_selection is not None:
                    queue.put((state.last_selection.flat_key, time.time()))
        time.sleep(POLL_SECONDS)


def postgres_latency(url: str, n_households: int, n_batches: int) -> list[float]:
    """Seconds from the desk's commit (one process) to the display seeing it (another)."""
    import db.selection.desk as selection
    from db.store.engine import make_engine, make_session_factory, open_database

    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    _engine, factory = open_database(url)
    project_id = build_project(factory, n_households, n_batches)
    with factory.begin() as session:
        selection.open_session(session, project_id=project_id, operator="desk",
                               held_on=HELD_ON)
    context = multiprocessing.get_context("spawn")
    queue, stop = context.Queue(), context.Event()
    display = context.Process(target=_display, args=(url, project_id, queue, stop))
    display.start()
    time.sleep(3)  # let the display start and read the state once
    desk = make_session_factory(make_engine(url))
    samples = []
    for _ in range(LATENCY_SAMPLES // 2):
        code, key = _called_with_offer(desk, project_id)
        _confirm(desk, project_id, code, key)
        committed = time.time()
        while True:
            seen_key, seen_at = queue.get(timeout=10)
            if seen_key == key:
                break
        samples.append(seen_at - committed)
        time.sleep(0.35)  # a desk confirms at most every few seconds
    stop.set()
    display.join(10)
    return samples


# --- report ---------------------------------------------------------------------------


def _ms(samples: list[float]) -> str:
    return (f"median {statistics.median(samples) * 1000:.0f} ms, "
            f"max {max(samples) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--batches", type=int, default=20)
    args = parser.parse_args()
    from db.selection.batch_figures import batch_figures
    from db.store.engine import open_database

    pg_url = os.environ.get("ANJU_BENCH_POSTGRES_URL")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _engine, factory = open_database(f"sqlite:///{folder / 'anju.sqlite3'}")
        start = time.perf_counter()
        project_id = build_project(factory, args.households, args.batches)
        built = time.perf_counter() - start
        _engine.dispose()
        shutil.copy(folder / "anju.sqlite3", folder / "latency.sqlite3")
        _engine, factory = open_database(f"sqlite:///{folder / 'anju.sqlite3'}")
        seconds, cpu, result = rehearsal(factory, project_id)
        with factory() as session:
            batches = batch_figures(session, project_id)
        floor = commit_floor(folder / "floor.sqlite3", result.turns)
        _engine.dispose()
        _engine, latency_factory = open_database(f"sqlite:///{folder / 'latency.sqlite3'}")
        sqlite_samples = sqlite_latency(latency_factory, project_id)
        _engine.dispose()
    pg_samples = postgres_latency(pg_url, args.households, args.batches) if pg_url else None
    print(f"(built the project in {built:.1f} s: {args.households:,} households, "
          f"{args.households * 11 // 10:,} flats, drawn; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)\n")
    print("| measure | result | target |")
    print("| --- | ---: | --- |")
    planned = sum(1 for b in batches if b.batch)  # not the final call
    print(f"| rehearsal: {result.households:,} households in {planned} batches, "
          f"{result.turns:,} turns "
          f"({result.selected:,} selected, {result.declined:,} declined, "
          f"{result.absent:,} absent) | {seconds:.1f} s "
          f"({seconds / result.turns * 1000:.1f} ms/turn; CPU {cpu:.1f} s) | ≤ 60 s |")
    print(f"| floor: {result.turns:,} bare SQLite commits (WAL, synchronous=FULL) | "
          f"{floor:.1f} s | |")
    print(f"| confirm → session_state, SQLite, one process ({len(sqlite_samples)} confirms) | "
          f"{_ms(sqlite_samples)} | ≤ 100 ms |")
    if pg_samples is None:
        print("| confirm → display, PostgreSQL, two processes | not run "
              "(set ANJU_BENCH_POSTGRES_URL) | ≤ 1 s |")
    else:
        print(f"| commit → display, PostgreSQL, two processes, display polls every "
              f"{POLL_SECONDS * 1000:.0f} ms ({len(pg_samples)} confirms) | "
              f"{_ms(pg_samples)} | ≤ 1 s |")
    print("\n| batch | day | households | selected | declined | absent | remaining |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for batch in batches:
        print(f"| {batch.batch or 'final call'} | {batch.on} | {batch.households:,} | "
              f"{batch.selected:,} | {batch.declined:,} | {batch.absent:,} | "
              f"{batch.remaining:,} |")


if __name__ == "__main__":
    main()
