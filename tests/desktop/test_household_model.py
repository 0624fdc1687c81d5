"""The Households table model without any window: cells, sorting, filtering and counts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from allocation.registry.model import CompensationMode, Condition, HouseholdId, HouseholdStatus
from db.registry.queries import HouseholdRow
from desktop.registry.households_model import (
    COL_AREA,
    COL_CODE,
    COL_CONDITIONS,
    COL_HEAD,
    COL_HEAD_ID,
    COL_MEMBERS,
    COL_MODE,
    COL_RECOGNISED,
    COL_SIGNED_ON,
    COL_SIGNING_SEQ,
    COL_STATUS,
    COL_TRANSITION,
    HouseholdTableModel,
)
from tests.factories import person_id


def make_row(n: int, **changes: object) -> HouseholdRow:
    """A table row for household ``H{n:03d}``; search text built as db.queries builds it."""
    fields: dict[str, object] = {
        "id": HouseholdId(n), "code": f"H{n:03d}", "head_name": f"张{n}",
        "head_id": person_id(n), "phone": f"1380013{n:04d}", "address": "中山路",
        "legal_area": Decimal("60.50") + n, "status": HouseholdStatus.REGISTERED,
        "signed_on": None, "signing_seq": None, "members": 3, "recognised": 3,
        "new_members": 0, "conditions": frozenset(), "search_text": "",
    }
    fields.update(changes)
    row = HouseholdRow(**fields)  # type: ignore[arg-type]
    if not row.search_text:
        search = " ".join((row.code, row.head_name, row.phone, row.head_name, row.head_id))
        fields["search_text"] = search.lower()
        row = HouseholdRow(**fields)  # type: ignore[arg-type]
    return row


@pytest.fixture
def model(qapp: object) -> HouseholdTableModel:
    model = HouseholdTableModel()
    model.set_rows([
        make_row(1, conditions=frozenset({Condition.DISABILITY, Condition.LOW_INCOME})),
        make_row(2, status=HouseholdStatus.SIGNED, signed_on=date(2026, 7, 3), signing_seq=2,
                 legal_area=Decimal("120.00"), compensation_mode=CompensationMode.MONEY),
        make_row(3, head_name="欧阳明", search_text="h003 欧阳明 13800130003 欧阳明 李芳 "
                 + person_id(3).lower(), conditions=frozenset({Condition.SERIOUS_ILLNESS})),
        make_row(4, status=HouseholdStatus.SIGNED, signed_on=date(2026, 7, 1), signing_seq=1,
                 members=5, recognised=4, new_members=1,
                 compensation_mode=CompensationMode.VALUE),
    ])
    return model


def cell(model: HouseholdTableModel, row: int, column: int,
         role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, column), role)


def codes(model: HouseholdTableModel) -> list[str]:
    return [str(cell(model, r, COL_CODE)) for r in range(model.rowCount())]


def test_cells_show_the_row_as_the_office_reads_it(model: HouseholdTableModel) -> None:
    """Areas with two decimals and right-aligned, full ID number, dates in ISO form."""
    assert model.rowCount() == 4 and model.columnCount() == 13
    assert cell(model, 0, COL_HEAD) == "张1"
    assert cell(model, 0, COL_HEAD_ID) == person_id(1)
    assert cell(model, 0, COL_AREA) == "61.50"
    assert cell(model, 0, COL_AREA, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert cell(model, 1, COL_SIGNED_ON) == "2026-07-03"
    assert cell(model, 1, COL_SIGNING_SEQ) == "2"
    assert cell(model, 0, COL_SIGNING_SEQ) == ""
    assert cell(model, 3, COL_MEMBERS) == "5" and cell(model, 3, COL_RECOGNISED) == "4"
    assert cell(model, 0, COL_CODE, Qt.ItemDataRole.UserRole) == 1


def test_conditions_and_status_follow_the_interface_language(
        model: HouseholdTableModel) -> None:
    """Without a translator the labels are English; conditions keep the office's order."""
    assert cell(model, 0, COL_CONDITIONS) == "Disability, Low income"
    assert cell(model, 1, COL_STATUS) == "Signed"
    assert cell(model, 0, COL_STATUS) == "Registered"
    # Short in the narrow column (as offices write it), the whole name in the tooltip.
    assert [cell(model, r, COL_MODE) for r in range(4)] == [
        "By area", "Money", "By area", "By value"]
    assert cell(model, 1, COL_MODE, Qt.ItemDataRole.ToolTipRole) == "Money compensation"
    assert model.headerData(COL_MODE, Qt.Orientation.Horizontal) == "Compensation"


def test_the_mode_column_is_in_chinese_with_a_chinese_interface(
        qapp: object, model: HouseholdTableModel) -> None:
    from desktop.i18n import init_translations, remove_translations

    assert init_translations(qapp, "zh_CN") == "zh_CN"  # type: ignore[arg-type]
    try:
        assert model.headerData(COL_MODE, Qt.Orientation.Horizontal) == "补偿方式"
        assert [cell(model, r, COL_MODE) for r in (0, 1, 3)] == ["按面积", "货币补偿", "价值互换"]
        assert cell(model, 3, COL_MODE, Qt.ItemDataRole.ToolTipRole) == "产权调换（价值互换）"
    finally:
        remove_translations(qapp)  # type: ignore[arg-type]


