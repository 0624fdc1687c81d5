"""Casework in the database: teams and pairs, the case log, requests, special cases, the audit."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

import db.audit.chain as audit
import db.casework.operations as casework
import db.casework.requests as casework_requests
import db.registry.operations as registry
from allocation.casework.vocabulary import (
    FlagKind,
    FlagStatus,
    RequestKind,
    RequestStatus,
    VisitMethod,
)
from allocation.errors import ConflictError, NotFoundError, ValidationError
from db.casework.queries import assignments, case_log, find_requests, teams
from db.replay.check import verify_audit
from tests.factories import make_household

DAY = date(2026, 9, 1)


@pytest.fixture
def households(factory, project_id):
    """Three registered households, H001–H003: their ids."""
    with factory.begin() as s:
        return [registry.add_household(s, project_id=project_id, actor="op",
                                        household=make_household(f"H00{n}", seq=n))
                for n in (1, 2, 3)]


@pytest.fixture
def crew(factory, project_id):
    """Two teams with two staff each: {name: id}."""
    with factory.begin() as s:
        one = casework.add_team(s, project_id=project_id, name="第一组", leader="王组长",
                                actor="op")
        two = casework.add_team(s, project_id=project_id, name="第二组", actor="op")
        ids = {"第一组": one, "第二组": two}
        for team, names in ((one, ("李一", "张二")), (two, ("赵三", "钱四"))):
            for name in names:
                ids[name] = casework.add_staff(s, team_id=team, name=name, actor="op")
        return ids


def test_a_household_is_given_to_a_pair_and_reassigned_with_a_logged_before(
        factory, project_id, households, crew):
    """Reassignment keeps one row per household; the log shows the old and the new pair."""
    with factory.begin() as s:
        casework.assign_household(s, household_id=households[0], team_id=crew["第一组"],
                                  first_staff_id=crew["李一"], second_staff_id=crew["张二"],
                                  on=DAY, actor="op")
    with factory.begin() as s:
        casework.assign_household(s, household_id=households[0], team_id=crew["第二组"],
                                  first_staff_id=crew["赵三"], on=date(2026, 9, 5), actor="sup")
    with factory() as s:
        found = assignments(s, project_id)
        assert list(found) == [households[0]]
        assert found[households[0]].pair.names == "赵三"
        assert found[households[0]].pair.team == "第二组"
        events = [e for e in audit.events_for(s, project_id=project_id)
                  if e.entity == "assignment"]
        assert [(e.action, e.entity_key, e.actor) for e in events] == [
            ("create", "H001", "op"), ("reassign", "H001", "sup")]
        before, after = json.loads(events[1].before), json.loads(events[1].after)
        assert (before["team_id"], after["team_id"]) == (crew["第一组"], crew["第二组"])
        assert before["second_staff_id"] == crew["张二"] and after["second_staff_id"] is None
        assert {t.name: t.households for t in teams(s, project_id)} == {"第一组": 0, "第二组": 1}
        assert verify_audit(s, project_id).ok


@pytest.mark.parametrize(("first", "second", "code"), [
    ("赵三", None, "staff_not_in_team"),
    ("李一", "李一", "same_staff_twice"),
    ("李一", "钱四", "staff_not_in_team"),
])
def test_a_pair_must_be_two_people_of_the_team(factory, households, crew, first, second, code):
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        casework.assign_household(s, household_id=households[0], team_id=crew["第一组"],
                                  first_staff_id=crew[first], on=DAY, actor="op",
                                  second_staff_id=crew[second] if second else None)
    assert refused.value.code == code


def test_inactive_staff_get_no_new_households(factory, households, crew):
    with factory.begin() as s:
        casework.set_staff_active(s, staff_id=crew["张二"], active=False, actor="sup")
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        casework.assign_household(s, household_id=households[1], team_id=crew["第一组"],
                                  first_staff_id=crew["李一"], second_staff_id=crew["张二"],
                                  on=DAY, actor="op")
    assert refused.value.code == "staff_inactive"


def test_team_and_staff_names_are_unique_and_a_team_with_staff_stays(factory, project_id, crew):
    with factory.begin() as s, pytest.raises(ConflictError) as team:
        casework.add_team(s, project_id=project_id, name=" 第一组 ", actor="op")
    with factory.begin() as s, pytest.raises(ConflictError) as staff:
        casework.add_staff(s, team_id=crew["第二组"], name="李一", actor="op")
    with factory.begin() as s, pytest.raises(ConflictError) as busy:
        casework.delete_team(s, team_id=crew["第一组"], actor="op")
    assert (team.value.code, staff.value.code, busy.value.code) == (
        "team_exists", "staff_exists", "team_not_empty")


def test_visits_notes_and_their_corrections_are_in_the_case_log_and_the_audit(
        factory, project_id, households):
    hid = households[1]
    with factory.begin() as s:
        first = casework.add_visit(s, household_id=hid, visited_on=date(2026, 8, 2),
                                   method=VisitMethod.HOME, visitors="李一、张二",
                                   summary="宣讲政策", actor="op")
        casework.add_visit(s, household_id=hid, visited_on=date(2026, 8, 9),
                           method=VisitMethod.PHONE, visitors="李一", summary="约定签约时间",
                           actor="op")
        casework.add_note(s, household_id=hid, text="户主长期在外地", written_on=DAY,
                          actor="李一")
    with factory.begin() as s:
        casework.update_visit(s, visit_id=first, visited_on=date(2026, 8, 3),
                              method=VisitMethod.HOME, visitors="李一、张二",
                              summary="宣讲政策，户主同意先看样板房", actor="sup")
    with factory() as s:
        log = case_log(s, hid)
        assert [v.visited_on for v in log.visits] == [date(2026, 8, 9), date(2026, 8, 3)]
        assert log.visits[1].summary.endswith("样板房")
        assert [(n.author, n.text) for n in log.notes] == [("李一", "户主长期在外地")]
        keys = {(e.entity, e.action, e.entity_key) for e in audit.events_for(s)}
        assert {("visit", "create", "H002"), ("visit", "update", "H002"),
                ("case_note", "create", "H002")} <= keys
        assert verify_audit(s, project_id).ok


def test_a_blank_summary_is_refused(factory, households):
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        casework.add_visit(s, household_id=households[0], visited_on=DAY,
                           method=VisitMethod.HOME, visitors="李一", summary="  ",
                           actor="op")
    assert (refused.value.code, refused.value.params["field"]) == (
        "required_value_missing", "summary")


def test_a_request_is_answered_closed_and_reopened(factory, project_id, households):
    with factory.begin() as s:
        rid = casework_requests.add_request(s, household_id=households[0],
                                            kind=RequestKind.REQUEST, text="希望安排低楼层",
                                            received_on=DAY, actor="op")
        casework_requests.answer_request(s, request_id=rid, answer="按优先组规则，可选1–2层",
                                         answered_on=date(2026, 9, 3), actor="op",
                                         answered_by="王组长")
    with factory() as s:
        answered = case_log(s, households[0]).requests[0]
        assert (answered.status, answered.answered_by) == (RequestStatus.ANSWERED, "王组长")
    with factory.begin() as s:
        casework_requests.close_request(s, request_id=rid, closed_on=date(2026, 9, 4),
                                        actor="op")
        casework_requests.reopen_request(s, request_id=rid, actor="sup")
    with factory() as s:
        reopened = case_log(s, households[0]).requests[0]
        assert reopened.status is RequestStatus.OPEN
        assert (reopened.answer, reopened.answered_on, reopened.closed_on) == ("", None, None)
        actions = [e.action for e in audit.events_for(s) if e.entity == "request"]
        assert actions == ["create", "answer", "close", "reopen"]
        # The first answer is still in the log after the reopening cleared it.
        answer_event = next(e for e in audit.events_for(s) if e.action == "answer")
        assert json.loads(answer_event.after)["answer"] == "按优先组规则，可选1–2层"
        assert verify_audit(s, project_id).ok


def test_requests_refuse_moves_out_of_order(factory, households):
    with factory.begin() as s:
        rid = casework_requests.add_request(s, household_id=households[0],
                                            kind=RequestKind.SUGGESTION, text="增设公交站",
                                            received_on=DAY, actor="op")
    with factory.begin() as s, pytest.raises(ValidationError) as early:
        casework_requests.answer_request(s, request_id=rid, answer="转交交通局",
                                         answered_on=date(2026, 8, 31), actor="op")
    with factory.begin() as s, pytest.raises(ValidationError) as unanswered:
        casework_requests.close_request(s, request_id=rid, closed_on=DAY, actor="op")
    assert early.value.code == "date_before_start"
    assert unanswered.value.params == {"status": "open", "action": "close"}
    with factory.begin() as s:
        casework_requests.answer_request(s, request_id=rid, answer="转交交通局",
                                         answered_on=DAY, actor="op")
    with factory.begin() as s, pytest.raises(ConflictError) as kept:
        casework_requests.delete_request(s, request_id=rid, actor="op")
    assert kept.value.code == "request_not_open"


def test_special_cases_have_their_own_status(factory, project_id, households):
    with factory.begin() as s:
        fid = casework_requests.raise_flag(s, household_id=households[2],
                                           kind=FlagKind.SECOND_CHILD, raised_on=DAY,
                                           note="二孩于2026年3月出生", actor="op")
        with pytest.raises(ConflictError) as twice:
            casework_requests.raise_flag(s, household_id=households[2],
                                         kind=FlagKind.SECOND_CHILD, raised_on=DAY, actor="op")
        assert twice.value.code == "flag_exists"
    with factory.begin() as s:
        casework_requests.set_flag_status(s, flag_id=fid, status=FlagStatus.REVIEWING, on=DAY,
                                          actor="op")
        casework_requests.set_flag_status(s, flag_id=fid, status=FlagStatus.APPROVED,
                                          on=date(2026, 9, 10), actor="sup")
    with factory() as s:
        flag = case_log(s, households[2]).flags[0]
        assert (flag.kind, flag.status, flag.decided_on) == (
            FlagKind.SECOND_CHILD, FlagStatus.APPROVED, date(2026, 9, 10))
        assert verify_audit(s, project_id).ok


def test_an_attachment_is_a_fingerprinted_file_reference(factory, households, tmp_path: Path):
    scan = tmp_path / "残疾证.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    with factory.begin() as s:
        aid = casework.add_attachment(s, household_id=households[0], path=scan, title="",
                                      added_on=DAY, actor="op")
        with pytest.raises(NotFoundError):
            casework.add_attachment(s, household_id=households[0], path=tmp_path / "nope",
                                    title="x", added_on=DAY, actor="op")
    with factory() as s:
        found = case_log(s, households[0]).attachments
    assert [(a.id, a.title, a.size) for a in found] == [(aid, "残疾证.pdf", 13)]
    assert casework.attachment_state(found[0].path, found[0].sha256) == "ok"
    scan.write_bytes(b"%PDF-1.4 another scan")
    assert casework.attachment_state(found[0].path, found[0].sha256) == "changed"
    scan.unlink()
    assert casework.attachment_state(found[0].path, found[0].sha256) == "missing"


def _some_casework(factory, households, crew):
    with factory.begin() as s:
        casework.assign_household(s, household_id=households[0], team_id=crew["第一组"],
                                  first_staff_id=crew["李一"], on=DAY, actor="op")
        casework.add_visit(s, household_id=households[0], visited_on=DAY,
                           method=VisitMethod.HOME, visitors="李一", summary="初访",
                           actor="op")
        return casework_requests.add_request(s, household_id=households[0],
                                             kind=RequestKind.REQUEST, text="过渡费",
                                             received_on=DAY, actor="op")


@pytest.mark.parametrize(("statement", "entity", "reason"), [
    ("UPDATE case_visit SET summary = '改过'", "visit", "changed_outside_app"),
    ("UPDATE household_assignment SET assigned_on = '2020-01-01'", "assignment",
     "changed_outside_app"),
    ("DELETE FROM case_request", "request", "missing_row"),
    ("UPDATE staff SET active = false", "staff", "changed_outside_app"),
])
def test_a_raw_edit_of_the_casework_is_found(factory, project_id, households, crew,
                                             statement, entity, reason):
    """`anju audit verify` compares every casework row with its last logged state."""
    _some_casework(factory, households, crew)
    with factory() as s:
        assert verify_audit(s, project_id).ok
    with factory.begin() as s:
        s.execute(text(statement))
    with factory() as s:
        found = verify_audit(s, project_id).mismatch
    assert found is not None and (found.entity, found.reason) == (entity, reason)


def test_an_unlogged_visit_is_found(factory, project_id, households, crew):
    _some_casework(factory, households, crew)
    with factory.begin() as s:
        s.execute(text("INSERT INTO case_visit (project_id, household_id, visited_on, method, "
                       "visitors, summary) VALUES (:p, :h, '2026-09-02', 'home', 'x', 'y')"),
                  {"p": project_id, "h": households[0]})
    with factory() as s:
        found = verify_audit(s, project_id).mismatch
    assert found is not None and (found.entity, found.reason) == ("visit", "unlogged_row")


def test_a_deleted_household_takes_its_case_log_and_the_audit_still_matches(
        factory, project_id, households, crew):
    """Like its members, a household's case log goes with it; the log knows, even after the
    household's code was changed, so the check does not take the rows for deleted by hand."""
    _some_casework(factory, households, crew)
    with factory.begin() as s:
        stored = registry.get_household(s, households[0])
        registry.update_household(s, household_id=households[0], actor="op",
                                  household=replace(stored.household, code="H001A"))
        registry.delete_household(s, household_id=households[0], actor="op")
    with factory() as s:
        for table in ("case_visit", "case_request", "household_assignment"):
            assert s.scalar(text(f"SELECT count(*) FROM {table}")) == 0
        assert verify_audit(s, project_id).ok


