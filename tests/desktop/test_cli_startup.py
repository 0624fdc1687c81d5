"""`anju --help`, `order` and `verify` stay light: no Qt, SQLAlchemy or ReportLab is loaded."""

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


# --- the standalone commands, as whole processes ---------------------------------------

RFC_SOURCES = ["9319", "2 5 12 8 10", "9 18 26 34 41 45"]


# Runs ARGV as ``python ARGV`` would, then names every module in sys.modules at exit
# (after the command's SystemExit): a module loaded any way at all is there, even one
# importlib loaded, which ``-X importtime`` does not list.
AT_EXIT = """
import atexit, runpy, sys
atexit.register(lambda: print("\\nMODULES " + " ".join(sorted(sys.modules)), file=sys.stderr))
argv = sys.argv[1:]
if argv[0] == "-m":
    sys.argv = [argv[1], *argv[2:]]
    runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
else:
    sys.argv = ["-c"]
    exec(argv[1], {"__name__": "__main__"})
"""


def _imported(*argv: str, cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``python ARGV`` (``-m MODULE ARGS`` or ``-c CODE``): the process and its modules.

    The modules are the names in sys.modules when the process exits, and
    their top-level packages (``sqlalchemy`` for ``sqlalchemy.orm``).
    """
    result = subprocess.run([sys.executable, "-c", AT_EXIT, *argv], cwd=cwd,
                            capture_output=True, text=True, timeout=120)
    listed = result.stderr.rpartition("\nMODULES ")[2].split()
    assert listed, result.stderr
    return result, set(listed) | {name.split(".")[0] for name in listed}


def _heavy(names: set[str]) -> list[str]:
    return sorted(name for name in HEAVY if name in names)


def test_the_probe_sees_a_heavy_import() -> None:
    """The probe can fail: SQLAlchemy imported, even through importlib, is seen."""
    result, names = _imported("-c", "import importlib; importlib.import_module('sqlalchemy.orm')")
    assert result.returncode == 0, result.stderr
    assert _heavy(names) == ["sqlalchemy"]
    assert "sqlalchemy.orm" in names


def test_importing_the_package_faces_pulls_nothing_heavy() -> None:
    result, names = _imported("-c", "import desktop, desktop.cli, desktop.cli.main")
    assert result.returncode == 0, result.stderr
    assert "desktop" in names
    assert _heavy(names) == []


def test_help_as_a_process_imports_nothing_heavy() -> None:
    result, names = _imported("-m", "desktop.cli", "--help")
    assert result.returncode == 0, result.stderr
    assert "usage: anju" in result.stdout
    assert _heavy(names) == []


def test_order_as_a_process_imports_nothing_heavy() -> None:
    """RFC 3797 §6 (pool 25, its three sources): the first selections are 17, 7, 2, 16, 25.

    The figures are the RFC's own table, not ours; the 25 lines come in one
    write and are a permutation of 1..25.
    """
    sources = [arg for source in RFC_SOURCES for arg in ("--source", source)]
    result, names = _imported("-m", "desktop.cli", "order", "--pool", "25", *sources)
    assert result.returncode == 0, result.stderr
    positions = [int(line) for line in result.stdout.splitlines()]
    assert positions[:5] == [17, 7, 2, 16, 25]
    assert sorted(positions) == list(range(1, 26))
    assert result.stdout.endswith("\n")
    assert _heavy(names) == []
    # RFC 3797 alone: the lottery's face loads rfc3797, not the rules the mechanisms need.
    assert "allocation.lottery.rfc3797" in names
    assert [name for name in names if name.startswith("allocation.rules")] == []


def test_order_table_as_a_process_imports_nothing_heavy() -> None:
    sources = [arg for source in RFC_SOURCES for arg in ("--source", source)]
    result, names = _imported("-m", "desktop.cli", "order", "--pool", "25", "--table", *sources)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows[0].startswith("step\tcounter") and len(rows) == 26
    assert rows[1].split("\t")[-1] == "17"
    assert _heavy(names) == []


def test_verify_as_a_process_imports_nothing_heavy(tmp_path: Path) -> None:
    """A sealed record verifies, and an edited one is refused, without Qt or a database."""
    from allocation.lottery.record import build_record, dumps_record
    from allocation.rules.ordering import PoolEntry

    pool = [PoolEntry(i, f"D{i:03}") for i in range(1, 11)]
    record = build_record(pool=pool, sources=RFC_SOURCES, drawn_at="2026-11-23T10:00:00+08:00",
                          operator="op", witnesses=[("notary", "王公证")])
    path = tmp_path / "draw.json"
    path.write_text(dumps_record(record), encoding="utf-8")
    result, names = _imported("-m", "desktop.cli", "verify", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert _heavy(names) == []
    path.write_text(dumps_record(record).replace('"D001"', '"D999"'), encoding="utf-8")
    result, names = _imported("-m", "desktop.cli", "verify", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert _heavy(names) == []


def test_an_order_error_is_still_worded_in_the_interface_language(
        capsys: pytest.CaptureFixture[str]) -> None:
    """The catalogue is loaded only when a standalone command has an error to word."""
    assert main(["--lang", "zh_CN", "order", "--pool", "5", "--source", "-2"]) == 1
    assert "负数" in capsys.readouterr().err
    assert main(["--lang", "en", "order", "--pool", "5", "--source", "-2"]) == 1
    assert "negative" in capsys.readouterr().err
