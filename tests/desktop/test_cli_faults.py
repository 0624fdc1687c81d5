"""The command line names a storage fault in words and exits 1; the data stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli.main import main


def test_cli_names_the_fault(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A database opened read-only (sqlite URI mode=ro): the command says so, exit 1."""
    path = tmp_path / "ro.sqlite3"
    assert main(["--db", f"sqlite:///{path}", "project", "create", "东湖"]) == 0
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    capsys.readouterr()
    assert main(["--db", read_only, "--lang", "zh_CN", "project", "create", "西湖"]) == 1
    error = capsys.readouterr().err
    assert "只读" in error and "Traceback" not in error
    assert main(["--db", f"sqlite:///{path}", "project", "list"]) == 0
    assert capsys.readouterr().out.split() == ["东湖"]
