"""The Excel import dialog with stand-in file dialogs: good, bad, renamed and cancelled files."""

from __future__ import annotations

import csv
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

import db.registry.importing as importing
from db import excel
from desktop.common import file_dialogs
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from desktop.registry.flats_page import FlatsPage
from desktop.registry.import_dialog import (
    COLUMNS_PAGE,
    RESULT_PAGE,
    ImportDialog,
    ProgressRelay,
    export_to,
    save_template,
)
from tests.desktop import flats_fixtures
from tests.desktop.flats_fixtures import db_flats
from tests.factories import make_flat

ctx = flats_fixtures.ctx

FLATS = [make_flat(number="301"), make_flat(number="302", area=Decimal("66.60")),
         make_flat(building="2", number="101", floor=1, base_price=Decimal("4321.00"))]


def flats_file(tmp_path: Path, name: str = "flats.xlsx") -> Path:
    path = tmp_path / name
    excel.write_flats(path, FLATS)
    return path


def edit_cells(path: Path, changes: dict[str, object]) -> None:
    """Change cells of sheet 房源, e.g. {"E2": "abc"}."""
    book = load_workbook(path)
    for ref, value in changes.items():
        book["房源"][ref] = value
    book.save(path)


def header_cell(path: Path, header: str) -> str:
    sheet = load_workbook(path)["房源"]
    return next(c.coordinate for c in sheet[1] if c.value == header)


@pytest.fixture
def choose(monkeypatch):
    """Make the open-file dialog answer with a given path."""
    def answer(path: Path) -> None:
        monkeypatch.setattr(file_dialogs, "get_open_file_name",
                            staticmethod(lambda *a, **k: (str(path), "")))
    return answer


@pytest.fixture
def dialog(ctx: AppContext, qtbot) -> ImportDialog:
    widget = ImportDialog(ctx, "flats")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def run_to_result(dialog: ImportDialog, qtbot) -> None:
    """Press Next (and Import, if the columns step shows) until the result page."""
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() in (COLUMNS_PAGE, RESULT_PAGE),
                    timeout=10_000)


def test_good_file_is_imported_and_the_table_fills(ctx: AppContext, dialog: ImportDialog,
                                                   choose, tmp_path: Path, qtbot) -> None:
    page = FlatsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.set_project()
    choose(flats_file(tmp_path))
    dialog.browse()
    assert dialog.path().endswith("flats.xlsx") and dialog.next_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        run_to_result(dialog, qtbot)
    assert dialog.pages.currentIndex() == RESULT_PAGE
    assert dialog.imported == 3 and dialog.result_label.text() == "Imported 3 flats."
    assert db_flats(ctx) == sorted(FLATS, key=lambda f: (f.building, f.unit, f.floor, f.number))
    assert page.model.rowCount() == 3
    assert dialog.progress is None, "the progress dialog closes"


def test_bad_file_lists_every_problem_and_imports_nothing(ctx: AppContext, dialog: ImportDialog,
                                                          choose, tmp_path: Path,
                                                          qtbot) -> None:
    path = flats_file(tmp_path)
    area, layout = header_cell(path, "建筑面积"), header_cell(path, "户型")
    edit_cells(path, {f"{area[0]}3": "abc", f"{layout[0]}4": None})
    choose(path)
    dialog.browse()
    run_to_result(dialog, qtbot)
    assert dialog.pages.currentIndex() == RESULT_PAGE and dialog.imported is None
    assert db_flats(ctx) == []
    assert dialog.result_label.text().startswith("Nothing was imported.")
    model = dialog.problem_model()
    rows = model.rows()
    assert [(r[0], r[1], r[2]) for r in rows] == [("房源", "3", "建筑面积"), ("房源", "4", "户型")]
    assert rows[0][3] == "abc" and rows[0][4] == "floor area is not a number"
    assert rows[1][4] == "layout is required"
    assert dialog.problem_view.isVisibleTo(dialog) and dialog.copy_button.isVisibleTo(dialog)


