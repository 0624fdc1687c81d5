"""Draw records (format ``anju-draw/1``): what a draw stores, sealed by its own hash.

:func:`build_record` runs the draw for a published pool and returns the
record; :func:`dumps_record` is its file form. The checking side is
:mod:`allocation.lottery.verifier` (``python3 -S -m allocation.verify``),
which recomputes every field from the record's own previous link. Standard
library only, like the verifier, so both travel in a bare copy of
``allocation/``.

The record (JSON object; every field required):

* ``format``: ``"anju-draw/1"``.
* ``method``: ``rfc3797-md5`` | ``rfc3797-sha256`` | ``rfc3797x-md5`` |
  ``rfc3797x-sha256``.
* ``pool``: the published pool in order, ``[{"position": 1.., "code": str,
  "group": str|null, "group_rank": int, "sort_key": str|null}, ...]``.
* ``pool_sha256``: SHA-256 (hex) of ``json.dumps(codes, ensure_ascii=False,
  separators=(",", ":"))`` in UTF-8, codes in pool order; printed on the
  pool notice before the draw.
* ``policy_sha256``: hex SHA-256 of the published policy, or ``null``.
* ``sources``: ``[{"announced": str, "canonical": str}, ...]`` in order.
* ``key``: the key string K (the canonical strings joined).
* ``steps``: ``[{"counter", "digest_hex", "divisor", "remainder",
  "selected"}, ...]`` one per selection (``counter`` 0-based, digest in
  upper-case hex), or ``null`` if the table was not kept.
* ``lottery_order``: positions in selection order (the whole pool).
* ``final_order``: codes sorted by (group_rank, sort_key or "", lottery rank).
* ``drawn_at`` (ISO 8601), ``operator``, ``witnesses`` ``[{"role", "name"}]``.
* ``record_sha256``: SHA-256 of the canonical JSON of the record without
  this field: ``json.dumps(..., ensure_ascii=False, sort_keys=True,
  separators=(",", ":"))`` in UTF-8; printed on the result notice.

"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Final

from allocation.errors import ValidationError
from allocation.lottery.rfc3797 import DEFAULT_METHOD, ProgressReporter, canonical_source, draw
from allocation.rules import PoolEntry, final_order

FORMAT: Final = "anju-draw/1"

# A SHA-256 as the record writes it: 64 lower-case hex digits.
HEX64: Final = re.compile(r"[0-9a-f]{64}\Z")


# --- hashes ----------------------------------------------------------------


def canonical_json(value: object) -> bytes:
    """UTF-8 JSON with sorted keys and no spaces: the form the record hash covers."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def pool_sha256(codes: Sequence[str]) -> str:
    """SHA-256 of the code list in published order, as printed on the pool notice."""
    data = json.dumps(list(codes), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def record_sha256(record: Mapping[str, Any]) -> str:
    """SHA-256 of the record without its ``record_sha256`` field."""
    body = {k: v for k, v in record.items() if k != "record_sha256"}
    return hashlib.sha256(canonical_json(body)).hexdigest()


# --- building --------------------------------------------------------------


def build_record(
    *,
    pool: Sequence[PoolEntry],
    sources: Sequence[str],
    drawn_at: str | datetime,
    operator: str,
    witnesses: Iterable[Mapping[str, str] | tuple[str, str]] = (),
    method: str = DEFAULT_METHOD,
    policy_sha256: str | None = None,
    include_steps: bool = True,
    reporter: ProgressReporter | None = None,
) -> dict[str, Any]:
    """Run the draw for ``pool`` and return its sealed record.

    Args:
        pool: the published pool; positions must be 1..P in order.
        sources: the sources exactly as announced (text).
        drawn_at: when the draw ran (ISO 8601 text or datetime).
        operator: who ran it.
        witnesses: ``{"role", "name"}`` mappings or (role, name) pairs.
        method: the method fixed before the draw.
        policy_sha256: hex SHA-256 of the published policy, if any.
        include_steps: keep the per-step table (large for huge pools).

    Raises:
        ValidationError: ``pool_numbering``, ``duplicate_pool_code``,
            ``source_not_text``, ``policy_sha256_invalid``, and every error
            of :func:`allocation.lottery.draw`.
    """
    _check_pool_entries(pool)
    texts = _check_source_texts(sources)
    if policy_sha256 is not None and not HEX64.match(policy_sha256):
        raise ValidationError("policy_sha256_invalid", value=policy_sha256)
    run = draw(len(pool), texts, method, steps=include_steps, reporter=reporter)
    codes = [e.code for e in pool]
    record: dict[str, Any] = {
        "format": FORMAT,
        "method": run.method,
        "pool": [_entry_json(e) for e in pool],
        "pool_sha256": pool_sha256(codes),
        "policy_sha256": policy_sha256,
        "sources": [
            {"announced": s, "canonical": canonical_source(s, index=i)}
            for i, s in enumerate(texts, start=1)
        ],
        "key": run.key,
        "steps": [s._asdict() for s in run.steps] if include_steps else None,
        "lottery_order": list(run.order),
        "final_order": [e.code for e in final_order(pool, run.order)],
        "drawn_at": drawn_at.isoformat() if isinstance(drawn_at, datetime) else drawn_at,
        "operator": operator,
        "witnesses": [_witness_json(w) for w in witnesses],
    }
    record["record_sha256"] = record_sha256(record)
    return record


def _check_pool_entries(pool: Sequence[PoolEntry]) -> None:
    for expected, entry in enumerate(pool, start=1):
        if entry.position != expected:
            raise ValidationError("pool_numbering", expected=expected, position=entry.position)
    seen: set[str] = set()
    for entry in pool:
        if entry.code in seen:
            raise ValidationError("duplicate_pool_code", code=entry.code)
        seen.add(entry.code)


def _check_source_texts(sources: Sequence[str]) -> list[str]:
    texts = list(sources)
    for index, text in enumerate(texts, start=1):
        if not isinstance(text, str):
            # The record keeps the source as announced, which is text.
            raise ValidationError("source_not_text", index=index, value=repr(text))
    return texts


def _entry_json(entry: PoolEntry) -> dict[str, Any]:
    return {
        "position": entry.position,
        "code": entry.code,
        "group": entry.group,
        "group_rank": entry.group_rank,
        "sort_key": entry.sort_key,
    }


def _witness_json(witness: Mapping[str, str] | tuple[str, str]) -> dict[str, str]:
    if isinstance(witness, tuple):
        role, name = witness
        return {"role": role, "name": name}
    return {"role": witness["role"], "name": witness["name"]}


def dumps_record(record: Mapping[str, Any]) -> str:
    """The record as JSON text for a file: one pool entry or step per line."""
    lines = []
    for key, value in record.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            rows = ",\n".join("  " + _compact(row) for row in value)
            lines.append(f" {_compact(key)}: [\n{rows}\n ]")
        else:
            lines.append(f" {_compact(key)}: {_compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
