"""Users on the command line: the first admin, signing in, and roles refused by db/ itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli.main import main

ADMIN_PASSWORD = "admin-pass-2026"
OPERATOR_PASSWORD = "operator-pass-2026"


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'users.sqlite3'}"
    monkeypatch.delenv("ANJU_PASSWORD", raising=False)
    monkeypatch.setenv("ANJU_NEW_PASSWORD", ADMIN_PASSWORD)
    assert main(["--db", url, "user", "add", "admin", "--role", "admin"]) == 0
    return url


def run(url: str, user: str, password: str | None, *args: str,
        monkeypatch: pytest.MonkeyPatch) -> int:
    if password is None:
        monkeypatch.delenv("ANJU_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("ANJU_PASSWORD", password)
    return main(["--db", url, "--lang", "en", "--user", user, *args])


def test_signing_in(db_url: str, monkeypatch: pytest.MonkeyPatch,
                    capsys: pytest.CaptureFixture[str]) -> None:
    """No password, a wrong one, the right one; an unknown name answers like a wrong one."""
    capsys.readouterr()
    assert run(db_url, "admin", None, "project", "list", monkeypatch=monkeypatch) == 1
    assert "ANJU_PASSWORD" in capsys.readouterr().err
    for user, password in (("admin", "guess"), ("nobody", ADMIN_PASSWORD)):
        assert run(db_url, user, password, "project", "list", monkeypatch=monkeypatch) == 1
        assert "wrong user name or password" in capsys.readouterr().err
    assert run(db_url, "admin", ADMIN_PASSWORD, "project", "create", "东湖",
               monkeypatch=monkeypatch) == 0
    assert run(db_url, "admin", ADMIN_PASSWORD, "order", "--source", "1", "--pool", "3",
               monkeypatch=monkeypatch) == 0  # no database, nothing to sign in to


def test_an_operator_cannot_freeze_the_rules_from_the_command_line(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ANJU_NEW_PASSWORD", OPERATOR_PASSWORD)
    assert run(db_url, "admin", ADMIN_PASSWORD, "user", "add", "小李", "--role", "operator",
               monkeypatch=monkeypatch) == 0
    assert run(db_url, "admin", ADMIN_PASSWORD, "project", "create", "东湖",
               monkeypatch=monkeypatch) == 0
    from allocation.demo.policy import demo_policy
    from allocation.rules.policy import canonical_json

    rules = tmp_path / "rules.json"
    rules.write_text(canonical_json(demo_policy()), encoding="utf-8")
    assert run(db_url, "小李", OPERATOR_PASSWORD, "policy", "set", str(rules), "--project",
               "东湖", monkeypatch=monkeypatch) == 0
    capsys.readouterr()
    assert run(db_url, "小李", OPERATOR_PASSWORD, "policy", "freeze", "--project", "东湖",
               monkeypatch=monkeypatch) == 1
    assert "may not do this: it needs a supervisor" in capsys.readouterr().err
    assert run(db_url, "小李", OPERATOR_PASSWORD, "user", "add", "小王", "--role", "admin",
               monkeypatch=monkeypatch) == 1
    assert run(db_url, "admin", ADMIN_PASSWORD, "user", "list", monkeypatch=monkeypatch) == 0
    listed = capsys.readouterr().out
    assert "小李\toperator\tactive" in listed and "小王" not in listed
