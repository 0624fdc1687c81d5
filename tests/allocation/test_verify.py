"""Tests of draw records, the verifier (`python -S -m allocation.verify`) and the final order."""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allocation.errors import ValidationError
from allocation.lottery.record import build_record, dumps_record, record_sha256
from allocation.lottery.verifier import (
    CHECKS,
    LABELS,
    Status,
    first_mismatch,
    main,
    verify_record,
)
from allocation.rules.ordering import PoolEntry, final_order

REPO = Path(__file__).resolve().parents[2]
RFC_SOURCES = ["9319", "2 5 12 8 10", "9 18 26 34 41 45"]
RFC_SELECTED_16 = [17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22, 5, 18, 9, 1, 4]
RFC_FIRST_DIGEST = "990DD0A5692A029A98B5E01AA28F3459"


def make_pool(size: int = 25) -> list[PoolEntry]:
    """Every 6th household is in the priority group; the rest sort by a key, then lot."""
    entries = []
    for position in range(1, size + 1):
        priority = position % 6 == 0
        entries.append(
            PoolEntry(
                position=position,
                code=f"CX-{position:03d}",
                group="残疾" if priority else None,
                group_rank=0 if priority else 1,
                sort_key=None if priority else ("B" if position % 2 else "A"),
            )
        )
    return entries


def make_record(**overrides: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "pool": make_pool(),
        "sources": RFC_SOURCES,
        "drawn_at": "2026-05-09T10:00:00+08:00",
        "operator": "王工",
        "witnesses": [("notary", "李公证"), {"role": "resident", "name": "张三"}],
        "policy_sha256": hashlib.sha256(b"policy v1").hexdigest(),
    }
    kwargs.update(overrides)
    return build_record(**kwargs)


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return make_record()


def write(tmp_path: Path, record: dict[str, Any], name: str = "draw.json") -> Path:
    path = tmp_path / name
    path.write_text(dumps_record(record), encoding="utf-8")
    return path


def reseal(record: dict[str, Any]) -> dict[str, Any]:
    record["record_sha256"] = record_sha256(record)
    return record


# --- the record as built ---------------------------------------------------


def test_built_record_verifies(record: dict[str, Any]) -> None:
    """Every check of a fresh record is OK, in the documented order."""
    findings = verify_record(record)
    assert [f.check for f in findings] == list(CHECKS)
    assert all(f.status is Status.OK for f in findings), findings
    assert first_mismatch(findings) is None


def test_record_contains_the_rfc_draw(record: dict[str, Any]) -> None:
    """The record's draw is the RFC example: key, first digest, 16 published selections."""
    assert record["format"] == "anju-draw/1"
    assert record["method"] == "rfc3797-md5"
    assert record["key"] == "9319./2.5.8.10.12./9.18.26.34.41.45./"
    assert record["sources"][1] == {"announced": "2 5 12 8 10", "canonical": "2.5.8.10.12./"}
    assert record["steps"][0] == {
        "counter": 0,
        "digest_hex": RFC_FIRST_DIGEST,
        "divisor": 25,
        "remainder": 16,
        "selected": 17,
    }
    assert record["lottery_order"][:16] == RFC_SELECTED_16
    assert sorted(record["lottery_order"]) == list(range(1, 26))


def test_record_hashes_follow_the_published_definition(record: dict[str, Any]) -> None:
    """Pool and record hashes recomputed here from their written definitions."""
    codes = [e["code"] for e in record["pool"]]
    pool_json = json.dumps(codes, ensure_ascii=False, separators=(",", ":"))
    assert record["pool_sha256"] == hashlib.sha256(pool_json.encode("utf-8")).hexdigest()
    body = {k: v for k, v in record.items() if k != "record_sha256"}
    body_json = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert record["record_sha256"] == hashlib.sha256(body_json.encode("utf-8")).hexdigest()


def test_final_order_is_group_then_sort_key_then_lot(record: dict[str, Any]) -> None:
    """Priority group first; then sort key A before B; within each, lottery order."""
    lot_rank = {p: i for i, p in enumerate(record["lottery_order"])}
    by_code = {e["code"]: e for e in record["pool"]}
    priority = [e["code"] for e in record["pool"] if e["group_rank"] == 0]
    key_a = [e["code"] for e in record["pool"] if e["sort_key"] == "A"]
    key_b = [e["code"] for e in record["pool"] if e["sort_key"] == "B"]

    def by_lot(codes: list[str]) -> list[str]:
        return sorted(codes, key=lambda c: lot_rank[by_code[c]["position"]])

    assert record["final_order"] == by_lot(priority) + by_lot(key_a) + by_lot(key_b)


