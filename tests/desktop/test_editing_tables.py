"""Every editable table of the app: a row removed (or moved) while one of its cells is being
edited goes cleanly, the rows and what they stand for staying one list.

The bug this guards against: the Rules page's Remove button takes no focus, so a cell editor
stayed open; the records list lost the row first, the table then moved its current row and
the conditions editor asked for a record that was no longer there (IndexError).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from allocation.demo.policy import demo_policy
from db.rules.versions import freeze_policy, set_policy
from desktop.lottery.draw_page import DrawPage
from desktop.registry.household_dialog import HouseholdDialog
from desktop.rules.record_table import RecordTable
from desktop.shell.main_window import MainWindow
from tests.desktop.test_draw_page import _page as draw_page
from tests.desktop.test_draw_page import _published as published
from tests.desktop.test_rules_page import _page as rules_page
from tests.desktop.test_rules_page import drafted, households  # noqa: F401  (fixtures)


def _reveal(widget: QWidget) -> None:
    """Bring the tabs holding ``widget`` to the front and tick the sections (a mode's)
    holding it, so that its cells can be edited."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget) and parent.indexOf(child) >= 0:
            parent.setCurrentWidget(child)
        if isinstance(parent, QGroupBox) and parent.isCheckable():
            parent.setChecked(True)
        child, parent = parent, parent.parentWidget()


def _edit_cell(qtbot, table: QTableWidget, row: int, text: str) -> QWidget:
    """Open the editor of the first cell of ``row`` and type into it, as a double-click would."""
    table.setCurrentCell(row, 0)
    table.editItem(table.item(row, 0))
    editor = table.indexWidget(table.currentIndex())  # the open editor of the current cell
    assert table.state() == QAbstractItemView.State.EditingState, "no editor opened"
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    return editor


def _record_tables(page: QWidget) -> list[RecordTable]:
    tables = page.findChildren(RecordTable)
    assert len(tables) >= 8, [t.columns[0].key for t in tables]  # tiers, groups, items …
    return tables


def test_removing_the_row_being_edited_in_every_rules_table(qtbot, ctx, drafted):  # noqa: F811
    page = rules_page(qtbot, ctx)
    for table in _record_tables(page):
        _reveal(table)
        while table.table.rowCount() < 2:
            table.add_row()
        before = table.records()
        _edit_cell(qtbot, table.table, 0, "9")
        assert table.remove_button.isEnabled()
        # Clicked as the operator does: the button takes no focus, the editor is still open.
        table.remove_button.click()
        qtbot.wait(1)
        assert table.table.state() != QAbstractItemView.State.EditingState
        assert table.table.rowCount() == len(before) - 1
        assert table.records() == before[1:], table.columns[0].key


def test_moving_the_row_being_edited_keeps_what_was_typed(qtbot, ctx, drafted):  # noqa: F811
    page = rules_page(qtbot, ctx)
    table = page.editor.orientations
    _reveal(table)
    while table.table.rowCount() < 2:
        table.add_row()
    second = table.records()[1]["orientation"]
    _edit_cell(qtbot, table.table, 0, "east")
    table.down_button.click()
    qtbot.wait(1)
    assert [r["orientation"] for r in table.records()[:2]] == [second, "east"]


def test_removing_a_member_whose_name_is_being_typed(qtbot, ctx) -> None:
    dialog = HouseholdDialog(ctx, None, None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    grid = dialog.members
    first = grid.rows[0] if grid.rows else grid.add_member()
    first.name.setText("王建国")
    second = grid.add_member()
    second.name.setFocus()
    qtbot.keyClicks(second.name, "Li")
    grid.table.setCurrentCell(1, 0)
    grid.remove_button.click()
    qtbot.wait(1)
    assert [m.name for m in grid.members()] == ["王建国"]
    assert grid.table.rowCount() == 1


def test_removing_a_witness_being_typed(qtbot, ctx, households, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    with ctx.factory.begin() as s:
        set_policy(s, project_id=ctx.project_id, policy=demo_policy(), actor="tester")
        freeze_policy(s, project_id=ctx.project_id, actor="tester")
    page = draw_page(qtbot, ctx)
    page.show()
    published(qtbot, ctx, page)  # witnesses are entered once the pool is published
    page.add_witness("公证员", "张三")
    page.add_witness("", "")
    _edit_cell(qtbot, page.witnesses, 1, "x")
    page.remove_witness_button.click()
    qtbot.wait(1)
    assert page.witnesses.state() != QAbstractItemView.State.EditingState
    assert page.witness_pairs() == [("公证员", "张三")]


def _editable(view: QAbstractItemView) -> bool:
    """A table whose cells the operator can type into (the app's views of models are not)."""
    return (isinstance(view, QTableWidget)
            and view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers)


def test_the_tables_above_are_every_editable_table_of_the_pages(qtbot, ctx) -> None:
    """A new editable table on a page must join the tests above (and get their care)."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    covered = {RecordTable: "rules", DrawPage: "witnesses"}
    found = []
    for view in window.findChildren(QAbstractItemView):
        if not _editable(view):
            continue
        owner = view.parentWidget()
        while owner is not None and not isinstance(owner, tuple(covered)):
            owner = owner.parentWidget()
        found.append((type(owner).__name__, view.objectName()))
        assert owner is not None, f"an editable table not covered: {view!r}"
    assert {name for name, _ in found} == {"RecordTable", "DrawPage"}


def test_removing_the_only_row_being_edited_leaves_an_empty_table(qtbot, ctx, drafted):  # noqa: F811
    page = rules_page(qtbot, ctx)
    table = page.editor.floors
    _reveal(table)
    table.set_records([{"first_floor": 1, "last_floor": 1, "factor": "1"}])
    _edit_cell(qtbot, table.table, 0, "3")
    table.remove_button.click()
    qtbot.wait(1)
    assert table.records() == [] and table.table.rowCount() == 0
