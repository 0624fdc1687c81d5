"""The verifier of draw records (``anju-draw/1``): ``python -m allocation.verify``.

Standard library only, so that anyone (a notary, a resident's relative) can
run ``python3 -S -m allocation.verify DRAW.json`` on a bare Python and see
each check, in English and Chinese. Exit status: 0 all checks match,
1 a mismatch (the first one is named), 2 the file cannot be read.

The record's fields and how its hashes are formed are described in
:mod:`allocation.lottery.record`, which writes it; this module only reads
and checks it.

Each check verifies one link of the chain using the record's own previous
link (announced -> canonical -> key -> steps and order -> final order), so an
edit is named where it was made. The record hash is checked last: it is
what catches edits to fields nothing else depends on (policy hash, time,
people).

The English/Chinese check labels live here, not in ``desktop/``, because
the verifier must print them without Qt or any installed package.
"""

from __future__ import annotations

import argparse
import enum
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, Final

from allocation.errors import AnjuError, ValidationError
from allocation.lottery.record import FORMAT, HEX64, pool_sha256, record_sha256
from allocation.lottery.rfc3797 import (
    METHODS,
    Step,
    canonical_source,
    draw_from_key,
    step_digest,
)
from allocation.rules import final_positions

# Checks in the order they run (and are printed); labels (English, Chinese).
LABELS: Final[dict[str, tuple[str, str]]] = {
    "format": ("record format", "记录格式"),
    "fields": ("record fields", "记录字段"),
    "pool_numbering": ("pool numbering", "名单编号"),
    "pool_hash": ("pool hash", "名单哈希"),
    "policy_hash": ("policy hash", "政策哈希"),
    "method": ("method", "算法"),
    "sources": ("random sources", "随机源"),
    "key": ("key string", "种子串"),
    "steps": ("step table", "逐步计算表"),
    "lottery_order": ("lottery order", "摇号顺序"),
    "final_order": ("final order", "最终顺序"),
    "record_hash": ("record hash", "记录哈希"),
}
CHECKS: Final = tuple(LABELS)

_STEP_FIELDS: Final = Step._fields


class Status(enum.StrEnum):
    OK = "OK"
    MISMATCH = "MISMATCH"
    SKIPPED = "SKIP"


@dataclass(frozen=True)
class Finding:
    """The outcome of one check: a stable ``check`` code and its facts."""

    check: str
    status: Status
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status is not Status.MISMATCH


class RecordUnreadable(Exception):
    """The file is missing, not UTF-8, not JSON, or not one JSON object."""


# --- reading ---------------------------------------------------------------


