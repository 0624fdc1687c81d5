"""A formula error read from any spreadsheet format is worded with its place and the error shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from db.excel import ImportProblem
from desktop.i18n import init_translations, remove_translations
from desktop.i18n.messages import describe_problem


def test_a_formula_error_names_its_cell_and_the_error(qapp: QApplication) -> None:
    """户 row 3, 户主姓名 showing #DIV/0!: where, what to do, the error as the sheet shows it."""
    problem = ImportProblem("户", 3, "户主姓名", "#DIV/0!", "formula_error",
                            (("field", "head_name"),))
    assert describe_problem(problem) == (
        "sheet 户, row 3, column 户主姓名; the head of household cell holds a formula error: "
        "correct the formula, or type the value; value “#DIV/0!”")
    assert init_translations(qapp, "zh_CN") == "zh_CN"
    try:
        assert describe_problem(problem) == (
            "工作表“户”，第 3 行，列“户主姓名”；户主单元格是公式错误：请改正公式，或直接填写内容；"
            "值“#DIV/0!”")
    finally:
        remove_translations(qapp)


@pytest.mark.parametrize("error", ["#N/A", "#REF!", "#VALUE!"])
def test_every_error_is_shown_as_the_sheet_shows_it(error: str) -> None:
    problem = ImportProblem("户", 2, "签约日期", error, "formula_error", (("field", "signed_on"),))
    assert describe_problem(problem).endswith(f"value “{error}”")
