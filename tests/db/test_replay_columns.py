"""Every column of every audited table is a fact verify replays, or is exempt with a reason.

The cases are generated from the schema (db.records' metadata): for each column
of each table, the first row of a populated, demo-like database (the demo
project drawn and its session run to the close, users, a notice and an
objection) is edited behind the app's back by plain SQL, and `verify_audit`
must name that table and column (the report's ``table`` and ``column``). A column added later
without a replay check nor an entry in db.replay.NOT_FACTS fails here by name.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Boolean, Column, Date, DateTime, Engine, Integer, Numeric, Table, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db import admin as users
from db import lottery as draws
from db.casework import add_attachment, add_note
from db.demo.project import create_demo_project
from db.publications import record_objection, register_publication, resolve_objection
from db.records.base import Base
from db.replay import NOT_FACTS, NOT_REPLAYED_TABLES, NOT_YET_REPLAYED, verify_audit
from db.selection import rehearse, set_plan
from db.store.engine import make_session_factory

SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]
WITNESSES = [("公证员", "王公证"), ("监督员", "李监督")]


def _populate(engine: Engine, folder: Path) -> None:
    factory = make_session_factory(engine)
    with factory.begin() as session:
        users.create_user(session, name="admin", role="admin", password="admin-pass-1",
                          actor="admin")
        users.create_user(session, name="demo", role="supervisor", password="demo-pass-12",
                          actor="admin")
        project_id = create_demo_project(session, actor="demo")
        draws.publish_pool(session, project_id=project_id, actor="demo", on=date.today())
        draws.announce_and_draw(session, project_id=project_id, sources=SOURCES,
                                witnesses=WITNESSES, actor="demo")
        # Two batches (the second takes the rest): turns of batch 2, and a stored plan.
        set_plan(session, project_id=project_id, venue="社区服务中心", operator="demo",
                 plan={"minutes": 1, "batches": [
                     {"date": "2026-12-20", "start": "08:30", "size": 50},
                     {"date": "2026-12-21", "start": "08:30", "size": 100000}]})
    rehearse(factory, project_id, seed=7, absent_rate=0.25, operator="demo",
             held_on=date.today())
    with factory.begin() as session:
        register_publication(session, project_id=project_id, kind="notice-results",
                             pdf_sha256="a" * 64, start=date.today(),
                             end=date.today() + timedelta(days=7), actor="demo", pages=3)
        record_objection(session, project_id=project_id, kind="notice-results", objector="赵异议",
                         item="第3行", text="面积有误", received_on=date.today(), actor="demo",
                         household_code="", contact="13800000000")
        resolve_objection(session, project_id=project_id, number=1, outcome="dismissed",
                          resolution="面积无误", decided_on=date.today(), actor="demo")
        scan = folder / "产权证.pdf"
        scan.write_bytes(b"%PDF-1.4 a scan")
        household = session.execute(text(
            "SELECT id FROM household WHERE project_id = :p ORDER BY id LIMIT 1"),
            {"p": project_id}).scalar_one()
        add_attachment(session, household_id=household, path=scan, title="产权证",
                       added_on=date.today(), actor="demo")
        add_note(session, household_id=household, text="户主电话已核实", written_on=date.today(),
                 actor="demo")


def _changed(column: Column[Any], value: Any) -> list[Any]:
    """Values to put in place of ``value``, by the column's type (the first the database takes)."""
    kind = column.type
    if isinstance(kind, Boolean):
        return [not value if value is not None else True]
    if isinstance(kind, DateTime):
        moment = (value if isinstance(value, datetime)
                  else datetime.fromisoformat(str(value)) if value else datetime(2026, 1, 1))
        return [moment + timedelta(seconds=61)]
    if isinstance(kind, Date):
        day = value if isinstance(value, date) else (
            date.fromisoformat(str(value)) if value else date(2026, 1, 1))
        return [day + timedelta(days=1)]
    if isinstance(kind, Numeric):
        return [Decimal(str(value or 0)) + 1]
    if isinstance(kind, Integer):
        number = int(value or 0)
        return [number + 1, number - 1, number + 1000]
    length = getattr(kind, "length", None) or 1000
    word = "" if value is None else str(value)
    return [(word[:-1] + ("X" if word[-1:] != "X" else "Y")) if word else "X",
            word[: length - 1] + "Z"]


