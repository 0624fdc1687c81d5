"""Every error code raised below desktop/ has wording, and the wording fits what is raised.

The codes are found by reading the source of allocation/ and db/ with ast, so
a new code without a message in desktop/messages.py fails here, not in front
of a user.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from allocation.demo.policy import demo_policy
from allocation.errors import AnjuError, ValidationError
from allocation.lottery.rfc3797 import key_string
from allocation.money import yuan_in_capitals
from allocation.rules.policy import policy_from_dict, policy_to_dict
from db.excel.problems import PROBLEM_CODES
from desktop.i18n import init_translations, remove_translations
from desktop.i18n.messages import describe, describe_error, describe_import

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("allocation", "db")

# Calls whose positional argument at this index is an error code.
CODE_ARGUMENT = {
    "AnjuError": 0, "ValidationError": 0, "ConflictError": 0, "NotFoundError": 0,
    "BackupError": 0, "CellError": 0,
    "PolicyProblem": 1,  # (path, code, params)
    "FieldProblem": 1,  # (field, code, params): allocation.registry's rules
    "Rejection": 1,  # (key, code, params): db.importing's clashes with stored data
    "Quantity": 2,  # (kind, places, negative_code): allocation.money's decimal kinds
}  # fmt: skip
# Params that the code path between the raise site and describe() always adds.
ADDED_PARAMS = {"CellError": {"field"}, "FieldProblem": {"field"}}


@dataclass(frozen=True)
class Site:
    """One place that raises (or reports) a code; ``params`` None when not known statically."""

    code: str
    params: frozenset[str] | None
    where: str


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _dict_keys(node: ast.expr | None) -> frozenset[str] | None:
    if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) for k in node.keys):
        return frozenset(k.value for k in node.keys)  # type: ignore[union-attr]
    return None


class _Scanner(ast.NodeVisitor):
    """Collects a Site for each literal code in one module."""

    def __init__(self, path: Path) -> None:
        self.path = path.relative_to(ROOT)
        self.sites: list[Site] = []
        self.scopes: list[ast.AST] = []
        self.classes: list[ast.ClassDef] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # noqa: N802
        self.scopes.append(node)
        self.generic_visit(node)
        self.scopes.pop()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        name = _name(node.func)
        if name in CODE_ARGUMENT:
            self._call(name, node, CODE_ARGUMENT[name])
        elif name == "__init__" and self._in_anju_error() and node.args:
            self._call("AnjuError", node, 0)  # super().__init__("read_cancelled")
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:  # noqa: N802
        # Quantity.problem returns (code, params) for PolicyProblem(path, *found).
        value = node.value
        if (isinstance(value, ast.Tuple) and len(value.elts) == 2
                and isinstance(value.elts[0], ast.Constant)
                and isinstance(value.elts[0].value, str)
                and isinstance(value.elts[1], ast.Dict)):
            self._add(value.elts[0].value, _dict_keys(value.elts[1]), node)
        self.generic_visit(node)

    def _in_anju_error(self) -> bool:
        return bool(self.classes) and any(
            _name(base) in CODE_ARGUMENT for base in self.classes[-1].bases)

    def _call(self, name: str, node: ast.Call, index: int) -> None:
        if len(node.args) <= index:
            return
        code = node.args[index]
        if not (isinstance(code, ast.Constant) and isinstance(code.value, str)):
            return  # a code passed on (first.code): found where it was made
        if name == "Quantity":
            params: frozenset[str] | None = frozenset({"value"})
        elif index == 0:
            keywords = [k.arg for k in node.keywords]
            params = None if None in keywords else frozenset(k for k in keywords if k)
        elif len(node.args) > index + 1:
            params = self._params(node.args[index + 1])
        else:
            params = frozenset()
        if params is not None:
            params |= ADDED_PARAMS.get(name, set())
        self._add(code.value, params, node)

    def _params(self, node: ast.expr) -> frozenset[str] | None:
        """The keys of a dict literal, or of the dict last assigned to a name before use."""
        if isinstance(node, ast.Name) and self.scopes:
            assigned = [a.value for a in ast.walk(self.scopes[-1])
                        if isinstance(a, ast.Assign) and a.lineno < node.lineno
                        and any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)]
            return _dict_keys(max(assigned, key=lambda v: v.lineno)) if assigned else None
        return _dict_keys(node)

    def _add(self, code: str, params: frozenset[str] | None, node: ast.AST) -> None:
        self.sites.append(Site(code, params, f"{self.path}:{getattr(node, 'lineno', 0)}"))


def _sources() -> Iterator[Path]:
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def raise_sites() -> list[Site]:
    sites: list[Site] = []
    for path in _sources():
        scanner = _Scanner(path)
        scanner.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        sites += scanner.sites
    return sites


SITES = raise_sites()
CODES = sorted({site.code for site in SITES} | PROBLEM_CODES)


def test_the_scan_finds_the_codes() -> None:
    """A scan that found nothing would pass everything below."""
    assert {"person_in_other_household", "tiers_gap", "read_cancelled", "import_rejected",
            "negative_area", "float_not_allowed", "source_non_latin", "household_exists",
            "head_count", "backup_damaged", "too_large", "unknown_key"} <= set(CODES)
    assert len(CODES) > 100


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_wording(code: str) -> None:
    """Fails for a new code: add its message to desktop/messages.py, then translate it."""
    text = describe(code, {})
    assert text != code and not text.startswith(code)


def test_messages_use_only_the_params_their_raise_sites_give() -> None:
    """A {placeholder} a site does not fill would show up in the sentence as it is."""
    broken = []
    for site in SITES:
        if site.params is None:
            continue
        # Sites in db/excel report import problems, which are worded as such.
        word = describe_import if site.where.startswith("db/excel/") else describe
        text = word(site.code, {name: "X" for name in site.params})
        if "{" in text:
            broken.append(f"{site.where} {site.code}{sorted(site.params)}: {text}")
    assert broken == []


# --- real errors, worded -----------------------------------------------------------------


def _raised(data: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as raised:
        policy_from_dict(data)
    return raised.value


def _policy_with(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(policy_to_dict(demo_policy()))
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _in_chinese(qapp: QApplication, error: BaseException) -> str:
    assert init_translations(qapp, "zh_CN") == "zh_CN"
    try:
        return describe_error(error)
    finally:
        remove_translations(qapp)


def test_overlapping_tiers_name_the_tier_in_english_and_chinese(qapp: QApplication) -> None:
    error = _raised(_policy_with(("pricing", "tiers", 1, "start"), "10.00"))
    assert error.code == "tiers_overlap"
    text = describe_error(error)
    assert text == ("price tiers overlap: this tier starts at 10.00 m², before the previous "
                    "one ends at 15.00 m² (at pricing.tiers[1].start)")
    chinese = _in_chinese(qapp, error)
    assert "价格档次" in chinese and "pricing.tiers[1].start" in chinese
    assert "10.00" in chinese and "15.00" in chinese and "overlap" not in chinese


def test_a_negative_area_keeps_its_key_path(qapp: QApplication) -> None:
    error = _raised(_policy_with(("entitlement", "area_per_person"), "-50"))
    assert error.code == "negative_area"
    assert describe_error(error) == (
        "an area must not be negative (-50) (at entitlement.area_per_person)")
    chinese = _in_chinese(qapp, error)
    assert "面积" in chinese and "entitlement.area_per_person" in chinese


def test_a_condition_field_stays_as_written_in_the_policy(qapp: QApplication) -> None:
    term = {"field": "signing_seq", "op": "has", "value": "disability"}
    error = _raised(_policy_with(("groups", 0, "condition"), {"all": [term]}))
    assert error.code == "operator_not_for_field"
    text = describe_error(error)
    assert "“signing_seq”" in text and "groups[0].condition.all[0].op" in text
    assert "“signing_seq”" in _in_chinese(qapp, error)


def test_a_bad_lottery_source_is_worded(qapp: QApplication) -> None:
    with pytest.raises(ValidationError) as raised:
        key_string(["12 7 31", "-5"])
    assert describe_error(raised.value) == (
        "source 2: -5 is negative; numbers must be zero or more")
    chinese = _in_chinese(qapp, raised.value)
    assert "-5" in chinese and "第 2 " in chinese


def test_capitals_refuse_a_negative_amount_in_words(qapp: QApplication) -> None:
    with pytest.raises(ValidationError) as raised:
        yuan_in_capitals(Decimal("-1.00"))
    assert describe_error(raised.value).startswith("the negative amount -1.00")
    assert "大写" in _in_chinese(qapp, raised.value)


def test_import_problems_use_the_import_wording() -> None:
    """The same fact found in a file names its rows; found in the registry, the field."""
    assert describe_import("head_name_mismatch", {
        "code": "A1", "head_name": "张三", "member_name": "张山", "member_row": 4}) == (
        "the head's name 张三 differs from the 户主 member 张山 (row 4)")
    assert describe("duplicate_pool_code", {"code": "A1"}) == (
        "household code A1 appears twice in the pool")


def test_an_unknown_code_still_shows_its_facts() -> None:
    assert describe("no_such_code", {"a": 1}) == "no_such_code (a=1)"
    assert describe_error(AnjuError("no_such_code")) == "no_such_code"


def test_the_compensation_choice_is_worded_in_english_and_chinese(qapp: QApplication) -> None:
    from allocation.errors import ConflictError
    from db.excel import ImportProblem
    from desktop.i18n.messages import describe_problem

    locked = ConflictError("compensation_mode_locked", household="H001",
                           field="compensation_mode", signed_on="2026-07-01")
    assert describe_error(locked) == (
        "household H001 has signed its agreement, which settles its compensation: the "
        "compensation mode can no longer be changed")
    assert _in_chinese(qapp, locked) == "H001 户已签约，补偿已随协议确定：补偿方式不能再更改"
    required = ValidationError("assessed_value_required", field="assessed_value", key="H001")
    assert _in_chinese(qapp, required) == "选择产权调换（价值互换）或货币补偿的，须填写评估价值"
    problem = ImportProblem("户", 3, "评估价值（元）", "", "assessed_value_required", (
        ("field", "assessed_value"), ("code", "H002"), ("mode", "货币补偿")))
    assert describe_problem(problem) == (
        "sheet 户, row 3, column 评估价值（元）; household H002 chose 货币补偿: assessed value "
        "is required")
    assert init_translations(qapp, "zh_CN") == "zh_CN"
    try:
        assert describe_problem(problem) == (
            "工作表“户”，第 3 行，列“评估价值（元）”；H002 户选择货币补偿，须填写评估价值")
    finally:
        remove_translations(qapp)
