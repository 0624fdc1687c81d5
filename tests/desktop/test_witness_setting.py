"""Settings › Witness file: chosen in the dialog, remembered on this computer, used by the
next act, and its last witnessed head shown in full (issue 18)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from allocation.demo import demo_policy
from db.admin import WitnessLine, append_witness, choose_witness_file, read_witness, witness_file
from db.audit import Anchor, chain_log, current_anchor
from db.rules import freeze_policy, set_policy
from db.store.engine import make_engine, make_session_factory
from desktop import common as settings
from desktop.admin import use_remembered_witness_file, witnessed_text
from desktop.shell.main_window import MainWindow, SettingsDialog
from tests.desktop.conftest import context_on


@pytest.fixture
def no_environment(monkeypatch):
    """This computer's choice counts only when ANJU_WITNESS_FILE is not set; the choice
    is forgotten after the test (it is the process's)."""
    monkeypatch.delenv("ANJU_WITNESS_FILE")
    yield
    choose_witness_file(None)


def test_the_file_chosen_in_settings_is_remembered_and_witnesses_the_next_act(
        qtbot, qapp, db_url, tmp_path, no_environment):
    stick = tmp_path / "usb" / "见证.log"
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.witness_box.path_edit.text() == ""  # the default, beside the backups
    dialog.witness_box.path_edit.setText(str(stick))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    assert settings.get(settings.WITNESS_FILE) == str(stick)
    choose_witness_file(None)  # a new start: the remembered choice is handed over again
    use_remembered_witness_file()
    assert witness_file() == stick

    with context_on(qapp, db_url, "见证项目", create=True) as ctx, ctx.factory.begin() as s:
        set_policy(s, project_id=ctx.project_id, policy=demo_policy(), actor="tester")
        freeze_policy(s, project_id=ctx.project_id, actor="tester")
    engine = make_engine(db_url)
    with make_session_factory(engine)() as s:
        anchor = current_anchor(s)
    engine.dispose()
    lines = read_witness(stick)
    assert [line.act for line in lines] == ["freeze"]
    assert lines[0].anchor == anchor

    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.witness_box.path_edit.text() == str(stick)
    shown = again.witness_box.last_label.text()
    assert anchor.head in shown and len(anchor.head) == 64  # the whole head, not 16 digits
    assert shown == witnessed_text(stick)


def test_default_empties_the_choice_and_an_unwritten_file_says_so(qtbot, tmp_path,
                                                                   no_environment):
    settings.put(settings.WITNESS_FILE, str(tmp_path / "old.log"))
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.witness_box.last_label.text() == "Nothing witnessed in this file yet."
    dialog.witness_box.default_button.click()
    assert dialog.witness_box.chosen() is None
    dialog.accept()
    assert settings.get(settings.WITNESS_FILE) == ""
    assert witness_file().name == "witness.log"


def test_the_environment_comes_first_and_the_dialog_says_so(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ANJU_WITNESS_FILE", str(tmp_path / "env.log"))
    settings.put(settings.WITNESS_FILE, str(tmp_path / "chosen.log"))
    use_remembered_witness_file()
    try:
        assert witness_file() == tmp_path / "env.log"
        dialog = SettingsDialog()
        qtbot.addWidget(dialog)
        assert not dialog.witness_box.environment_label.isHidden()
        assert str(tmp_path / "env.log") in dialog.witness_box.environment_label.text()
    finally:
        choose_witness_file(None)



def test_settings_show_the_open_databases_own_line_not_another_databases(
        qtbot, qapp, db_url, tmp_path, no_environment):
    """One witness file serves every database of a computer. The demo froze its rules
    after ours: Settings, opened in our window, shows our freeze's head, not the demo's;
    a database that witnessed nothing here says so and counts the others' lines."""
    shared = tmp_path / "见证.log"
    settings.put(settings.WITNESS_FILE, str(shared))
    use_remembered_witness_file()
    with context_on(qapp, db_url, "见证项目", create=True) as ctx:
        with ctx.factory.begin() as s:
            set_policy(s, project_id=ctx.project_id, policy=demo_policy(), actor="tester")
            freeze_policy(s, project_id=ctx.project_id, actor="tester")
        with ctx.factory() as s:
            ours, log = current_anchor(s), chain_log(s)
        other = WitnessLine(at=datetime(2026, 12, 8, 9, 30, tzinfo=UTC), act="draw",
                            project_id=1, anchor=Anchor("f" * 64, 99), log="0" * 16)
        append_witness(shared, other)

        window = MainWindow(ctx)
        qtbot.addWidget(window)
        dialog = window.open_settings()
        shown = dialog.witness_box.last_label.text()
        assert ours.head in shown and "f" * 64 not in shown
        assert ours.head in window.backup_label.toolTip()
        dialog.reject()

    lonely = SettingsDialog(log="1" * 16)
    qtbot.addWidget(lonely)
    assert lonely.witness_box.last_label.text() == (
        "Nothing of this database witnessed in this file yet (2 lines of other databases).")
    assert log is not None and log != "1" * 16
