"""The operator desk on a real database: a small session driven by its keys, end to end.

Dialogs are replaced (their ``ask``, and QMessageBox.question) the way the
other page tests do; every act then goes through the page's own actions and
the database worker, and each check reads the database back.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

import db.lottery.draws as draws
import db.registry.importing as importing
import db.registry.operations as registry
import db.rules.versions as policies
import db.selection.desk as selection
import desktop.session.desk_layout as desk_layout
from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_flats, demo_households
from allocation.registry.model import FlatStatus
from db.admin.users import create_user
from db.selection.base import MOVED_TO_END, REVOKED, SELECTED, SKIPPED
from desktop.session.countdown import OVER, RUNNING, WARNING
from desktop.session.desk_dialogs import (
    DeclineDialog,
    OpenSessionDialog,
    ProxyDialog,
    Revocation,
    RevokeDialog,
)
from desktop.session.desk_slip import SlipFile, SlipPrinted, paper_printer
from desktop.session.session_page import SessionPage
from desktop.session.session_words import signed_yuan, yuan
from tests.desktop.conftest import settle
from tests.desktop.test_desk_scenario import (  # noqa: F401 - fixtures
    HELD_ON,
    PROXY_ID,
    act,
    demo_ctx,
    read,
    session_template,
)


@pytest.fixture
def answers(monkeypatch):
    """Questions answered Yes (their texts kept); the dialogs' answers taken from here."""
    given = {"questions": [], "yes": True, "proxy": ("李四", PROXY_ID), "decline": "本户放弃",
             "revoke": Revocation("选错楼栋，经监督员核实", "tester", ""),
             "settings": selection.SessionSettings(180, 3, True)}

    def question(_parent, title, text, *_args, **_kwargs):
        given["questions"].append((title, text))
        return QMessageBox.StandardButton.Yes if given["yes"] else \
            QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(desk_layout.QMessageBox, "question", question)
    monkeypatch.setattr(ProxyDialog, "ask", staticmethod(lambda *_a, **_k: given["proxy"]))
    monkeypatch.setattr(DeclineDialog, "ask", staticmethod(lambda *_a, **_k: given["decline"]))
    monkeypatch.setattr(RevokeDialog, "ask", staticmethod(lambda *_a, **_k: given["revoke"]))
    monkeypatch.setattr(OpenSessionDialog, "ask",
                        staticmethod(lambda *_a, **_k: given["settings"]))
    return given


@pytest.fixture
def printed():
    return []


def make_desk(qtbot, ctx, tmp_path: Path, printed: list) -> SessionPage:
    page = SessionPage(ctx, slip_folder=tmp_path / "slips", slip_printer=printed.append)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.set_project()
    settle(qtbot, lambda: page.view is not None)
    return page


@pytest.fixture
def desk(qtbot, demo_ctx, tmp_path, printed):  # noqa: F811
    page = make_desk(qtbot, demo_ctx, tmp_path, printed)
    yield page
    page.hide()  # stops its timers before the database goes


