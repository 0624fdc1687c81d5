"""Users and roles on a real database: slow password hashes, and roles enforced in db/ itself.

The role tests call the db operations directly, as a script or a second
program would: the check is in the operation, not in a button's state.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

import db.admin.users as users
import db.lottery.draws as draws
import db.registry.operations as registry
import db.rules.versions as policies
from allocation.demo.policy import demo_policy
from allocation.errors import ConflictError, ValidationError
from db.admin.users import ADMIN, OBSERVER, OPERATOR, SUPERVISOR, PermissionDenied
from db.replay.check import verify_audit
from tests.factories import make_household

PASSWORD = "correct horse"
ON = date(2026, 11, 1)


@pytest.fixture
def staff(factory) -> dict[str, str]:
    """An admin (the first user), a supervisor, an operator and an observer."""
    with factory.begin() as s:
        users.create_user(s, name="管理员", role=ADMIN, password=PASSWORD, actor="管理员")
        for name, role in (("王主任", SUPERVISOR), ("李办事员", OPERATOR), ("公证员", OBSERVER)):
            users.create_user(s, name=name, role=role, password=PASSWORD, actor="管理员")
    return {ADMIN: "管理员", SUPERVISOR: "王主任", OPERATOR: "李办事员", OBSERVER: "公证员"}


def test_passwords_are_stored_as_slow_salted_hashes(factory, staff) -> None:
    with factory() as s:
        stored = s.execute(text("SELECT name, password_hash FROM app_user")).all()
    hashes = [h for _, h in stored]
    assert all(h.startswith("scrypt$16384$8$1$") for h in hashes)
    assert not any(PASSWORD in h for h in hashes)
    assert len(set(hashes)) == len(hashes)  # one salt each: equal passwords, different hashes
    assert users.password_matches(hashes[0], PASSWORD)
    assert not users.password_matches(hashes[0], PASSWORD + " ")


def test_login_answers_the_same_for_a_wrong_name_and_a_wrong_password(factory, staff) -> None:
    with factory() as s:
        assert users.authenticate(s, "王主任", PASSWORD).role == SUPERVISOR
        refusals = []
        for name, password in (("王主任", "wrong password"), ("无此人", PASSWORD)):
            with pytest.raises(ValidationError) as refused:
                users.authenticate(s, name, password)
            refusals.append(refused.value.code)
    assert refusals == ["login_failed", "login_failed"]


def test_the_first_user_must_be_an_admin(factory) -> None:
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        users.create_user(s, name="张三", role=OPERATOR, password=PASSWORD, actor="张三")
    assert refused.value.code == "first_user_not_admin"


def test_an_operator_cannot_freeze_publish_or_draw(factory, project_id, staff) -> None:
    operator, supervisor = staff[OPERATOR], staff[SUPERVISOR]
    with factory.begin() as s:
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor=operator)
        registry.add_household(s, project_id=project_id, household=make_household(),
                               actor=operator)
    for act in (
        lambda s: policies.freeze_policy(s, project_id=project_id, actor=operator),
        lambda s: draws.publish_pool(s, project_id=project_id, actor=operator, on=ON),
        lambda s: draws.announce_and_draw(s, project_id=project_id, sources=["1 2 3"],
                                          actor=operator),
        lambda s: registry.delete_project(s, project_id=project_id, actor=operator),
    ):
        with pytest.raises(PermissionDenied) as refused, factory.begin() as s:
            act(s)
        assert refused.value.code == "not_permitted"
        assert refused.value.params["role"] == OPERATOR
    with factory.begin() as s:  # the supervisor may
        policies.freeze_policy(s, project_id=project_id, actor=supervisor)
        draws.publish_pool(s, project_id=project_id, actor=supervisor, on=ON)
        draws.announce_and_draw(s, project_id=project_id, sources=["1 2 3"], actor=supervisor)
    with factory.begin() as s, pytest.raises(ConflictError) as kept:
        registry.delete_project(s, project_id=project_id, actor=staff[ADMIN])
    assert kept.value.code == "project_rules_frozen"  # not even an admin, once public


def test_an_observer_changes_nothing_and_strangers_nothing_at_all(factory, project_id,
                                                                   staff) -> None:
    for actor, held in ((staff[OBSERVER], OBSERVER), ("路人", "none")):
        with pytest.raises(PermissionDenied) as refused, factory.begin() as s:
            registry.add_household(s, project_id=project_id, household=make_household(),
                                   actor=actor)
        assert refused.value.params == {"actor": actor, "role": held, "needed": OPERATOR}


def test_a_deactivated_user_loses_every_right(factory, project_id, staff) -> None:
    with factory.begin() as s:
        users.change_user(s, name=staff[OPERATOR], active=False, actor=staff[ADMIN])
    with pytest.raises(PermissionDenied), factory.begin() as s:
        registry.add_household(s, project_id=project_id, household=make_household(),
                               actor=staff[OPERATOR])
    with factory() as s, pytest.raises(ValidationError):
        users.authenticate(s, staff[OPERATOR], PASSWORD)


def test_only_admins_manage_users_and_the_last_admin_stays(factory, staff) -> None:
    with pytest.raises(PermissionDenied), factory.begin() as s:
        users.create_user(s, name="新人", role=ADMIN, password=PASSWORD, actor=staff[SUPERVISOR])
    with pytest.raises(PermissionDenied), factory.begin() as s:
        users.change_user(s, name=staff[SUPERVISOR], role=ADMIN, actor=staff[SUPERVISOR])
    with factory.begin() as s:  # anyone may change their own password
        users.change_user(s, name=staff[OPERATOR], password="new password 1",
                          actor=staff[OPERATOR])
    with pytest.raises(ConflictError) as last, factory.begin() as s:
        users.change_user(s, name=staff[ADMIN], role=SUPERVISOR, actor=staff[ADMIN])
    assert last.value.code == "last_admin"
    with factory() as s:
        assert users.authenticate(s, staff[OPERATOR], "new password 1").name == staff[OPERATOR]


def test_a_role_raised_by_hand_in_the_database_is_found(factory, staff) -> None:
    """UPDATE app_user SET role = 'admin' outside the app: audit verify names the user."""
    with factory() as s:
        assert verify_audit(s).ok
    with factory.begin() as s:
        s.execute(text("UPDATE app_user SET role = 'admin' WHERE name = '公证员'"))
    with factory() as s:
        report = verify_audit(s)
    assert report.mismatch is not None
    assert (report.mismatch.entity, report.mismatch.key) == ("user", "公证员")
    assert report.mismatch.field == "role"


def test_short_passwords_and_unknown_roles_are_refused(factory, staff) -> None:
    for role, password, code in ((OPERATOR, "short", "password_too_short"),
                                 ("boss", PASSWORD, "unknown_role")):
        with pytest.raises(ValidationError) as refused, factory.begin() as s:
            users.create_user(s, name="新人", role=role, password=password, actor=staff[ADMIN])
        assert refused.value.code == code


def test_an_observer_cannot_touch_the_case_log_or_the_session(factory, project_id,
                                                              staff) -> None:
    """The notary watches: casework, signing and the selection desk all refuse them."""
    import db.casework.progress as progress
    import db.casework.requests as casework_requests
    import db.selection.desk as selection
    from allocation.casework.vocabulary import RequestKind

    with factory.begin() as s:
        household_id = registry.add_household(s, project_id=project_id,
                                              household=make_household(), actor=staff[OPERATOR])
    observer = staff[OBSERVER]
    for act in (
        lambda s: casework_requests.add_request(
            s, household_id=household_id, kind=RequestKind("request"), text="要一楼",
            received_on=ON, actor=observer),
        lambda s: progress.record_signing(s, household_id=household_id, signed_on=ON,
                                          actor=observer),
        lambda s: selection.call_next(s, project_id=project_id, operator=observer),
        lambda s: selection.open_session(s, project_id=project_id, operator=staff[OPERATOR]),
    ):
        with pytest.raises(PermissionDenied), factory.begin() as s:
            act(s)


def test_only_an_admin_restores_over_a_database_with_users(engine, factory, staff,
                                                          tmp_path) -> None:
    from db.admin.backups import backup, restore

    path = tmp_path / "copy.anju.zip"
    backup(engine, path, actor=staff[SUPERVISOR])
    with pytest.raises(PermissionDenied):
        restore(engine, path, replace=True, actor=staff[SUPERVISOR])
    counts = restore(engine, path, replace=True, actor=staff[ADMIN])
    assert counts["app_user"] == 4


def test_only_a_supervisor_takes_a_backup(engine, factory, staff, tmp_path) -> None:
    """A backup holds every ID number and password hash: an observer or operator gets none."""
    from db.admin.backups import backup

    for actor in (staff[OBSERVER], staff[OPERATOR], "", "路人"):
        path = tmp_path / f"by-{actor or 'nobody'}.anju.zip"
        with pytest.raises(PermissionDenied):
            backup(engine, path, actor=actor)
        assert not path.exists()
    assert backup(engine, tmp_path / "ok.anju.zip", actor=staff[SUPERVISOR])["app_user"] == 4


# --- users from the log ------------------------------------------------------------


def test_a_role_raised_in_sql_cannot_act(factory, project_id, staff) -> None:
    """The notary's account made admin behind the app's back: it signs in to nothing and
    acts on nothing, and the refusal names the account, not the role it claims."""
    with factory.begin() as s:
        s.execute(text("UPDATE app_user SET role = 'admin' WHERE name = :n"),
                  {"n": staff[OBSERVER]})
    with pytest.raises(PermissionDenied) as refused, factory() as s:
        users.authenticate(s, staff[OBSERVER], PASSWORD)
    assert refused.value.code == "user_not_as_logged"
    with pytest.raises(PermissionDenied) as refused, factory.begin() as s:
        registry.delete_project(s, project_id=project_id, actor=staff[OBSERVER])
    assert refused.value.params == {"actor": staff[OBSERVER]}
    with factory() as s:  # the others still act: one forged row blocks only itself
        users.require_role(s, staff[ADMIN], ADMIN)


def test_a_password_hash_replaced_in_sql_cannot_sign_in(factory, staff) -> None:
    with factory.begin() as s:
        s.execute(text("UPDATE app_user SET password_hash = :h WHERE name = :n"),
                  {"h": users.hash_password("attacker's pw"), "n": staff[SUPERVISOR]})
    with pytest.raises(PermissionDenied) as refused, factory() as s:
        users.authenticate(s, staff[SUPERVISOR], "attacker's pw")
    assert refused.value.code == "user_not_as_logged"


def test_an_emptied_users_table_never_returns_to_set_up_mode(factory, project_id,
                                                            staff) -> None:
    """Set-up mode checks nothing; a database that has had users must never fall back into
    it, or deleting the table's rows would open every act to anyone."""
    with factory.begin() as s:
        s.execute(text("DELETE FROM app_user"))
    with factory() as s:
        assert not users.setup_mode(s)
    with pytest.raises(PermissionDenied), factory.begin() as s:
        registry.add_household(s, project_id=project_id, household=make_household(),
                               actor=staff[ADMIN])
    with pytest.raises(PermissionDenied), factory.begin() as s:
        users.create_user(s, name="新管理员", role=ADMIN, password=PASSWORD, actor="新管理员")