def test_a_household_deleted_by_hand_is_still_found(factory, project_id, households, crew):
    _some_casework(factory, households, crew)
    with factory.begin() as s:
        s.execute(text("DELETE FROM member WHERE household_id = :h"), {"h": households[0]})
        s.execute(text("DELETE FROM household WHERE id = :h"), {"h": households[0]})
    with factory() as s:
        found = verify_audit(s, project_id).mismatch
    assert found is not None and found.reason == "missing_row"


def test_deleting_the_project_takes_the_teams_too(factory, project_id, households, crew):
    _some_casework(factory, households, crew)
    with factory.begin() as s:
        registry.delete_project(s, project_id=project_id, actor="op")
    with factory() as s:
        for table in ("case_visit", "staff", "team"):
            assert s.scalar(text(f"SELECT count(*) FROM {table}")) == 0
        assert verify_audit(s).ok


def test_open_requests_are_filtered_by_age_team_and_kind(factory, project_id, households, crew):
    with factory.begin() as s:
        casework.assign_household(s, household_id=households[0], team_id=crew["第一组"],
                                  first_staff_id=crew["李一"], on=DAY, actor="op")
        casework.assign_household(s, household_id=households[1], team_id=crew["第二组"],
                                  first_staff_id=crew["赵三"], on=DAY, actor="op")
        add = casework_requests.add_request
        old = add(s, household_id=households[0], kind=RequestKind.REQUEST, text="旧",
                  received_on=date(2026, 8, 1), actor="op")
        new = add(s, household_id=households[1], kind=RequestKind.REQUEST, text="新",
                  received_on=date(2026, 8, 30), actor="op")
        tip = add(s, household_id=households[2], kind=RequestKind.SUGGESTION, text="建议",
                  received_on=date(2026, 8, 2), actor="op")
        done = add(s, household_id=households[0], kind=RequestKind.REQUEST, text="已答",
                   received_on=date(2026, 7, 1), actor="op")
        casework_requests.answer_request(s, request_id=done, answer="好", answered_on=DAY,
                                         actor="op")

    def ids(**filters):
        with factory() as s:
            return [line.entry.id for line in find_requests(s, project_id, today=DAY,
                                                             **filters)]

    assert ids() == [old, tip, new]
    assert ids(older_than=7) == [old, tip]
    assert ids(team_id=crew["第二组"]) == [new]
    assert ids(team_id=0) == [tip]  # no team
    assert ids(kinds=[RequestKind.SUGGESTION]) == [tip]
    assert ids(open_only=False) == [done, old, tip, new]