def press(qtbot, page: SessionPage, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed at the desk (its window active, the focus in the offers list)."""
    if not page.isActiveWindow():
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
    page.offers_table.setFocus()
    qtbot.keyClick(page.offers_table, key, modifier)


def changed(qtbot, page: SessionPage, before: int | None) -> None:
    """Wait until the page shows a later version of the session than ``before``."""
    settle(qtbot, lambda: not page._busy and page.view is not None
           and page.view.version != before)


def version(page: SessionPage) -> int | None:
    return page.view.version if page.view is not None else None


def at_desk(page: SessionPage) -> str | None:
    state = page.view.state if page.view is not None else None
    return None if state is None or state.at_desk is None else state.at_desk.turn.code


def turn_of(ctx, code: str) -> selection.Turn:
    return next(t for t in read(ctx, lambda s: selection.session_turns(s, ctx.project_id))
                if t.code == code)


def flat_status(ctx, key: str) -> FlatStatus:
    flats = read(ctx, lambda s: registry.load_flats(s, ctx.project_id))
    return next(f.flat.status for f in flats if f.flat.key == key)


def test_a_small_session_through_the_desk_keys(qtbot, desk, demo_ctx, answers, printed,  # noqa: F811
                                                 tmp_path):
    """Call, three times not here (moved to the end), proxy, choose, confirm, slip, revoke."""
    ctx, page = demo_ctx, desk
    order = read(ctx, lambda s: draws.counting_draw(s, ctx.project_id).final_order)
    assert at_desk(page) is None and page.enabled_actions()["call"]
    assert not page.enabled_actions()["confirm"]

    press(qtbot, page, Qt.Key.Key_F5)
    changed(qtbot, page, 1)
    first = order[0]
    assert at_desk(page) == first
    assert page.card.number_label.text() == "No. 1"
    assert page.card.countdown.phase() == RUNNING
    assert page.offers_model.rowCount() > 0
    # The demo rules set no lower bound and 30 m² over the entitlement (excess_cap): only
    # the ceiling is said, not "0.00 – …".
    entitled = Decimal(page.card.facts["entitlement"].text().removesuffix(" m²"))
    assert page.card.facts["band"].text() == f"at most {entitled + 30:.2f} m²"

    for calls in (2, 3):
        before = version(page)
        press(qtbot, page, Qt.Key.Key_F6)
        changed(qtbot, page, before)
        assert turn_of(ctx, first).calls == calls and at_desk(page) == first
    before = version(page)
    press(qtbot, page, Qt.Key.Key_F6)
    changed(qtbot, page, before)
    moved = turn_of(ctx, first)
    assert (moved.state, moved.place) == (MOVED_TO_END, len(order) + 1)
    assert at_desk(page) is None

    before = version(page)
    press(qtbot, page, Qt.Key.Key_F5)
    changed(qtbot, page, before)
    second = order[1]
    assert at_desk(page) == second

    before = version(page)
    press(qtbot, page, Qt.Key.Key_F7)
    changed(qtbot, page, before)
    assert (turn_of(ctx, second).proxy_name, turn_of(ctx, second).proxy_id) == ("李四", PROXY_ID)
    assert "李四" in page.card.facts["proxy"].text()

    # Enter without a flat chosen asks nothing and commits nothing.
    press(qtbot, page, Qt.Key.Key_Return)
    assert answers["questions"] == [] and "Choose a flat" in page.message_label.text()

    press(qtbot, page, Qt.Key.Key_Down)
    press(qtbot, page, Qt.Key.Key_Down)
    offers = read(ctx, lambda s: selection.offers(s, ctx.project_id, second))
    offer = offers[1]
    assert page.chosen_key == offer.flat.key
    shown = page.choice_label.text()
    assert yuan(offer.price.total) in shown and signed_yuan(offer.settlement) in shown

    answers["yes"] = False  # the second confirmation refused: nothing happens
    press(qtbot, page, Qt.Key.Key_Return)
    assert len(answers["questions"]) == 1 and flat_status(ctx, offer.flat.key) == "available"
    answers["yes"] = True
    before = version(page)
    press(qtbot, page, Qt.Key.Key_Return)
    changed(qtbot, page, before)
    _title, text = answers["questions"][-1]
    for part in (offer.flat.key, f"{offer.flat.area:,.2f}", yuan(offer.price.total),
                 signed_yuan(offer.settlement), "李四"):
        assert part in text
    chosen = read(ctx, lambda s: selection.selection_results(s, ctx.project_id))
    assert [(c.code, c.flat_key, c.proxy_name) for c in chosen] == [
        (second, offer.flat.key, "李四")]
    assert chosen[0].price_total == offer.price.total
    assert chosen[0].settlement == offer.settlement
    assert flat_status(ctx, offer.flat.key) == FlatStatus.SELECTED
    assert turn_of(ctx, second).state == SELECTED and at_desk(page) is None

    settle(qtbot, lambda: bool(printed))
    slip = printed[0]
    assert slip.code == second and slip.path.parent == tmp_path / "slips"
    assert slip.path.read_bytes().startswith(b"%PDF") and slip.pages == 1
    assert page.last_slip == slip and slip.number in page.slip_label.text()

    # A supervisor revokes it, with a reason: the flat returns, the household is next again.
    row = page.turns_model.row_of(second)
    page.turns_table.setCurrentIndex(page.turns_model.index(row, 0))
    assert page.enabled_actions()["revoke"]
    before = version(page)
    press(qtbot, page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    changed(qtbot, page, before)
    revoked = read(ctx, lambda s: selection.selection_results(s, ctx.project_id))[0]
    assert (revoked.revoked_by, revoked.revoke_reason) == ("tester", "选错楼栋，经监督员核实")
    assert flat_status(ctx, offer.flat.key) == FlatStatus.AVAILABLE
    assert turn_of(ctx, second).state == REVOKED
    page.turns_table.clearSelection()
    page.turns_table.setCurrentIndex(page.turns_model.index(-1, -1))
    before = version(page)
    press(qtbot, page, Qt.Key.Key_F5)
    changed(qtbot, page, before)
    assert at_desk(page) == second


# Waits out a real countdown on the Qt timer.
@pytest.mark.slow
def test_the_countdown_warns_and_never_commits(qtbot, ctx, answers, printed, tmp_path):
    """A session opened at the desk with 2 seconds a household: the time runs out, red, and
    the household is still at the desk with nothing chosen."""
    with ctx.factory.begin() as s:
        _drawn_project(s, ctx.project_id, households=6)
    answers["settings"] = selection.SessionSettings(2, 3, True)
    page = make_desk(qtbot, ctx, tmp_path, printed)
    assert page.enabled_actions()["open"] and not page.enabled_actions()["call"]
    page.actions_by_key["open"].trigger()
    changed(qtbot, page, None)
    assert page.view.state.info.settings.seconds_per_household == 2
    before = version(page)
    press(qtbot, page, Qt.Key.Key_F5)
    changed(qtbot, page, before)
    code = at_desk(page)
    assert page.card.countdown.phase() in (RUNNING, WARNING)
    qtbot.waitUntil(lambda: page.card.countdown.phase() == OVER, timeout=5000)
    assert page.card.countdown.text().startswith("over by")
    assert "#b71c1c" in page.card.countdown.styleSheet()
    qtbot.wait(1200)
    assert turn_of(ctx, code).state == "called"
    assert read(ctx, lambda s: selection.selection_results(s, ctx.project_id)) == []
    assert page.card.countdown.phase() == OVER
    page.hide()


def test_requeue_decline_final_call_and_close(qtbot, ctx, answers, printed, tmp_path):
    """Two households passed over: one arrives late (back in the queue), the other gets the
    final call; then the session closes and the last one is recorded absent."""
    with ctx.factory.begin() as s:
        _drawn_project(s, ctx.project_id, households=5)
        selection.open_session(s, project_id=ctx.project_id, operator="op", held_on=HELD_ON)
    pid = ctx.project_id
    late, gone = act(ctx, lambda s: _pass_over_two(s, pid))
    page = make_desk(qtbot, ctx, tmp_path, printed)
    assert turn_of(ctx, late).state == SKIPPED and not page.enabled_actions()["call"]
    assert page.enabled_actions()["final_call"] and not page.enabled_actions()["requeue"]

    page.turns_table.setCurrentIndex(page.turns_model.index(page.turns_model.row_of(late), 0))
    assert page.enabled_actions()["requeue"]
    before = version(page)
    page.buttons["requeue"].click()
    changed(qtbot, page, before)
    assert turn_of(ctx, late).state == MOVED_TO_END
    page.turns_table.setCurrentIndex(page.turns_model.index(-1, -1))
    for key in (Qt.Key.Key_F5, Qt.Key.Key_F8):  # called; takes no flat
        before = version(page)
        press(qtbot, page, key)
        changed(qtbot, page, before)
    assert (turn_of(ctx, late).state, turn_of(ctx, late).reason) == ("declined", "本户放弃")

    assert page.enabled_actions()["final_call"] and not page.enabled_actions()["close"]
    before = version(page)
    page.actions_by_key["final_call"].trigger()
    changed(qtbot, page, before)
    assert turn_of(ctx, gone).call_round == 3
    for key in (Qt.Key.Key_F5, Qt.Key.Key_F6, Qt.Key.Key_F6, Qt.Key.Key_F6):
        before = version(page)
        press(qtbot, page, key)
        changed(qtbot, page, before)
    assert turn_of(ctx, gone).state == SKIPPED and page.enabled_actions()["close"]
    before = version(page)
    page.actions_by_key["close"].trigger()
    changed(qtbot, page, before)
    assert turn_of(ctx, gone).state == "absent"
    assert page.view.state.info.status == "closed"
    enabled = page.enabled_actions()
    assert not any(enabled[k] for k in ("call", "skip", "confirm", "pause", "close", "open"))
    page.hide()


def test_pause_with_f9_stops_calling_and_resume_allows_it(qtbot, desk, demo_ctx, answers):  # noqa: F811
    before = version(desk)
    press(qtbot, desk, Qt.Key.Key_F9)
    changed(qtbot, desk, before)
    assert desk.view.state.info.status == "paused" and desk.paused_label.isVisible()
    assert not desk.enabled_actions()["call"]
    assert desk.actions_by_key["pause"].text() == "Resume"
    assert desk.buttons["pause"].text() == "Resume  F9"
    before = version(desk)
    press(qtbot, desk, Qt.Key.Key_F9)
    changed(qtbot, desk, before)
    assert desk.view.state.info.status == "open" and not desk.paused_label.isVisible()
    assert desk.enabled_actions()["call"]


def test_the_desk_beats_while_shown_and_not_when_hidden(qtbot, desk, demo_ctx):  # noqa: F811
    pid = demo_ctx.project_id
    settle(qtbot, lambda: not read(demo_ctx, lambda s: selection.session_pulse(s, pid)).desk_away)
    assert desk._beat_timer.isActive()
    desk.hide()
    assert not desk._beat_timer.isActive() and not desk._poll_timer.isActive()


def test_the_desk_follows_changes_made_at_another_workstation(qtbot, desk, demo_ctx):  # noqa: F811
    pid = demo_ctx.project_id
    turn = act(demo_ctx, lambda s: selection.call_next(s, project_id=pid, operator="other"))
    desk.poll()
    settle(qtbot, lambda: at_desk(desk) == turn.code)


def test_revoking_needs_a_supervisors_password_once_users_exist(
        qtbot, desk, demo_ctx, answers):  # noqa: F811
    pid = demo_ctx.project_id
    with demo_ctx.factory.begin() as s:
        create_user(s, name="admin", role="admin", password="admin-pass-1", actor="admin")
        create_user(s, name="王主任", role="supervisor", password="super-pass-1", actor="admin")
        create_user(s, name="小李", role="operator", password="oper-pass-1", actor="admin")
        turn = selection.call_next(s, project_id=pid, operator="小李")
        key = selection.offers(s, pid, turn.code)[0].flat.key
        selection.select_flat(s, project_id=pid, code=turn.code, flat_key=key, operator="小李")
    desk.reload()
    settle(qtbot, lambda: desk.view.selections != {})
    for who, password, words in (("王主任", "wrong-pass", "wrong user name or password"),
                                 ("小李", "oper-pass-1", "may not do this")):
        answers["revoke"] = Revocation("核实有误", who, password)
        desk.actions_by_key["revoke"].trigger()
        settle(qtbot, lambda: not desk._busy)
        assert words in desk.message_label.text()
        assert read(demo_ctx, lambda s: selection.selection_results(s, pid))[0].active
    answers["revoke"] = Revocation("核实有误", "王主任", "super-pass-1")
    desk.actions_by_key["revoke"].trigger()
    settle(qtbot, lambda: not desk._busy and desk.view.selections == {})
    revoked = read(demo_ctx, lambda s: selection.selection_results(s, pid))[0]
    assert (revoked.active, revoked.revoked_by) == (False, "王主任")


def test_proxy_dialog_checks_the_id_number_as_typed(qtbot):
    dialog = ProxyDialog("D001")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.name_edit.setText("李四")
    dialog.id_edit.setText(PROXY_ID[:-1] + ("0" if PROXY_ID[-1] != "0" else "1"))
    assert not ok.isEnabled() and "check digit" in dialog.error_label.text()
    dialog.id_edit.setText(PROXY_ID.lower())
    assert ok.isEnabled() and dialog.error_label.text() == ""
    assert dialog.values() == ("李四", PROXY_ID.upper())
    again = ProxyDialog("D001", "李四", PROXY_ID)
    qtbot.addWidget(again)
    again.remove()
    assert again.values() == ("", "")


def test_revoke_dialog_needs_a_reason_and_a_supervisor(qtbot):
    dialog = RevokeDialog("D001", "1-1-101", "")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.reason_edit.setPlainText("选错")
    assert not ok.isEnabled()
    dialog.supervisor_edit.setText("王主任")
    dialog.password_edit.setText("secret")
    assert ok.isEnabled()
    assert dialog.values() == Revocation("选错", "王主任", "secret")


# --- helpers ----------------------------------------------------------------------------


def _drawn_project(s, project_id, *, households: int) -> None:
    importing.import_households(s, project_id=project_id,
                                households=demo_households()[:households], actor="op")
    importing.import_flats(s, project_id=project_id, flats=demo_flats(), actor="op")
    policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
    policies.freeze_policy(s, project_id=project_id, actor="op")
    draws.publish_pool(s, project_id=project_id, actor="op", on=HELD_ON)
    draws.announce_and_draw(s, project_id=project_id, sources=["931", "2 5 12 18 26 33"],
                            actor="op")


def _pass_over_two(s, pid) -> tuple[str, str]:
    """The first two households never answer (moved to the end, then passed over); the others
    take no flat. Returns the two passed over, in order."""
    passed = []
    for index in range(len(selection.session_turns(s, pid))):
        turn = selection.call_next(s, project_id=pid, operator="op")
        if index < 2:
            passed.append(turn.code)
            for _ in range(3):
                selection.skip(s, project_id=pid, code=turn.code, operator="op")
        else:
            selection.decline(s, project_id=pid, code=turn.code, reason="无", operator="op")
    for code in passed:
        selection.call(s, project_id=pid, code=code, operator="op")
        for _ in range(3):
            selection.skip(s, project_id=pid, code=code, operator="op")
    return passed[0], passed[1]



def test_the_desk_opens_the_hall_display_and_its_own_window(qtbot, desk, demo_ctx):  # noqa: F811
    """The display appears full screen without taking the keys; the desk window keeps its
    project when the main window's project changes."""
    from desktop.session.desk_window import DeskWindow
    from desktop.session.display_window import DisplayWindow

    desk.actions_by_key["display"].trigger()
    display = next(w for w in desk.windows if isinstance(w, DisplayWindow))
    settle(qtbot, lambda: display.loaded > 0)
    assert display.isFullScreen() and display.view.state is not None
    assert desk.isActiveWindow()
    desk.actions_by_key["window"].trigger()
    window = next(w for w in desk.windows if isinstance(w, DeskWindow))
    settle(qtbot, lambda: window.page.view is not None and window.page.view.state is not None)
    demo_project = demo_ctx.project_id
    demo_ctx.project_id = None  # the main window switched to "no project"
    window.page.reload()
    settle(qtbot, lambda: window.page.view is not None)
    assert window.ctx.project_id == demo_project and window.page.view.state is not None
    demo_ctx.project_id = demo_project
    for opened in list(desk.windows):
        opened.close()
    settle(qtbot, lambda: desk.windows == [])


def _chosen_household(s, pid) -> str:
    """The first household called takes its first offer; returns its code."""
    turn = selection.call_next(s, project_id=pid, operator="op")
    offer = selection.offers(s, pid, turn.code)[0]
    selection.select_flat(s, project_id=pid, code=turn.code, flat_key=offer.flat.key,
                          operator="op")
    return turn.code


@pytest.mark.parametrize(("outcome", "words"), [
    (SlipPrinted.NO_PRINTER, "No printer is set up on this computer: slip {number} was not "
                             "sent to a printer. Its PDF was saved to {path}"),
    (SlipPrinted.CANCELLED, "Printing cancelled: slip {number} was not printed. Its PDF was "
                            "saved to {path}"),
    (SlipPrinted.PRINTED, "Slip {number} printed; its PDF is kept in {path}"),
])
def test_the_desk_says_whether_the_slip_reached_a_printer(qtbot, ctx, tmp_path, outcome, words):
    """A slip saved as a PDF but never printed must not read as printed: "已保存" alone
    left the operator waiting at a printer that had received nothing."""
    with ctx.factory.begin() as s:
        _drawn_project(s, ctx.project_id, households=3)
        selection.open_session(s, project_id=ctx.project_id, operator="op", held_on=HELD_ON)
    code = act(ctx, lambda s: _chosen_household(s, ctx.project_id))
    sent: list = []
    page = SessionPage(ctx, slip_folder=tmp_path / "slips",
                       slip_printer=lambda slip: sent.append(slip) or outcome)
    qtbot.addWidget(page)
    page.show()
    page.set_project()
    settle(qtbot, lambda: page.view is not None)
    page.print_slip(code)
    settle(qtbot, lambda: bool(sent))
    slip = sent[0]
    assert slip.path.is_file()
    assert page.slip_label.text().startswith(words.format(number=slip.number, path=slip.path))


def test_the_system_printer_says_when_there_is_none(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinterInfo

    if QPrinterInfo.availablePrinters():
        pytest.skip("this computer has a printer")
    slip = SlipFile(tmp_path / "slip.pdf", "X-1", "H1", 1, "")
    assert paper_printer(None)(slip) is SlipPrinted.NO_PRINTER