def _cases() -> list[tuple[str, str]]:
    return [(table.name, column.name) for table in Base.metadata.sorted_tables
            if table.name not in NOT_REPLAYED_TABLES for column in table.columns]


def _edit(connection: Any, table: Table, column: Column[Any]) -> tuple[dict[str, Any], Any] | None:
    """Edit the first row (with a value in ``column`` if any has one); None if every edit is
    refused by the database itself (a constraint guards that column)."""
    keys = [c.name for c in table.primary_key.columns]
    order = ", ".join(keys)
    row = connection.execute(text(
        f"SELECT {order}, {column.name} AS value FROM {table.name} "
        f"ORDER BY ({column.name} IS NULL), {order} LIMIT 1")).mappings().first()
    if row is None:
        raise LookupError(f"the populated database has no row in {table.name}: add one to "
                          f"_populate")
    where = " AND ".join(f"{k} = :k_{k}" for k in keys)
    # Another row's value first (a flat repointed, a status another row has: what an
    # insider would type), then one made from the value itself.
    others = connection.execute(text(
        f"SELECT DISTINCT {column.name} FROM {table.name} WHERE {column.name} IS NOT NULL "
        f"AND {column.name} <> :v ORDER BY {column.name} LIMIT 2"), {"v": row["value"]}
    ).scalars().all() if row["value"] is not None else []
    for value in [*others, *_changed(column, row["value"])]:
        savepoint = connection.begin_nested()
        try:
            connection.execute(text(f"UPDATE {table.name} SET {column.name} = :v WHERE {where}"),
                               {"v": value, **{f"k_{k}": row[k] for k in keys}})
        except DBAPIError:
            savepoint.rollback()
            continue
        return {k: row[k] for k in keys}, value
    return None


@pytest.fixture
def populated(engine: Engine, tmp_path: Path) -> Engine:
    _populate(engine, tmp_path)
    return engine


# One verify per column takes about four minutes a backend, near the 300 s a test may run on
# a loaded machine: the columns are shared among shards, each its own test of a minute or so.
SHARDS = 4


@pytest.mark.slow
@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_column_edited_behind_the_apps_back_is_named_by_verify(populated: Engine,
                                                                     shard: int) -> None:
    with Session(populated) as session:
        assert verify_audit(session).ok, "the populated database must verify before any edit"
    unseen: list[str] = []
    for table_name, column_name in _cases()[shard::SHARDS]:
        if (table_name, column_name) in NOT_FACTS or (table_name,
                                                       column_name) in NOT_YET_REPLAYED:
            continue
        table = Base.metadata.tables[table_name]
        column = table.columns[column_name]
        with populated.connect() as connection:
            outer = connection.begin()
            try:
                edited = _edit(connection, table, column)
            except LookupError as empty:
                unseen.append(f"{table_name}.{column_name}: {empty}")
                outer.rollback()
                continue
            if edited is None:
                outer.rollback()
                continue  # the database refuses every other value: the schema guards it
            key, value = edited
            try:
                with Session(bind=connection,
                             join_transaction_mode="create_savepoint") as session:
                    report = verify_audit(session)
            except Exception as error:  # noqa: BLE001 - each case's failure is listed
                report = error
            outer.rollback()
        where = f"{table_name}.{column_name} (row {key}, set to {repr(value)[:60]})"
        if isinstance(report, Exception):
            unseen.append(f"{where}: verify raised {report!r} instead of naming it")
        elif report.mismatch is None:
            unseen.append(f"{where}: verify said whole. Replay it in db/replay, or list it "
                          f"in db.replay.NOT_FACTS with the reason it is not a fact")
        elif (report.mismatch.table, report.mismatch.column) != (table_name, column_name):
            found = report.mismatch
            unseen.append(f"{where}: verify named {found.table}.{found.column} ({found.entity} "
                          f"{found.key}, {found.reason}, field {found.field}), not the column "
                          f"edited (db/replay/location.py says where a field is stored)")
    assert not unseen, "\n".join(unseen)


def test_every_exemption_names_a_column_that_exists() -> None:
    columns = {(t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns}
    assert not set(NOT_FACTS) - columns
    assert not set(NOT_YET_REPLAYED) - columns
    assert not set(NOT_FACTS) & set(NOT_YET_REPLAYED)
    assert all(reason.strip() for reason in NOT_FACTS.values())