def test_problems_can_be_copied_and_saved(dialog: ImportDialog, choose, tmp_path: Path,
                                          qtbot, monkeypatch) -> None:
    path = flats_file(tmp_path)
    edit_cells(path, {f"{header_cell(path, '基准单价')[0]}2": -5})
    choose(path)
    dialog.browse()
    run_to_result(dialog, qtbot)
    dialog.copy_problems()
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "Sheet\tRow\tColumn\tValue\tProblem"
    assert lines[1].startswith("房源\t2\t基准单价\t-5\t")
    assert "row 2" in dialog.problems_text()
    for suffix, chosen in ((".csv", "CSV file (*.csv)"), (".xlsx", "Excel workbook (*.xlsx)")):
        target = tmp_path / f"problems{suffix}"
        monkeypatch.setattr(file_dialogs, "get_save_file_name",
                            staticmethod(lambda *a, t=target, c=chosen, **k: (str(t), c)))
        assert dialog.save_problems() == str(target)
    with open(tmp_path / "problems.csv", encoding="utf-8-sig") as handle:
        saved = list(csv.reader(handle))
    assert saved[0][0] == "Sheet" and saved[1][:3] == ["房源", "2", "基准单价"]
    sheet = load_workbook(tmp_path / "problems.xlsx").active
    assert sheet["B2"].value == 2 and sheet["C2"].value == "基准单价"


def test_renamed_header_goes_through_the_column_step(ctx: AppContext, dialog: ImportDialog,
                                                     choose, tmp_path: Path, qtbot) -> None:
    path = flats_file(tmp_path)
    edit_cells(path, {header_cell(path, "建筑面积"): "实测建筑面积"})
    choose(path)
    dialog.browse()
    run_to_result(dialog, qtbot)
    assert dialog.pages.currentIndex() == COLUMNS_PAGE
    combo = dialog.mapping_combos[("flats", "area")]
    assert not dialog.next_button.isEnabled(), "a required field is still unmatched"
    assert combo.findData("实测建筑面积") > 0
    combo.setCurrentIndex(combo.findData("实测建筑面积"))
    assert dialog.next_button.isEnabled()
    assert dialog.mapping() == {"flats": {"area": "实测建筑面积"}}
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10_000)
    assert sorted(f.area for f in db_flats(ctx)) == sorted(f.area for f in FLATS)


def test_one_column_cannot_fill_two_fields(dialog: ImportDialog, choose, tmp_path: Path,
                                           qtbot) -> None:
    path = flats_file(tmp_path)
    edit_cells(path, {header_cell(path, "建筑面积"): "面积X", header_cell(path, "户型"): "型X"})
    choose(path)
    dialog.browse()
    run_to_result(dialog, qtbot)
    for field in ("area", "layout"):
        combo = dialog.mapping_combos[("flats", field)]
        combo.setCurrentIndex(combo.findData("面积X"))
    assert not dialog.next_button.isEnabled()
    assert "面积X" in dialog.columns_hint.text()


def test_cancel_during_progress_imports_nothing(ctx: AppContext, dialog: ImportDialog, choose,
                                                tmp_path: Path, qtbot) -> None:
    choose(flats_file(tmp_path))
    dialog.browse()
    gate = threading.Event()
    # Hold the database worker so the import is still waiting when Cancel is pressed.
    ctx.op(lambda _session: gate.wait(10), read_only=True).run_in_background()
    dialog.start_import()
    assert dialog.progress is not None and dialog.progress.isVisible()
    dialog.progress.findChild(QPushButton).click()
    assert dialog.progress.labelText() == "Cancelling…"
    gate.set()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == RESULT_PAGE, timeout=10_000)
    assert dialog.result_label.text() == "Import cancelled. Nothing was imported."
    assert db_flats(ctx) == [] and dialog.imported is None


def test_progress_callback_answers_the_cancel(qapp) -> None:
    """The worker's callback says False once Cancel is pressed; the reader then stops."""
    relay = ProgressRelay()
    seen: list[tuple[int, int]] = []
    relay.progressed.connect(lambda done, total: seen.append((done, total)))
    assert relay.callback(1000, 5000) is True
    relay.cancelled.set()
    assert relay.callback(2000, 5000) is False
    assert seen == [(1000, 5000), (2000, 5000)]