def _sign_in_events(factory) -> list[tuple[str, str]]:
    with factory() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT action, entity_key FROM audit_event WHERE entity = 'sign_in' ORDER BY seq"))]


def test_five_failures_in_a_row_make_the_account_wait(factory, staff, monkeypatch) -> None:
    """Five wrong passwords, then the right one: refused, the account waits 15 minutes,
    and each failure is in the log, kept although the caller's transaction rolled back."""
    name = staff[SUPERVISOR]
    for _ in range(users.LOCKOUT_AFTER):
        with pytest.raises(ValidationError) as refused, factory.begin() as s:
            users.authenticate(s, name, "wrong password")
        assert refused.value.code == "login_failed"
    with pytest.raises(ValidationError) as refused, factory() as s:
        users.authenticate(s, name, PASSWORD)
    assert refused.value.code == "account_waiting"
    assert refused.value.params == {"name": name, "minutes": 15, "failures": 5}
    assert _sign_in_events(factory) == [("failed", name)] * 5
    with factory() as s:  # another account is not held up by this one's failures
        assert users.authenticate(s, staff[OPERATOR], PASSWORD).role == OPERATOR
        assert verify_audit(s).ok  # sign-in events are in the chain, not replayed as state
    monkeypatch.setattr(users, "LOCKOUT_MINUTES", 0)  # the wait is over
    with factory() as s:
        assert users.authenticate(s, name, PASSWORD).name == name
    assert _sign_in_events(factory)[-1] == ("succeeded", name)
    with pytest.raises(ValidationError) as refused, factory() as s:
        users.authenticate(s, name, "wrong again")
    assert refused.value.code == "login_failed"  # the count began again at the success


def test_four_failures_and_a_success_start_the_count_again(factory, staff) -> None:
    name = staff[OPERATOR]
    for attempt in ("x1", "x2", "x3", "x4", PASSWORD, "x5", "x6", "x7", "x8", PASSWORD):
        with factory() as s:
            if attempt == PASSWORD:
                assert users.authenticate(s, name, attempt).name == name
            else:
                with pytest.raises(ValidationError):
                    users.authenticate(s, name, attempt)


def test_set_up_mode_ends_with_the_first_user_in_its_own_transaction(factory) -> None:
    """An empty database is in set-up mode; a users row added in the transaction, not yet
    flushed and with no event logged, ends it there (the check flushes before it reads)."""
    from db.records import UserRecord

    with factory.begin() as s:
        assert users.setup_mode(s)
        s.add(UserRecord(name="甲", role=ADMIN, password_hash="x", active=True))
        assert not users.setup_mode(s)
        s.rollback()
    with factory() as s:
        assert users.setup_mode(s)