def test_record_file_round_trips(record: dict[str, Any], tmp_path: Path) -> None:
    """The file form (one row per line) reads back as the same record, Chinese intact."""
    path = write(tmp_path, record)
    assert json.loads(path.read_text(encoding="utf-8")) == record
    assert "李公证" in path.read_text(encoding="utf-8")


def test_record_without_step_table_still_verifies_the_order() -> None:
    """steps=null: the step check is skipped, the order is still recomputed."""
    record = make_record(include_steps=False)
    findings = {f.check: f for f in verify_record(record)}
    assert record["steps"] is None
    assert findings["steps"].status is Status.SKIPPED
    assert findings["lottery_order"].status is Status.OK
    edited = copy.deepcopy(record)
    edited["lottery_order"][:2] = edited["lottery_order"][1::-1]
    assert first_mismatch(verify_record(reseal(edited))).check == "lottery_order"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"pool": [PoolEntry(2, "A"), PoolEntry(1, "B")]}, "pool_numbering"),
        ({"pool": [PoolEntry(1, "A"), PoolEntry(2, "A")]}, "duplicate_pool_code"),
        ({"sources": ["9319", 25]}, "source_not_text"),
        ({"policy_sha256": "not-a-hash"}, "policy_sha256_invalid"),
        ({"sources": ["9319", "-3"]}, "source_negative"),
        ({"method": "md5"}, "unknown_method"),
    ],
)
def test_build_record_rejects_bad_input(overrides: dict[str, Any], code: str) -> None:
    """A record is never built from a malformed pool, source or hash."""
    with pytest.raises(ValidationError) as info:
        make_record(**overrides)
    assert info.value.code == code


# --- single edits are named ------------------------------------------------

Edit = Callable[[dict[str, Any]], None]


def _set(path: tuple[Any, ...], value: Any) -> Edit:
    def edit(record: dict[str, Any]) -> None:
        target = record
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return edit


def _swap(name: str, i: int = 0, j: int = 1) -> Edit:
    def edit(record: dict[str, Any]) -> None:
        items = record[name]
        items[i], items[j] = items[j], items[i]

    return edit


def _swap_codes(record: dict[str, Any]) -> None:
    pool = record["pool"]
    pool[0]["code"], pool[1]["code"] = pool[1]["code"], pool[0]["code"]


def _promote_last_drawn(record: dict[str, Any]) -> None:
    # Moving the household drawn last into the priority group changes the final order.
    last = record["lottery_order"][-1]
    entry = next(e for e in record["pool"] if e["position"] == last)
    entry["group_rank"] = -1


def _digest_edit(record: dict[str, Any]) -> None:
    step = record["steps"][5]
    step["digest_hex"] = step["digest_hex"][:-1] + ("0" if step["digest_hex"][-1] != "0" else "1")


# (edit, check named first); "record_hash" = only the seal can see it.
EDITS: dict[str, tuple[Edit, str]] = {
    "format": (_set(("format",), "anju-draw/2"), "format"),
    "missing key field": (lambda r: r.pop("key"), "fields"),
    "pool code": (_set(("pool", 3, "code"), "CX-999"), "pool_hash"),
    "pool codes swapped": (_swap_codes, "pool_hash"),
    "pool order": (_swap("pool"), "pool_numbering"),
    "pool group rank": (_promote_last_drawn, "final_order"),
    "pool hash": (_set(("pool_sha256",), "0" * 64), "pool_hash"),
    "policy hash malformed": (_set(("policy_sha256",), "xyz"), "policy_hash"),
    "policy hash": (_set(("policy_sha256",), "b" * 64), "record_hash"),
    "method sha256": (_set(("method",), "rfc3797-sha256"), "method"),
    "method wide counter": (_set(("method",), "rfc3797x-md5"), "method"),
    "method unknown": (_set(("method",), "rfc3797-sha1"), "method"),
    "source announced": (_set(("sources", 1, "announced"), "2 5 12 8 11"), "sources"),
    "source canonical": (_set(("sources", 2, "canonical"), "9.18.26.34.41.46./"), "sources"),
    "key": (_set(("key",), "9318./2.5.8.10.12./9.18.26.34.41.45./"), "key"),
    "step digest": (_digest_edit, "steps"),
    "step selected": (_set(("steps", 2, "selected"), 3), "steps"),
    "step row removed": (lambda r: r["steps"].pop(), "steps"),
    "lottery order": (_swap("lottery_order", 3, 4), "lottery_order"),
    "lottery order short": (lambda r: r["lottery_order"].pop(), "lottery_order"),
    "final order": (_swap("final_order", 0, 1), "final_order"),
    "drawn at": (_set(("drawn_at",), "2026-05-10T10:00:00+08:00"), "record_hash"),
    "drawn at not a time": (_set(("drawn_at",), "yesterday"), "fields"),
    "operator": (_set(("operator",), "赵工"), "record_hash"),
    "witness": (_set(("witnesses", 0, "name"), "李某"), "record_hash"),
    "record hash": (_set(("record_sha256",), "f" * 64), "record_hash"),
}
# Edits a forger could re-seal and that the other checks must still catch.
SEALED_EDITS = [name for name, (_, check) in EDITS.items() if check != "record_hash"]