def test_a_file_that_is_not_excel_is_reported(ctx: AppContext, dialog: ImportDialog, choose,
                                              tmp_path: Path, qtbot) -> None:
    path = tmp_path / "flats.xlsx"
    path.write_text("楼栋,单元\n1,1\n", encoding="utf-8")
    choose(path)
    dialog.browse()
    run_to_result(dialog, qtbot)
    assert dialog.pages.currentIndex() == RESULT_PAGE and db_flats(ctx) == []
    assert dialog.problems and dialog.problems[0].code == "not_excel"


def test_a_missing_file_is_reported_before_anything_runs(dialog: ImportDialog) -> None:
    dialog.path_edit.setText("/no/such/file.xlsx")
    assert dialog.inspect() is None
    assert "There is no file" in dialog.choose_error.text()


def test_export_writes_the_project_flats(ctx: AppContext, tmp_path: Path, monkeypatch,
                                         qtbot) -> None:
    with ctx.factory.begin() as session:
        importing.import_flats(session, project_id=ctx.project_id, flats=FLATS, actor="t")
    target = tmp_path / "out"
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        staticmethod(lambda *a, **k: (str(target), "")))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _parent, _title, text, *a: told.append(text)))
    future = export_to(ctx, "flats", None)
    assert future is not None and future.result(timeout=10) == 3
    qtbot.waitUntil(lambda: bool(told))
    assert told == [f"Exported 3 flats to\n{target}.xlsx"]
    read = excel.read_flats(f"{target}.xlsx")
    assert sorted(read.items, key=lambda f: f.key) == sorted(FLATS, key=lambda f: f.key)


def test_template_is_saved(ctx: AppContext, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "模板.xlsx"
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    assert save_template(ctx, "flats", None) == str(target)
    headers = excel.inspect_workbook(target).sheet("flats")
    assert headers is not None and not headers.missing_required
    wait_for_idle()


def test_households_with_a_renamed_member_column(ctx: AppContext, choose, tmp_path: Path,
                                                 qtbot) -> None:
    """Two sheets: the column step shows both, and the mapping reaches the members sheet."""
    from db.registry.queries import summary
    from tests.factories import make_household

    path = tmp_path / "households.xlsx"
    excel.write_households(path, [make_household("H001", 1), make_household("H002", 2)])
    book = load_workbook(path)
    sheet = book["家庭成员"]
    cell = next(c for c in sheet[1] if c.value == "与户主关系")
    cell.value = "家庭关系"
    book.save(path)
    dialog = ImportDialog(ctx, "households")
    qtbot.addWidget(dialog)
    choose(path)
    dialog.browse()
    run_to_result(dialog, qtbot)
    assert dialog.pages.currentIndex() == COLUMNS_PAGE
    combo = dialog.mapping_combos[("members", "relation")]
    combo.setCurrentIndex(combo.findData("家庭关系"))
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10_000)
    with ctx.factory() as session:
        assert summary(session, ctx.project_id)["members"] == 6


def test_a_stray_value_in_the_far_corner_is_a_problem_not_a_closed_window(
        ctx: AppContext, dialog: ImportDialog, choose, tmp_path: Path, qtbot) -> None:
    """A value typed in XFD1048576 made calamine abort the process (the window with it);
    the dialog now lists it as one problem at that cell and imports nothing."""
    path = flats_file(tmp_path)
    edit_cells(path, {"XFD1048576": "x"})
    choose(path)
    dialog.browse()
    run_to_result(dialog, qtbot)
    assert dialog.pages.currentIndex() == RESULT_PAGE and dialog.imported is None
    [row] = dialog.problem_model().rows()
    assert (row[0], row[1], row[2]) == ("房源", "1048576", "XFD")
    assert "XFD1048576" in row[4] and "Ctrl+End" in row[4]
    view = dialog.problem_view  # the seven-digit row is shown whole, not cut to "1048…"
    assert view.columnWidth(1) > view.fontMetrics().horizontalAdvance("1048576")
    assert db_flats(ctx) == []
