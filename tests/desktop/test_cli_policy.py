"""Bad policy files are refused by `anju policy set` with the problem and its key path.

Issue 3 names the cases: negative prices, overlapping or gapped tiers,
unknown fields in a condition, a cap below zero. Each is a correct policy
(the demo's) with one value broken, loaded into a project that has no
policy yet — so nothing but the broken value can be the reason for refusal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from allocation.demo.policy import demo_policy
from allocation.rules.policy import policy_to_dict
from desktop.cli.main import main

Edit = Callable[[dict[str, Any]], None]


def _set(path: list[Any], value: Any) -> Edit:
    def edit(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return edit


CASES: dict[str, tuple[Edit, str, str]] = {
    # case: (edit, key path, words of the Chinese message)
    "negative price": (_set(["pricing", "beyond_cap_price"], "-6000.00"),
                       "pricing.beyond_cap_price", "价格不能为负数"),
    "overlapping tiers": (_set(["pricing", "tiers", 1, "start"], "10.00"),
                          "pricing.tiers[1].start", "价格档次相互重叠"),
    "gapped tiers": (_set(["pricing", "tiers", 1, "start"], "20.00"),
                     "pricing.tiers[1].start", "价格档次之间有空档"),
    "unknown condition field": (_set(["groups", 0, "condition", "any", 0, "field"], "income"),
                                "groups[0].condition.any[0].field", "此条件不能使用字段“income”"),
    "cap below zero": (_set(["entitlement", "excess_cap"], "-1.00"),
                       "entitlement.excess_cap", "上限不能为负数"),
}


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main(["--db", url, "project", "create", "东湖"]) == 0
    return url


@pytest.mark.parametrize("case", CASES)
def test_bad_policy_is_refused_with_path_and_reason(case: str, db_url: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    edit, path, words = CASES[case]
    document = policy_to_dict(demo_policy())
    edit(document)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", db_url, "--lang", "zh_CN", "policy", "set", str(bad),
                 "--project", "东湖"]) == 1
    error = capsys.readouterr().err
    assert words in error and f"位置：{path}" in error
    assert "Traceback" not in error
    assert main(["--db", db_url, "policy", "show", "--project", "东湖"]) == 1  # nothing stored


def test_the_unbroken_policy_loads(db_url: str, tmp_path: Path) -> None:
    """The control: the same file without the edit is accepted."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(policy_to_dict(demo_policy()), ensure_ascii=False),
                    encoding="utf-8")
    assert main(["--db", db_url, "policy", "set", str(good), "--project", "东湖"]) == 0
    assert main(["--db", db_url, "policy", "show", "--project", "东湖"]) == 0
