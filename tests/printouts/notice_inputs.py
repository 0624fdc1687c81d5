"""Inputs for the rules, pool and draw notice tests: the demo policy, pool and a sealed draw."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_households
from allocation.lottery.record import build_record
from allocation.rules.ordering import PoolEntry
from allocation.rules.policy import Policy, policy_sha256
from allocation.rules.priority import pool_entries

SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]


@cache
def policy() -> Policy:
    return demo_policy()


@cache
def entries() -> list[PoolEntry]:
    return pool_entries(demo_households(), policy(), date(2026, 11, 1))


@cache
def record() -> dict[str, Any]:
    return build_record(pool=entries(), sources=SOURCES, drawn_at="2026-11-20T10:00:00+08:00",
                        operator="op", witnesses=[("公证员", "王公证")],
                        policy_sha256=policy_sha256(policy()))  # fmt: skip


def head_names() -> dict[str, str]:
    return {h.code: h.head_name for h in demo_households()}