def load_record(path: str | Path) -> dict[str, Any]:
    """Read a record file; :class:`RecordUnreadable` if it is not one JSON object."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        value = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise RecordUnreadable(f"{type(exc).__name__}: {exc}") from exc
    if not isinstance(value, dict):
        raise RecordUnreadable(f"top level is {type(value).__name__}, not an object")
    return value


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Two values for one key would let different readers see different records.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


# --- verifying -------------------------------------------------------------


@dataclass(frozen=True)
class _Parsed:
    """The record's fields, type-checked, as the checks use them.

    The pool is kept as columns, not entry objects: a million rows of
    objects would cost more than the draw itself.
    """

    positions: list[int]
    codes: list[str]
    priorities: list[tuple[int, str | None]]
    method: str
    sources: list[Mapping[str, str]]
    key: str
    steps: list[Mapping[str, Any]] | None
    lottery_order: list[int]
    final_order: list[str]


def verify_record(record: Mapping[str, Any]) -> list[Finding]:
    """Run every check on a record; the findings come in :data:`CHECKS` order."""
    findings = [_check_format(record)]
    parsed: _Parsed | None = None
    if findings[0].ok:
        fields_finding, parsed = _check_fields(record)
        findings.append(fields_finding)
    if parsed is None:
        findings += [_skipped(c) for c in CHECKS[len(findings) : -1]]
        findings.append(_check_record_hash(record))
        return findings
    findings += _check_pool(record, parsed)
    findings.append(_check_policy_hash(record))
    findings.append(_check_method(parsed))
    findings.append(_check_sources(parsed))
    findings.append(_check_key(parsed))
    findings += _check_draw(parsed)
    findings.append(_check_record_hash(record))
    return findings


def first_mismatch(findings: Iterable[Finding]) -> Finding | None:
    """The first failed check, or ``None`` if everything matched."""
    return next((f for f in findings if not f.ok), None)


def _ok(check: str, **params: Any) -> Finding:
    return Finding(check, Status.OK, params)


def _mismatch(check: str, **params: Any) -> Finding:
    return Finding(check, Status.MISMATCH, params)


def _skipped(check: str, **params: Any) -> Finding:
    return Finding(check, Status.SKIPPED, params)


def _check_format(record: Mapping[str, Any]) -> Finding:
    found = record.get("format")
    if found != FORMAT:
        return _mismatch("format", expected=FORMAT, recorded=found)
    return _ok("format", format=FORMAT)


# Allowed types per field. Exact types (``type(v) in ...``), so True is not
# an int. Lists of objects are checked column by column.
_NONE = type(None)
_SCALARS: Final[dict[str, tuple[type, ...]]] = {
    "method": (str,),
    "pool_sha256": (str,),
    "policy_sha256": (str, _NONE),
    "key": (str,),
    "drawn_at": (str,),
    "operator": (str,),
    "record_sha256": (str,),
}
_LISTS: Final[dict[str, tuple[type, ...]]] = {"lottery_order": (int,), "final_order": (str,)}
_TABLES: Final[dict[str, dict[str, tuple[type, ...]]]] = {
    "pool": {
        "position": (int,),
        "code": (str,),
        "group": (str, _NONE),
        "group_rank": (int,),
        "sort_key": (str, _NONE),
    },
    "sources": {"announced": (str,), "canonical": (str,)},
    "witnesses": {"role": (str,), "name": (str,)},
    "steps": {f: (str,) if f == "digest_hex" else (int,) for f in _STEP_FIELDS},
}


def _check_fields(record: Mapping[str, Any]) -> tuple[Finding, _Parsed | None]:
    problem = _field_problem(record)
    if problem is not None:
        return _mismatch("fields", field=problem), None
    pool = record["pool"]
    parsed = _Parsed(
        positions=list(map(itemgetter("position"), pool)),
        codes=list(map(itemgetter("code"), pool)),
        priorities=list(map(itemgetter("group_rank", "sort_key"), pool)),
        method=record["method"],
        sources=record["sources"],
        key=record["key"],
        steps=record["steps"],
        lottery_order=record["lottery_order"],
        final_order=record["final_order"],
    )
    return _ok("fields"), parsed


def _field_problem(record: Mapping[str, Any]) -> str | None:
    """The path of the first missing or ill-typed field, or ``None``."""
    for name, types in _SCALARS.items():
        if name not in record or type(record[name]) not in types:
            return name
    if not _is_iso_time(record["drawn_at"]):
        return "drawn_at"
    for name, types in _LISTS.items():
        values = record.get(name)
        if type(values) is not list or not set(map(type, values)) <= set(types):
            return name
    for name, columns in _TABLES.items():
        rows = record.get(name, ...)
        if name == "steps" and rows is None:
            continue
        if type(rows) is not list:
            return name
        if not _table_ok(rows, columns):
            return _row_problem(name, rows, columns)
    return None


def _is_iso_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _table_ok(rows: list[Any], columns: Mapping[str, tuple[type, ...]]) -> bool:
    """Fast whole-table check (C-level maps); :func:`_row_problem` finds the culprit."""
    if not set(map(type, rows)) <= {dict} or not set(map(len, rows)) <= {len(columns)}:
        return False
    try:
        return all(set(map(type, map(itemgetter(c), rows))) <= set(t) for c, t in columns.items())
    except KeyError:
        return False


def _row_problem(name: str, rows: list[Any], columns: Mapping[str, tuple[type, ...]]) -> str:
    for i, row in enumerate(rows):
        if type(row) is not dict or set(row) != set(columns):
            return f"{name}[{i}]"
        for column, types in columns.items():
            if type(row[column]) not in types:
                return f"{name}[{i}].{column}"
    return name  # pragma: no cover - only called when _table_ok failed


def _check_pool(record: Mapping[str, Any], parsed: _Parsed) -> list[Finding]:
    codes = parsed.codes
    computed = pool_sha256(codes)
    if computed != record["pool_sha256"]:
        hashed = _mismatch("pool_hash", recorded=record["pool_sha256"], computed=computed)
    else:
        hashed = _ok("pool_hash", sha256=computed, households=len(codes))
    return [_numbering_finding(parsed.positions, codes), hashed]


def _numbering_finding(positions: list[int], codes: list[str]) -> Finding:
    if not positions:
        return _mismatch("pool_numbering", pool_size=0)
    if positions != list(range(1, len(positions) + 1)):
        expected, found = next((i, p) for i, p in enumerate(positions, start=1) if i != p)
        return _mismatch("pool_numbering", expected=expected, recorded=found)
    if "" in codes or len(set(codes)) != len(codes):
        return _mismatch("pool_numbering", bad_code=_first_bad_code(codes))
    return _ok("pool_numbering", positions=f"1..{len(positions)}")


def _first_bad_code(codes: Iterable[str]) -> str:
    """The first empty or repeated household code."""
    seen: set[str] = set()
    for code in codes:
        if code == "" or code in seen:
            return code
        seen.add(code)
    return ""


def _check_policy_hash(record: Mapping[str, Any]) -> Finding:
    value = record["policy_sha256"]
    if value is None:
        return _ok("policy_hash", sha256=None)
    if not HEX64.match(value):
        return _mismatch("policy_hash", recorded=value, expected="64 lower-case hex digits")
    return _ok("policy_hash", sha256=value)


def _check_method(parsed: _Parsed) -> Finding:
    spec = METHODS.get(parsed.method)
    if spec is None:
        return _mismatch("method", recorded=parsed.method, known=sorted(METHODS))
    pool_size = len(parsed.codes)
    if pool_size > spec.max_pool:
        return _mismatch("method", recorded=spec.name, pool_size=pool_size, max_pool=spec.max_pool)
    other = _method_of_first_step(parsed)
    if other is not None and other != spec.name:
        return _mismatch("method", recorded=spec.name, steps_drawn_with=other)
    return _ok("method", method=spec.name, rfc3797=spec.is_rfc3797)


def _method_of_first_step(parsed: _Parsed) -> str | None:
    """Which method produced the recorded first digest (``None`` if none does)."""
    if not parsed.steps or not parsed.key or not parsed.key.isascii():
        return None
    recorded = parsed.steps[0]["digest_hex"]
    return next((m for m in METHODS if step_digest(parsed.key, 0, m) == recorded), None)


def _check_sources(parsed: _Parsed) -> Finding:
    if not parsed.sources:
        return _mismatch("sources", count=0)
    for index, source in enumerate(parsed.sources, start=1):
        try:
            computed = canonical_source(source["announced"], index=index)
        except ValidationError as exc:
            return _mismatch("sources", index=index, error=exc.code, **exc.params)
        if computed != source["canonical"]:
            return _mismatch(
                "sources", index=index, recorded=source["canonical"], computed=computed
            )
    return _ok("sources", canonical=[s["canonical"] for s in parsed.sources])


def _check_key(parsed: _Parsed) -> Finding:
    joined = "".join(s["canonical"] for s in parsed.sources)
    if joined != parsed.key:
        return _mismatch("key", recorded=parsed.key, computed=joined)
    return _ok("key", key=parsed.key)


def _check_draw(parsed: _Parsed) -> list[Finding]:
    """Re-run the draw from the recorded key and compare steps, order, final order."""
    pool_size = len(parsed.codes)
    try:
        run = draw_from_key(pool_size, parsed.key, parsed.method, steps=parsed.steps is not None)
    except AnjuError as exc:
        reason = {"error": exc.code, **exc.params}
        return [_skipped(c, **reason) for c in ("steps", "lottery_order", "final_order")]
    order = list(run.order)
    return [
        _compare_steps(parsed.steps, run.steps),
        _compare_sequence("lottery_order", order, parsed.lottery_order),
        _compare_final(parsed, order),
    ]


def _compare_steps(recorded: list[Mapping[str, Any]] | None, computed: Sequence[Step]) -> Finding:
    if recorded is None:
        return _skipped("steps", reason="not_recorded")
    as_tuples = list(map(itemgetter(*_STEP_FIELDS), recorded))
    if as_tuples == list(computed):
        return _ok("steps", rows=len(computed))
    for step, row in zip(computed, as_tuples, strict=False):
        for name, mine, theirs in zip(_STEP_FIELDS, step, row, strict=True):
            if mine != theirs:
                return _mismatch(
                    "steps", counter=step.counter, field=name, recorded=theirs, computed=mine
                )
    return _mismatch("steps", recorded_rows=len(recorded), computed_rows=len(computed))


def _compare_sequence(check: str, computed: list[Any], recorded: list[Any]) -> Finding:
    """OK if equal; otherwise the first differing 1-based rank (or the lengths)."""
    if computed == recorded:
        return _ok(check, count=len(computed), first=computed[:5])
    for rank, (mine, theirs) in enumerate(zip(computed, recorded, strict=False), start=1):
        if mine != theirs:
            return _mismatch(check, rank=rank, recorded=theirs, computed=mine)
    return _mismatch(check, recorded_length=len(recorded), computed_length=len(computed))


def _compare_final(parsed: _Parsed, order: list[int]) -> Finding:
    if parsed.positions != list(range(1, len(parsed.positions) + 1)):
        # Positions are how the order refers to households; already reported.
        return _skipped("final_order", reason="pool_numbering")
    positions = final_positions(parsed.priorities, order)
    codes = parsed.codes
    return _compare_sequence("final_order", [codes[p - 1] for p in positions], parsed.final_order)


def _check_record_hash(record: Mapping[str, Any]) -> Finding:
    computed = record_sha256(record)
    recorded = record.get("record_sha256")
    if computed != recorded:
        return _mismatch("record_hash", recorded=recorded, computed=computed)
    return _ok("record_hash", sha256=computed)


# --- command line ----------------------------------------------------------


def format_finding(finding: Finding) -> str:
    """One printed line, e.g. ``OK        pool hash / 名单哈希: sha256=...``."""
    english, chinese = LABELS[finding.check]
    status = {
        Status.OK: "OK",
        Status.MISMATCH: "MISMATCH 不一致",
        Status.SKIPPED: "SKIP 跳过",
    }[finding.status]
    details = ", ".join(f"{k}={_short(v)}" for k, v in finding.params.items())
    return f"{status:<16}{english} / {chinese}" + (f": {details}" if details else "")


def _short(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."


def main(argv: Sequence[str] | None = None) -> int:
    """Verify one record file; print every check; return the exit status."""
    _tolerant_stdout()
    parser = argparse.ArgumentParser(
        prog="python -m allocation.verify",
        description="Verify an Anju draw record (anju-draw/1). 核验安居摇号记录。",
    )
    parser.add_argument("record", help="draw record JSON file / 摇号记录文件")
    args = parser.parse_args(argv)
    try:
        record = load_record(args.record)
    except RecordUnreadable as exc:
        print(f"ERROR cannot read {args.record} / 无法读取记录文件: {exc}", file=sys.stderr)
        return 2
    print(f"Verifying / 核验: {args.record}")
    findings = verify_record(record)
    for finding in findings:
        print(format_finding(finding))
    failed = first_mismatch(findings)
    if failed is None:
        print("ALL CHECKS MATCH / 全部核对一致")
        return 0
    english, chinese = LABELS[failed.check]
    print(f"FIRST MISMATCH / 第一个不一致: {english} / {chinese} ({failed.check})")
    return 1


def _tolerant_stdout() -> None:
    # A console that cannot show Chinese must still show the verdict.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


if __name__ == "__main__":
    raise SystemExit(main())