def _edited(record: dict[str, Any], name: str) -> dict[str, Any]:
    edited = copy.deepcopy(record)
    EDITS[name][0](edited)
    return edited


@pytest.mark.parametrize("name", sorted(EDITS))
def test_single_edit_is_named(record: dict[str, Any], name: str, tmp_path: Path, capsys) -> None:
    """Each single-field edit fails verification, named at the link where it was made."""
    expected = EDITS[name][1]
    edited = _edited(record, name)
    failed = first_mismatch(verify_record(edited))
    assert failed is not None and failed.check == expected, verify_record(edited)
    assert main([str(write(tmp_path, edited))]) == 1
    out = capsys.readouterr().out
    english, chinese = LABELS[expected]
    assert f"FIRST MISMATCH / 第一个不一致: {english} / {chinese} ({expected})" in out


@pytest.mark.parametrize("name", sorted(SEALED_EDITS))
def test_resealed_edit_is_still_caught(record: dict[str, Any], name: str) -> None:
    """Recomputing the record hash does not hide a change to the draw's content."""
    edited = reseal(_edited(record, name))
    failed = first_mismatch(verify_record(edited))
    assert failed is not None and failed.check == EDITS[name][1]


def _mutations(record: dict[str, Any]) -> st.SearchStrategy[tuple[str, int, str]]:
    rows = {name: len(record[name]) for name in ("pool", "sources", "steps")}
    rows |= {name: len(record[name]) for name in ("lottery_order", "final_order")}
    return st.sampled_from(sorted(rows)).flatmap(
        lambda name: st.tuples(
            st.just(name), st.integers(0, rows[name] - 1), st.sampled_from(["bump", "text"])
        )
    )


def _mutate(value: Any, how: str) -> Any:
    if isinstance(value, bool) or value is None:
        return "x"
    if isinstance(value, int):
        return value + 1 if how == "bump" else value - 1
    return value + "0" if how == "bump" else value[:-1] + chr(ord(value[-1]) ^ 1)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_single_value_change_fails(record: dict[str, Any], data: st.DataObject) -> None:
    """Changing any one value in the pool, sources, steps or orders is a mismatch.

    Re-sealed, it is still caught, except for a pool entry's group name, rank
    or sort key: those count only through the final order (which a given
    edit may leave unchanged), so the record hash is what protects them.
    """
    name, index, how = data.draw(_mutations(record))
    edited = copy.deepcopy(record)
    row = edited[name][index]
    column = None
    if isinstance(row, dict):
        column = data.draw(st.sampled_from(sorted(row)))
        row[column] = _mutate(row[column], how)
    else:
        edited[name][index] = _mutate(row, how)
    assert first_mismatch(verify_record(edited)) is not None
    if not (name == "pool" and column in {"group", "group_rank", "sort_key"}):
        assert first_mismatch(verify_record(reseal(edited))) is not None


# --- the command line ------------------------------------------------------


def test_main_prints_every_check_in_two_languages(record, tmp_path: Path, capsys) -> None:
    """Exit 0 and one OK line per check, English and Chinese."""
    assert main([str(write(tmp_path, record))]) == 0
    out = capsys.readouterr().out
    for english, chinese in LABELS.values():
        assert f"OK              {english} / {chinese}" in out
    assert record["record_sha256"] in out
    assert "ALL CHECKS MATCH / 全部核对一致" in out


