"""Import batches: one audit event for up to BATCH_SIZE imported households.

An event per household cost a canonical JSON snapshot and a SHA-256 each
(about 6 of the 24 CPU-seconds of a 100,000-household import). A batch event
names the fields once and gives each household's values as an array, with
the file's name and SHA-256; `anju audit verify` expands it back into the
per-household snapshots and checks each against its stored row, so every
row is still replayed. Per-household "import" events of older databases
replay as before.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from allocation.registry import Household
from db.audit.snapshots import HOUSEHOLD_FIELDS, Snapshot, canonical_json, household_row_json

ENTITY_IMPORT_BATCH = "import_batch"
BATCH_SIZE = 1000


@dataclass(frozen=True, slots=True)
class ImportSource:
    """The file a batch was read from: its name and the SHA-256 of its bytes."""

    name: str
    sha256: str


def batch_key(source: ImportSource | None, first: int) -> str:
    """The batch's entity key: the file's digest (abridged) and the first row's index."""
    digest = source.sha256[:16] if source is not None else "direct"
    return f"{digest}-{first + 1}"


def household_batches(households: Sequence[Household], source: ImportSource | None,
                      size: int = BATCH_SIZE) -> Iterator[tuple[str, str]]:
    """(entity key, canonical JSON) of each batch of ``size`` households, in order.

    The text is canonical_json({"fields", "file", "households", "sha256"}),
    written in that (sorted) order around the spelled-out rows
    (household_row_json), which are most of it.
    """
    head = '{"fields":' + canonical_json(list(HOUSEHOLD_FIELDS)) + ',"file":' + canonical_json(
        source.name if source is not None else None) + ',"households":['
    tail = '],"sha256":' + canonical_json(source.sha256 if source is not None else None) + "}"
    for start in range(0, len(households), size):
        rows = ",".join([household_row_json(h) for h in households[start:start + size]])
        yield batch_key(source, start), head + rows + tail


def expand_batch(after: Snapshot) -> list[Snapshot]:
    """The per-household snapshots a batch event stands for, in the batch's order."""
    fields = after.get("fields") or []
    # Not strict: a row tampered to another length still replays, and differs from its row.
    return [dict(zip(fields, row, strict=False)) for row in after.get("households") or []]


def batch_codes(text: str | None) -> list[str]:
    """The household codes of a batch event's ``after`` text, in order: what a search of
    the log for one household finds its import by."""
    after = json.loads(text) if text else {}
    fields = after.get("fields") or []
    if "code" not in fields:
        return []
    at = fields.index("code")
    return [str(row[at]) for row in after.get("households") or [] if len(row) > at]
