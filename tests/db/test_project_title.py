"""A project's printed title (项目名称) beside the short name commands use: stored, audited,
replayed by the check, and migration 0013 both ways without touching any other row."""

from __future__ import annotations

import json
from datetime import UTC

import pytest
from alembic import command
from sqlalchemy import inspect, text

import db.registry as registry
import db.selection.desk as selection
from allocation.errors import ValidationError
from db.audit.chain import events_for
from db.records.base import Base
from db.replay.check import verify_audit
from db.store.migrate import alembic_config, current_revision, head_revision
from tests.db.test_selection import ON, build_drawn_project

TITLE = "东湖片区二期安置项目"


def test_a_project_s_papers_are_headed_with_its_title(factory):
    """A short name for commands (``--project dh2``), the Chinese title on its papers; a
    project without a title is headed with its name, as every project before titles."""
    with factory.begin() as s:
        titled = registry.create_project(s, name="dh2", title=f" {TITLE} ", actor="op")
        plain = registry.create_project(s, name="东湖三期", actor="op")
    with factory() as s:
        assert registry.project_title(registry.require_project(s, titled)) == TITLE
        assert registry.project_title(registry.require_project(s, plain)) == "东湖三期"
        assert {p.name: p.title for p in registry.list_projects(s)} == {
            "dh2": TITLE, "东湖三期": ""}
        [created] = events_for(s, project_id=titled)
        logged = json.loads(created.after)
        # the moment of its creation too: its row's, read once for the row and the event
        assert logged.pop("created_at") == created.at.replace(
            tzinfo=created.at.tzinfo or UTC).astimezone(UTC).isoformat(timespec="microseconds")
        assert logged == {"name": "dh2", "rehearsal": False, "title": TITLE}
        assert verify_audit(s).ok


def test_a_title_is_edited_audited_and_checked_against_the_log(factory):
    """Retitled: the event holds the state before and after; cleared, the name heads the
    papers again; an UPDATE typed into the database is found and the field named."""
    with factory.begin() as s:
        pid = registry.create_project(s, name="dh2", actor="op")
    with factory.begin() as s:
        registry.retitle_project(s, project_id=pid, title=TITLE, actor="op")
        registry.retitle_project(s, project_id=pid, title=TITLE, actor="op")  # no change
    with factory() as s:
        events = events_for(s, project_id=pid)
        assert [e.action for e in events] == ["create", "update"]
        assert json.loads(events[1].before)["title"] == ""
        assert json.loads(events[1].after)["title"] == TITLE
        assert verify_audit(s, pid).ok
    with factory.begin() as s:
        registry.rename_project(s, project_id=pid, name="东湖二期", actor="op")
    with factory() as s:
        assert registry.require_project(s, pid).title == TITLE  # a rename keeps the title
        assert verify_audit(s, pid).ok
    with factory.begin() as s:
        s.execute(text("UPDATE project SET title = '西湖片区安置项目'"))
    with factory() as s:
        report = verify_audit(s, pid)
    assert report.mismatch is not None
    assert (report.mismatch.entity, report.mismatch.key, report.mismatch.reason,
            report.mismatch.field) == ("project", str(pid), "changed_outside_app", "title")
    with factory.begin() as s:
        registry.retitle_project(s, project_id=pid, title="  ", actor="op")
    with factory() as s:
        assert registry.project_title(registry.require_project(s, pid)) == "东湖二期"


def test_a_title_longer_than_its_column_is_refused(factory):
    """200 characters fit (the column's width); 201 are refused, naming the field."""
    with factory.begin() as s:
        pid = registry.create_project(s, name="长", title="项" * 200, actor="op")
    with factory.begin() as s, pytest.raises(ValidationError) as error:
        registry.retitle_project(s, project_id=pid, title="项" * 201, actor="op")
    assert (error.value.code, error.value.params) == ("too_long", {"field": "title",
                                                                   "max": 200})
    with factory.begin() as s, pytest.raises(ValidationError):
        registry.create_project(s, name="更长", title="项" * 201, actor="op")


def _row_counts(engine) -> dict[str, int]:
    names = set(inspect(engine).get_table_names()) & set(Base.metadata.tables)
    with engine.connect() as c:
        return {n: c.exec_driver_sql(f"SELECT count(*) FROM {n}").scalar_one()
                for n in sorted(names)}


def test_the_migration_leaves_every_other_row_both_ways(engine, factory):
    """Down to 0012 and up again, with a drawn project whose session has turns and a
    choice: on SQLite a rebuilt ``project`` would cascade them all away. Every table keeps
    every row; only the title is gone, which the check then names."""
    with factory.begin() as s:
        drawn = build_drawn_project(s)
        plain = registry.create_project(s, name="东湖三期", actor="op")
        registry.retitle_project(s, project_id=drawn, title=TITLE, actor="op")
    with factory.begin() as s:
        selection.open_session(s, project_id=drawn, operator="sup", held_on=ON)
    before = _row_counts(engine)
    assert before["selection_turn"] > 0 and before["household"] > 0
    config = alembic_config(engine)
    command.downgrade(config, "0012")
    assert current_revision(engine) == "0012"
    assert "title" not in {c["name"] for c in inspect(engine).get_columns("project")}
    below = _row_counts(engine)  # the tables of later migrations are gone down there
    assert below == {name: before[name] for name in below}
    command.upgrade(config, "head")
    assert current_revision(engine) == head_revision()
    assert _row_counts(engine) == before
    with factory() as s:
        assert registry.require_project(s, drawn).title == ""
        assert verify_audit(s, plain).ok
        found = verify_audit(s, drawn).mismatch
    assert found is not None and (found.entity, found.field) == ("project", "title")
