"""Every action, record kind and field the database can write to the audit log has words.

The cases are generated, not listed: the actions and record kinds are read
from the database code (every string it passes as an audit event's
``action`` or ``entity``), the fields from the schema (every column of every
table the log records) and from the events of a whole demo run (import,
casework, draw, selection session, notices). A new event kind or column
without a word in desktop/i18n/record_words.py fails here; that the words
have Chinese is test_translations.py's part (every source string is
translated).
"""

from __future__ import annotations

import ast
import json
import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from db.records import Base
from desktop.i18n import has_field_words, init_translations, record_field, remove_translations
from desktop.i18n.record_words import (
    ENTITY_FIELDS,
    EVENT_ACTIONS,
    EVENT_ENTITIES,
    WITNESSED_ACTS,
)

ROOT = Path(__file__).resolve().parents[2]
LOG_TABLES = frozenset({"audit_event", "audit_head"})  # the log itself, not what it records


def _strings(node: ast.AST) -> Iterator[str]:
    """The string constants a value can be: ``"x"`` or ``"x" if c else "y"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)


@cache
def _db_trees() -> tuple[ast.Module, ...]:
    paths = sorted(p for p in (ROOT / "db").rglob("*.py") if "migrations" not in p.parts)
    return tuple(ast.parse(p.read_text(encoding="utf-8")) for p in paths)


def _parameters() -> dict[str, dict[str, set[int]]]:
    """Function name -> {"action"/"entity": positions}: every db/ function taking them."""
    found: dict[str, dict[str, set[int]]] = {"AuditEntry": {"action": {2}, "entity": {3}}}
    for tree in _db_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names = [a.arg for a in node.args.args]
                for name in ("action", "entity"):
                    if name in names:
                        found.setdefault(node.name, {}).setdefault(name, set()).add(
                            names.index(name))
    return found


Found = dict[str, set[str]]


def _from_call(node: ast.Call, params: dict[str, dict[str, set[int]]], found: Found) -> None:
    name = getattr(node.func, "attr", None) or getattr(node.func, "id", "")
    for param, positions in params.get(name, {}).items():
        for i in positions:
            if i < len(node.args):
                found[param].update(_strings(node.args[i]))
    for keyword in node.keywords:
        if keyword.arg in found:
            found[keyword.arg].update(_strings(keyword.value))


def _from_assignment(node: ast.Assign | ast.AnnAssign, found: Found) -> None:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        if not isinstance(target, ast.Name) or node.value is None:
            continue
        if target.id in found:
            found[target.id].update(_strings(node.value))
        elif target.id.startswith("ENTITY_"):
            found["entity"].update(_strings(node.value))
        elif target.id == "ENTITIES" and isinstance(node.value, ast.Dict):
            for value in node.value.values:
                found["entity"].update(_strings(value))


def _from_defaults(node: ast.FunctionDef, found: Found) -> None:
    args = node.args
    positional = args.args[len(args.args) - len(args.defaults):]
    pairs = [*zip(positional, args.defaults, strict=True),
             *zip(args.kwonlyargs, args.kw_defaults, strict=True)]
    for arg, default in pairs:
        if arg.arg in found and default is not None:
            found[arg.arg].update(_strings(default))


@cache
def written_kinds() -> dict[str, frozenset[str]]:
    """The strings db/ passes as an event's action or entity: by position, keyword, a local
    variable of that name, a parameter's default, and the ENTITY_* / ENTITIES constants."""
    params = _parameters()
    found: Found = {"action": set(), "entity": set()}
    for tree in _db_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                _from_call(node, params, found)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                _from_assignment(node, found)
            elif isinstance(node, ast.FunctionDef):
                _from_defaults(node, found)
    return {k: frozenset(v) for k, v in found.items()}


def schema_fields() -> set[str]:
    return {column.name for name, table in Base.metadata.tables.items()
            if name not in LOG_TABLES for column in table.columns}


def test_the_scan_finds_the_kinds_it_must():
    """The scan is not vacuous: it finds kinds written in each of its ways."""
    kinds = written_kinds()
    assert {"create", "select", "call", "move_to_end", "freeze", "answer"} <= kinds["action"]
    assert {"household", "selection_turn", "progress_step", "objection"} <= kinds["entity"]


@pytest.mark.parametrize("action", sorted(written_kinds()["action"]))
def test_every_action_written_has_words(action):
    assert action in EVENT_ACTIONS


@pytest.mark.parametrize("entity", sorted(written_kinds()["entity"]))
def test_every_record_kind_written_has_words(entity):
    assert entity in EVENT_ENTITIES


def witnessed_acts() -> set[str]:
    """The acts db/ hands the witness file: the ``act="..."`` of ``witness_on_commit`` and
    the literal second argument of a ``WitnessLine(...)``."""
    acts = set()
    for tree in _db_trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "witness_on_commit":
                acts |= {k.value.value for k in node.keywords if k.arg == "act"
                         and isinstance(k.value, ast.Constant)}
            if name == "WitnessLine" and len(node.args) > 1 and isinstance(
                    node.args[1], ast.Constant):
                acts.add(node.args[1].value)
    return acts


def test_every_witnessed_act_has_words():
    """The witness file's acts read in words in `audit verify --witness` and Settings; the
    scan finds the acts written both ways (not vacuous)."""
    acts = witnessed_acts()
    assert {"freeze", "session-open", "restore"} <= acts
    assert acts - set(WITNESSED_ACTS) == set()


def test_a_name_is_read_as_the_records_own(qapp):
    """A project's ``name`` is its short name and a user's its user name, not 姓名 (a
    person's name), which a staff member's and the fields' table's stay; and every record
    kind with its own words is one db/ writes (a misspelt kind would never be used)."""
    assert {entity for entity, _ in ENTITY_FIELDS} <= written_kinds()["entity"]
    assert init_translations(qapp, "zh_CN") == "zh_CN"
    try:
        assert [record_field("name", entity) for entity in ("project", "user", "sign_in",
                                                            "team", "staff", "")] == [
            "项目简称", "用户名", "用户名", "工作组名称", "姓名", "姓名"]
    finally:
        remove_translations(qapp)


@pytest.mark.parametrize("field", sorted(schema_fields()))
def test_every_column_has_words(field):
    assert has_field_words(field)


def test_every_event_of_a_whole_run_is_in_words(demo_out_template):
    """``anju demo --out``: imported, worked on, drawn, chosen, published; every action,
    record kind and field of its events (as stored, not as written in the code) has words."""
    connection = sqlite3.connect(demo_out_template)
    rows = connection.execute("SELECT action, entity, before, after FROM audit_event").fetchall()
    connection.close()
    assert len(rows) > 3000 and {r[0] for r in rows} >= {"select", "call", "publish"}
    fields = {f for r in rows for state in r[2:] if state for f in json.loads(state)}
    assert {r[0] for r in rows} - set(EVENT_ACTIONS) == set()
    assert {r[1] for r in rows} - set(EVENT_ENTITIES) == set()
    assert {f for f in fields if not has_field_words(f)} == set()