def run_verifier(path: Path) -> subprocess.CompletedProcess[str]:
    """The notary's command: no site-packages (-S), standard library only."""
    return subprocess.run(
        [sys.executable, "-S", "-m", "allocation.verify", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        timeout=120,
        check=False,
    )


def test_cli_without_site_packages_accepts_a_good_record(record, tmp_path: Path) -> None:
    """`python3 -S -m allocation.verify draw.json` exits 0 on an untouched record."""
    result = run_verifier(write(tmp_path, record))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK              pool hash / 名单哈希" in result.stdout
    assert "ALL CHECKS MATCH" in result.stdout


@pytest.mark.parametrize(
    ("name", "label"),
    [("pool code", "pool hash / 名单哈希"), ("step digest", "step table / 逐步计算表")],
)
def test_cli_without_site_packages_names_the_mismatch(record, tmp_path: Path, name, label) -> None:
    """Exit 1 and the first mismatch named in both languages."""
    result = run_verifier(write(tmp_path, _edited(record, name)))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"FIRST MISMATCH / 第一个不一致: {label}" in result.stdout


def bare_copy(tmp_path: Path) -> Path:
    """A folder holding nothing but a copy of ``allocation/``, as a notary would get it."""
    bare = tmp_path / "bare"
    shutil.copytree(REPO / "allocation", bare / "allocation",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return bare


def run_bare(bare: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-S", *args],
        cwd=bare,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        timeout=120,
        check=False,
    )


def test_bare_copy_of_allocation_verifies_a_record_and_catches_a_changed_code(
    record, tmp_path: Path
) -> None:
    """Only ``allocation/`` copied beside the record: exit 0 as written, 1 after one character
    of a household code is changed (the pool hash no longer matches)."""
    bare = bare_copy(tmp_path)
    path = write(bare, record)
    where = run_bare(bare, "-c", "import allocation.verify; print(allocation.verify.__file__)")
    assert Path(where.stdout.strip()) == bare / "allocation" / "verify.py", where.stderr

    result = run_bare(bare, "-m", "allocation.verify", path.name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK              record hash / 记录哈希" in result.stdout
    assert record["record_sha256"] in result.stdout
    assert "ALL CHECKS MATCH / 全部核对一致" in result.stdout

    code = record["pool"][6]["code"]
    text = path.read_text(encoding="utf-8")
    assert f'"code": "{code}"' in text
    changed = code[:-1] + ("Z" if code[-1] != "Z" else "Y")
    assert changed not in {e["code"] for e in record["pool"]}
    path.write_text(text.replace(f'"code": "{code}"', f'"code": "{changed}"', 1),
                    encoding="utf-8")
    result = run_bare(bare, "-m", "allocation.verify", path.name)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FIRST MISMATCH / 第一个不一致: pool hash / 名单哈希 (pool_hash)" in result.stdout
    assert "ALL CHECKS MATCH" not in result.stdout


@pytest.mark.parametrize(
    "content",
    [None, b"{not json", b"[1, 2, 3]", b"\xff\xfe\x00", b'{"format": 1, "format": 2}'],
    ids=["missing", "bad-json", "array", "not-utf8", "duplicate-key"],
)
def test_cli_unreadable_file_exits_2(tmp_path: Path, content: bytes | None) -> None:
    """Exit 2 when the file is missing, not UTF-8 JSON, not an object, or ambiguous."""
    path = tmp_path / "draw.json"
    if content is not None:
        path.write_bytes(content)
    result = run_verifier(path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "无法读取" in result.stderr


# --- final order -----------------------------------------------------------


def test_final_order_sorts_group_then_key_then_lottery_rank() -> None:
    """(group_rank, sort_key or "", lottery rank); a missing key sorts as ""."""
    entries = [
        PoolEntry(1, "a", group_rank=1, sort_key="2"),
        PoolEntry(2, "b", group_rank=1, sort_key=None),
        PoolEntry(3, "c", group_rank=0, sort_key="9"),
        PoolEntry(4, "d", group_rank=1, sort_key="2"),
        PoolEntry(5, "e", group_rank=1, sort_key=""),
    ]
    result = final_order(entries, [4, 5, 1, 3, 2])
    assert [e.code for e in result] == ["c", "e", "b", "d", "a"]


def test_final_order_needs_a_permutation_of_the_pool() -> None:
    """A lottery order missing or repeating a position is refused."""
    entries = [PoolEntry(1, "a"), PoolEntry(2, "b")]
    for order in ([1], [1, 1], [1, 3]):
        with pytest.raises(ValidationError) as info:
            final_order(entries, order)
        assert info.value.code == "lottery_order_mismatch"
