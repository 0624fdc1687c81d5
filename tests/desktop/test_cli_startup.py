"""`anju --help` stays light: the parser is built without Qt, SQLAlchemy or ReportLab."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import HANDLERS, main

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("PySide6", "reportlab", "sqlalchemy", "alembic", "openpyxl")

PROBE = f"""
import sys
from desktop.cli.main import build_parser, main

build_parser()
try:
    main(["--help"])
except SystemExit as done:
    assert done.code == 0, done.code
loaded = [name for name in {HEAVY!r} if name in sys.modules]
assert not loaded, loaded
print("light")
"""


def test_building_the_parser_and_help_import_no_heavy_package() -> None:
    """A fresh interpreter: importing the CLI, building its parser, `--help`: none loaded."""
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "usage: anju" in result.stdout and "light" in result.stdout


@pytest.mark.parametrize("command", sorted(HANDLERS))
def test_every_command_has_its_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Commands whose arguments are added when used (print, objection, user) still show them."""
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert f"usage: anju {command}" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "shown"), [
    (["print", "--help"], ["notice-households", "agreements", "--household", "--split"]),
    (["objection", "add", "--help"], ["notice-results", "--kind", "--item"]),
    (["objection", "resolve", "--help"], ["upheld", "dismissed"]),
    (["user", "add", "--help"], ["observer", "supervisor", "--role"]),
])
def test_arguments_added_when_used_are_there(
        argv: list[str], shown: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    assert [text for text in shown if text not in out] == []


def test_a_bad_choice_of_a_deferred_argument_is_a_usage_error(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["print", "no-such-kind", "--project", "p", "--out", "x.pdf"])
    assert done.value.code == 2
    assert "invalid choice: 'no-such-kind'" in capsys.readouterr().err
