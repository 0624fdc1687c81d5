"""`anju audit verify`: untouched data passes; raw SQL edits and deletions are found."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from desktop.cli.main import main


def _sql(url: str, statement: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


def _verify(url: str, capsys, *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", url, "--lang", "en", "audit", "verify", *extra])
    return code, capsys.readouterr().out


def test_untouched_database_passes(demo_url, capsys):
    code, out = _verify(demo_url, capsys, "--project", "demo")
    assert code == 0 and "whole" in out


def test_edit_through_the_app_passes(demo_url, capsys):
    """Edits made by the app are logged, so replaying the log gives the data back."""
    from dataclasses import replace

    import db.registry.operations as registry
    from db.store.engine import open_database

    _engine, factory = open_database(demo_url)
    with factory.begin() as s:
        project = registry.find_project(s, "demo")
        stored = registry.find_household(s, project, "D010")
        registry.update_household(s, household_id=stored.id, actor="op",
                                  household=replace(stored.household, phone="13900000000"))
        doomed = registry.find_household(s, project, "D011")
        registry.delete_household(s, household_id=doomed.id, actor="op")
    assert _verify(demo_url, capsys)[0] == 0


def test_raw_sql_update_is_found(demo_url, capsys):
    _sql(demo_url, "UPDATE household SET legal_area = 999 WHERE code = 'D042'")
    code, out = _verify(demo_url, capsys)
    assert code == 1
    assert "household D042" in out and "changed outside Anju" in out
    assert "original legal area" in out  # the field in words, not legal_area


def test_raw_sql_update_is_named_in_chinese(demo_url, capsys):
    _sql(demo_url, "UPDATE household SET legal_area = 999 WHERE code = 'D042'")
    capsys.readouterr()
    code = main(["--db", demo_url, "--lang", "zh_CN", "audit", "verify"])
    out = capsys.readouterr().out
    assert code == 1 and "被安置户 D042" in out and "在安居之外被改动" in out
    assert "legal_area" not in out and "changed_outside_app" not in out


def test_audit_log_speaks_the_interface_language(demo_url, capsys):
    """The demo's log ends with its casework; `audit log --last` prints those events in words."""
    capsys.readouterr()
    assert main(["--db", demo_url, "--lang", "zh_CN", "audit", "log", "--last", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(line.split()[0].isdigit() for line in lines)
    assert main(["--db", demo_url, "--lang", "zh_CN", "audit", "log"]) == 0
    whole = capsys.readouterr().out
    assert "导入  被安置户（批量导入）  D001…D" in whole and "冻结  安置方案" in whole
    assert " import " not in whole and " household " not in whole
    assert main(["--db", demo_url, "--lang", "en", "audit", "log", "--project", "demo"]) == 0
    assert "imported  imported households  D001…D" in capsys.readouterr().out


def test_raw_sql_member_change_is_found(demo_url, capsys):
    _sql(demo_url, "UPDATE member SET recognised = 0 WHERE id = (SELECT min(id) FROM member)")
    code, out = _verify(demo_url, capsys)
    assert code == 1 and "members" in out


def test_row_deleted_by_hand_is_found(demo_url, capsys):
    _sql(demo_url, "DELETE FROM flat WHERE id = (SELECT max(id) FROM flat)")
    code, out = _verify(demo_url, capsys)
    assert code == 1 and "it is gone" in out  # missing_row, in words


def test_deleted_audit_row_is_found(demo_url, capsys):
    _sql(demo_url, "DELETE FROM audit_event WHERE seq = 5")
    code, out = _verify(demo_url, capsys)
    assert code == 1 and "event 5" in out
