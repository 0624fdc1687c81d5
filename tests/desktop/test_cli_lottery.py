"""`anju order` and `anju verify`: the RFC 3797 draw and its verifier from the command line."""

from __future__ import annotations

import hashlib
import json

from allocation.lottery.record import build_record, dumps_record
from allocation.rules.ordering import PoolEntry
from desktop.cli.main import main

RFC_SOURCES = ["9319", "2 5 12 8 10", "9 18 26 34 41 45"]


def _order(capsys, *extra: str) -> str:
    args = ["--lang", "en", "order", "--pool", "25", *extra]
    for source in RFC_SOURCES:
        args += ["--source", source]
    assert main(args) == 0
    return capsys.readouterr().out


def test_order_prints_a_permutation_starting_as_the_rfc(capsys):
    """RFC 3797 §6: first selection 17; the whole pool comes out once each."""
    positions = [int(line) for line in _order(capsys).split()]
    assert positions[0] == 17
    assert sorted(positions) == list(range(1, 26))


def test_order_table_digests_are_md5_of_counter_key_counter(capsys):
    """Each table row can be checked by hand: MD5(counter ‖ key ‖ counter)."""
    rows = [line.split("\t") for line in _order(capsys, "--table").splitlines()[1:]]
    key = b"9319./2.5.8.10.12./9.18.26.34.41.45./"
    for row in rows[:5]:
        counter = int(row[1]).to_bytes(2, "big")
        assert row[2].lower() == hashlib.md5(counter + key + counter).hexdigest()
        assert int(row[4]) == int(row[2], 16) % int(row[3])


def test_verify_accepts_a_record_and_names_an_edit(tmp_path, capsys):
    pool = [PoolEntry(i, f"D{i:03}") for i in range(1, 11)]
    record = build_record(pool=pool, sources=RFC_SOURCES, drawn_at="2026-11-23T10:00:00+08:00",
                          operator="op", witnesses=[("notary", "王公证")])
    path = tmp_path / "draw.json"
    path.write_text(dumps_record(record), encoding="utf-8")
    assert main(["verify", str(path)]) == 0
    record["lottery_order"][0], record["lottery_order"][1] = (record["lottery_order"][1],
                                                              record["lottery_order"][0])
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["verify", str(path)]) == 1
    assert "order" in capsys.readouterr().out.lower()
