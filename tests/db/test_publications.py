"""The publications registry on both backends: versions, objections, roles, the audit replay."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import text

import db.admin.users as users
import db.publications.notices as publications
import db.registry.operations as registry
from allocation.errors import ConflictError, NotFoundError, ValidationError
from db.admin.users import ADMIN, OBSERVER, OPERATOR, SUPERVISOR, PermissionDenied
from db.audit.chain import events_for
from db.publications.notices import DISMISSED, OPEN, UPHELD
from db.replay.check import verify_audit

START = date(2026, 11, 23)
END = date(2026, 11, 29)
PASSWORD = "correct horse"


def sha(text_: str) -> str:
    return hashlib.sha256(text_.encode()).hexdigest()


def register(session, project_id, kind="notice-households", content="v", **kwargs):
    return publications.register_publication(
        session, project_id=project_id, kind=kind, pdf_sha256=sha(content), start=START,
        end=END, actor=kwargs.pop("actor", "tester"), pages=2, **kwargs)


def object_to(session, project_id, kind="notice-households", **kwargs):
    values = {"objector": "张三丰", "item": "户号 D012", "text": "认定人口少算一人",
              "received_on": date(2026, 11, 24), "actor": "tester"} | kwargs
    return publications.record_objection(session, project_id=project_id, kind=kind, **values)


def test_versions_count_per_kind_and_are_listed(factory, project_id):
    """Each kind has its own 第1版, 第2版…; the hash, period and pages are kept as given."""
    with factory.begin() as s:
        first = register(s, project_id, content="a")
        flats = register(s, project_id, kind="notice-flats", content="b")
        second = register(s, project_id, content="c")
    assert (first.version, flats.version, second.version) == (1, 1, 2)
    assert second.label == "第2版"
    with factory() as s:
        listed = publications.list_publications(s, project_id, "notice-households")
        assert publications.next_version(s, project_id, "notice-households") == 3
        assert publications.latest_publication(s, project_id, "notice-flats") == flats
    assert [p.version for p in listed] == [1, 2]
    assert listed[0].content_sha256 == sha("a") and listed[0].pages == 2
    assert (listed[0].period_start, listed[0].period_end) == (START, END)


def test_a_version_printed_elsewhere_first_is_refused(factory, project_id):
    """A notice printed as 第1版 cannot be registered after another 第1版 was."""
    with factory.begin() as s:
        register(s, project_id, version=1)
    with factory.begin() as s, pytest.raises(ConflictError) as refused:
        register(s, project_id, version=1)
    assert refused.value.code == "publication_version_taken"
    assert refused.value.params["next"] == 2


@pytest.mark.parametrize(("changes", "code"), [
    ({"kind": "statistics"}, "unknown_notice_kind"),
    ({"pdf_sha256": "abc"}, "bad_content_hash"),
    ({"end": date(2026, 11, 22)}, "period_ends_before_start"),
])
def test_bad_registrations_are_refused(factory, project_id, changes, code):
    values = {"kind": "notice-households", "pdf_sha256": sha("x"), "start": START, "end": END,
              "actor": "tester"} | changes
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        publications.register_publication(s, project_id=project_id, **values)
    assert refused.value.code == code


def test_objection_is_recorded_resolved_and_answered_by_the_next_version(factory, project_id):
    """Upheld objections are answered by the next version of their notice, and only by it."""
    with factory.begin() as s:
        register(s, project_id)
        register(s, project_id, kind="notice-flats")
        first = object_to(s, project_id)
        second = object_to(s, project_id, objector="李四", item="第 5 行")
        other = object_to(s, project_id, kind="notice-flats", item="1-1-101")
    assert (first.number, second.number, other.number) == (1, 2, 3)
    assert first.open and first.masked_objector == "张*丰" and first.version == 1
    with factory.begin() as s:
        publications.resolve_objection(s, project_id=project_id, number=1, outcome=UPHELD,
                                       resolution="经核实，补录新生儿", decided_on=END,
                                       actor="tester")
        publications.resolve_objection(s, project_id=project_id, number=3, outcome=UPHELD,
                                       resolution="面积更正", decided_on=END, actor="tester")
        assert publications.pending_answers(s, project_id, "notice-households") == (1,)
        corrected = register(s, project_id, content="corrected")
    assert corrected.version == 2 and corrected.answers == (1,)
    with factory() as s:
        found = {o.number: o for o in publications.list_objections(s, project_id)}
        still_open = publications.list_objections(s, project_id, open_only=True)
    assert found[1].status == UPHELD and found[1].answered_in == 2
    assert found[1].decided_by == "tester" and found[1].resolution == "经核实，补录新生儿"
    assert found[3].answered_in is None  # a flats notice answers it, not a households one
    assert [o.number for o in still_open] == [2]


def test_an_objection_is_decided_once(factory, project_id):
    with factory.begin() as s:
        register(s, project_id)
        object_to(s, project_id)
        publications.resolve_objection(s, project_id=project_id, number=1, outcome=DISMISSED,
                                       resolution="不符合认定条件", decided_on=END, actor="tester")
    with factory.begin() as s, pytest.raises(ConflictError) as refused:
        publications.resolve_objection(s, project_id=project_id, number=1, outcome=UPHELD,
                                       resolution="改判", decided_on=END, actor="tester")
    assert refused.value.code == "objection_already_decided"
    with factory.begin() as s, pytest.raises(ConflictError) as refused:
        register(s, project_id, answers=[1])  # dismissed: nothing to correct
    assert refused.value.code == "objection_not_upheld"


def test_objection_checks(factory, project_id):
    """No notice, an empty text, a date before the notice, a decision before the objection."""
    with factory.begin() as s, pytest.raises(NotFoundError) as refused:
        object_to(s, project_id)
    assert refused.value.code == "publication_not_found"
    with factory.begin() as s:
        register(s, project_id)
    cases = [({"text": "  "}, "required_value_missing"),
             ({"received_on": date(2026, 11, 1)}, "objection_before_notice")]
    for changes, code in cases:
        with factory.begin() as s, pytest.raises(ValidationError) as refused:
            object_to(s, project_id, **changes)
        assert refused.value.code == code
    with factory.begin() as s:
        late = object_to(s, project_id, received_on=date(2026, 12, 5))
    assert late.late and late.status == OPEN
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        publications.resolve_objection(s, project_id=project_id, number=1, outcome=UPHELD,
                                       resolution="x", decided_on=date(2026, 12, 1),
                                       actor="tester")
    assert refused.value.code == "decided_before_received"


def test_days_left_counts_down_the_period(factory, project_id):
    with factory.begin() as s:
        notice = register(s, project_id)
    assert notice.days_left(date(2026, 11, 20)) == 7  # not started: the whole period
    assert notice.days_left(START) == 7
    assert notice.days_left(END) == 1
    assert notice.days_left(date(2026, 11, 30)) == 0


def test_roles_are_enforced_in_the_operations(factory, project_id):
    """An observer may not register or object; only a supervisor decides an objection."""
    with factory.begin() as s:
        users.create_user(s, name="管理员", role=ADMIN, password=PASSWORD, actor="管理员")
        for name, role in (("王主任", SUPERVISOR), ("李办事员", OPERATOR), ("公证员", OBSERVER)):
            users.create_user(s, name=name, role=role, password=PASSWORD, actor="管理员")
    with factory.begin() as s, pytest.raises(PermissionDenied):
        register(s, project_id, actor="公证员")
    with factory.begin() as s:
        register(s, project_id, actor="李办事员")
        object_to(s, project_id, actor="李办事员")
    with factory.begin() as s, pytest.raises(PermissionDenied) as refused:
        publications.resolve_objection(s, project_id=project_id, number=1, outcome=UPHELD,
                                       resolution="x", decided_on=END, actor="李办事员")
    assert refused.value.params["needed"] == SUPERVISOR
    with factory.begin() as s:
        publications.resolve_objection(s, project_id=project_id, number=1, outcome=UPHELD,
                                       resolution="x", decided_on=END, actor="王主任")


def test_every_change_is_logged_and_the_replay_matches(factory, project_id):
    with factory.begin() as s:
        register(s, project_id)
        object_to(s, project_id)
        publications.resolve_objection(s, project_id=project_id, number=1, outcome=UPHELD,
                                       resolution="补录", decided_on=END, actor="tester")
        register(s, project_id, content="v2")
    with factory() as s:
        actions = [(e.entity, e.action) for e in events_for(s, project_id=project_id)
                   if e.entity in ("publication", "objection")]
        assert verify_audit(s, project_id).ok
    assert actions == [("publication", "publish"), ("objection", "create"),
                       ("objection", "resolve"), ("publication", "publish"),
                       ("objection", "answer")]


@pytest.mark.parametrize(("statement", "entity", "field"), [
    ("UPDATE publication SET content_sha256 = :h WHERE version = 1", "publication",
     "content_sha256"),
    ("UPDATE objection SET resolution = '不成立' WHERE number = 1", "objection", "resolution"),
    ("UPDATE objection SET objector = '王五' WHERE number = 1", "objection", "objector"),
])
def test_raw_sql_edits_are_found_by_the_audit_check(factory, project_id, statement, entity,
                                                    field):
    """A hash swapped or a decision rewritten behind the app's back is named by the replay."""
    with factory.begin() as s:
        register(s, project_id)
        object_to(s, project_id)
        publications.resolve_objection(s, project_id=project_id, number=1, outcome=UPHELD,
                                       resolution="成立", decided_on=END, actor="tester")
    with factory.begin() as s:
        s.execute(text(statement), {"h": sha("forged")} if ":h" in statement else {})
    with factory() as s:
        report = verify_audit(s, project_id)
    assert report.chain_break is None and report.mismatch is not None
    assert (report.mismatch.entity, report.mismatch.field) == (entity, field)
    assert report.mismatch.reason == "changed_outside_app"


def test_a_deleted_publication_row_is_found(factory, project_id):
    with factory.begin() as s:
        register(s, project_id)
    with factory.begin() as s:
        s.execute(text("DELETE FROM publication"))
    with factory() as s:
        report = verify_audit(s, project_id)
    assert report.mismatch is not None and report.mismatch.reason == "missing_row"
    assert report.mismatch.key == "notice-households-v1"


def test_deleting_a_rehearsal_project_takes_its_publications(factory):
    with factory.begin() as s:
        pid = registry.create_project(s, name="演练项目", actor="tester", rehearsal=True)
        register(s, pid)
        object_to(s, pid)
    with factory.begin() as s:
        registry.delete_project(s, project_id=pid, actor="tester")
    with factory() as s:
        assert s.execute(text("SELECT count(*) FROM objection")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM publication")).scalar() == 0
        assert verify_audit(s).ok