def test_the_transition_column_says_where_each_household_waits(qapp: object) -> None:
    """过渡方式: no transition flat is 自行过渡, a lent one 周转用房 (its address in the tooltip),
    and a household compensated in money waits for no flat (—), whatever it has on file.
    Sorted: own transition, transition housing, then none."""
    from desktop.i18n import init_translations, remove_translations

    model = HouseholdTableModel()
    model.set_rows([
        make_row(1, transition_housing="江汉区周转房3栋2单元501"),
        make_row(2, compensation_mode=CompensationMode.MONEY),
        make_row(3),
        make_row(4, compensation_mode=CompensationMode.VALUE, transition_housing="周转房1栋"),
    ])
    texts = [cell(model, r, COL_TRANSITION) for r in range(4)]
    assert texts == ["Transition housing", "—", "Own transition", "Transition housing"]
    assert model.headerData(COL_TRANSITION, Qt.Orientation.Horizontal) == "Transition"
    assert cell(model, 0, COL_TRANSITION, Qt.ItemDataRole.ToolTipRole) == "江汉区周转房3栋2单元501"
    model.sort(COL_TRANSITION)
    assert codes(model) == ["H003", "H001", "H004", "H002"]
    assert init_translations(qapp, "zh_CN") == "zh_CN"  # type: ignore[arg-type]
    try:
        assert model.headerData(COL_TRANSITION, Qt.Orientation.Horizontal) == "过渡方式"
        assert [cell(model, r, COL_TRANSITION) for r in range(4)] == [
            "自行过渡", "周转用房", "周转用房", "—"]
    finally:
        remove_translations(qapp)  # type: ignore[arg-type]


def test_tooltips_explain_the_row(model: HouseholdTableModel) -> None:
    assert "中山路" in str(cell(model, 0, COL_CODE, Qt.ItemDataRole.ToolTipRole))
    assert "1 new member" in str(cell(model, 3, COL_RECOGNISED, Qt.ItemDataRole.ToolTipRole))
    assert model.headerData(COL_AREA, Qt.Orientation.Horizontal) == "Legal area (m²)"


@pytest.mark.parametrize(("column", "order", "expected"), [
    (COL_CODE, Qt.SortOrder.DescendingOrder, ["H004", "H003", "H002", "H001"]),
    (COL_AREA, Qt.SortOrder.DescendingOrder, ["H002", "H004", "H003", "H001"]),
    (COL_SIGNING_SEQ, Qt.SortOrder.AscendingOrder, ["H004", "H002", "H001", "H003"]),
    (COL_MEMBERS, Qt.SortOrder.AscendingOrder, ["H001", "H002", "H003", "H004"]),
    (COL_CONDITIONS, Qt.SortOrder.AscendingOrder, ["H002", "H004", "H003", "H001"]),
    (COL_MODE, Qt.SortOrder.AscendingOrder, ["H001", "H003", "H004", "H002"]),
])
def test_sort(model: HouseholdTableModel, column: int, order: Qt.SortOrder,
              expected: list[str]) -> None:
    """Numbers sort as numbers; rows without a signing order come after those with one."""
    model.sort(column, order)
    assert codes(model) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("h002", ["H002"]),
    ("H00", ["H001", "H002", "H003", "H004"]),
    ("李芳", ["H003"]),  # any member's name, not only the head's
    ("欧阳 李", ["H003"]),  # every word must match
    (person_id(4)[-6:], ["H004"]),  # ID number digits
    ("13800130001", ["H001"]),  # phone
    ("１３８００１３０００１", ["H001"]),  # full-width digits from a Chinese IME
    ("nobody", []),
])
def test_filter_by_text(model: HouseholdTableModel, text: str, expected: list[str]) -> None:
    model.set_filter(text)
    assert codes(model) == expected
    assert (model.visible_count, model.total_count) == (len(expected), 4)


def test_filter_by_condition_and_status(model: HouseholdTableModel) -> None:
    model.set_filter("", Condition.DISABILITY, None)
    assert codes(model) == ["H001"]
    model.set_filter("", None, HouseholdStatus.SIGNED)
    assert codes(model) == ["H002", "H004"]
    model.set_filter("h004", None, HouseholdStatus.SIGNED)
    assert codes(model) == ["H004"]
    model.set_filter()
    assert model.visible_count == 4


def test_sort_and_filter_combine_and_survive_new_rows(model: HouseholdTableModel) -> None:
    """A reload keeps the operator's sort and filter."""
    model.sort(COL_CODE, Qt.SortOrder.DescendingOrder)
    model.set_filter("", None, HouseholdStatus.SIGNED)
    assert codes(model) == ["H004", "H002"]
    model.set_rows([make_row(n, status=HouseholdStatus.SIGNED) for n in range(1, 7)])
    assert codes(model) == ["H006", "H005", "H004", "H003", "H002", "H001"]
    assert model.view_row_of(HouseholdId(5)) == 1
    assert model.row_at(0).code == "H006"


@pytest.mark.slow
def test_large_table_filters_by_one_keystroke(qapp: object) -> None:
    """100,000 rows load and one search keystroke finds its 100 (speed is in bench/)."""
    rows = [make_row(n % 400, id=HouseholdId(n), code=f"H{n:06d}",
                     search_text=f"h{n:06d} 张{n} 1380013{n:04d}") for n in range(100_000)]
    model = HouseholdTableModel()
    model.set_rows(rows)
    model.set_filter("h0999")
    assert model.visible_count == 100
