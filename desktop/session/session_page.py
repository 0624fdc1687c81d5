"""The operator desk (选房台) of the on-site selection session, as a page of the main window.

The household at the desk on the left (with its countdown), the flats it
may take in the middle (a priced list and the building view), every turn on
the right, and the desk's acts along the bottom, each with a key:

* F5 call (the next household, or the one at the desk again), F6 not here
  (过号 after the set number of calls), F7 proxy, Enter confirm the chosen
  flat (after a second confirmation), F8 takes no flat, F9 pause/resume;
* requeue a late arrival, revoke (supervisor, with a reason), the final
  call and the close act on the session or on the turn chosen on the right.

Every act is one transaction on the database worker (desktop.operations);
the page reloads from the database afterwards and whenever the session's
change counter moves (another workstation), so what it shows is always
what is committed. The countdown warns but never acts. While the page is
on screen it beats the desk's heartbeat, so the hall's display shows 暂停
when the desk is gone.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from allocation.errors import AnjuError
from allocation.rules import step_text
from allocation.trace import TraceStep
from db import selection
from db.selection import (
    CLOSED,
    PAUSED,
    SKIPPED,
    DeskView,
    Selection,
    Turn,
    desk_view,
    revoke_as_supervisor,
)
from desktop.common import AppContext, DbOp, ProjectPage
from desktop.i18n import describe_error, trace_language
from desktop.session.desk_dialogs import DeclineDialog, OpenSessionDialog, ProxyDialog, RevokeDialog
from desktop.session.desk_layout import ERROR_STYLE, OK_STYLE, DeskLayout, acts_enabled, ask_yes
from desktop.session.desk_slip import (
    SlipFile,
    SlipPrinted,
    SlipPrinter,
    default_folder,
    paper_printer,
    write_slip,
)
from desktop.session.desk_window import DeskWindow
from desktop.session.display_window import open_hall_display

POLL_MS = 1000
HEARTBEAT_MS = 5000


class SessionPage(ProjectPage, DeskLayout):
    """The desk: serve the household called now, keyboard first.

    Args:
        ctx: the open database, project and acting user.
        slip_folder: where slips are written (default: the data folder's
            ``slips/<project>``).
        slip_printer: called with each slip written; default: the system's
            print dialog when a printer is configured, else nothing.
        poll_ms, heartbeat_ms: how often to look for changes made elsewhere
            and to tell the display the desk is there.
    """

    # The desk shows the session's turns (in the drawn order), the offered
    # flats and the households called.
    follows = ("session", "flats", "households", "draw")

    #: The session moved on at another workstation (its pulse moved with no act of this
    #: desk): what is counted elsewhere on this screen (the status bar's flats
    #: available) is stale too, as no write of this app said so.
    moved_elsewhere = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 slip_folder: Path | None = None, slip_printer: SlipPrinter | None = None,
                 poll_ms: int = POLL_MS, heartbeat_ms: int = HEARTBEAT_MS) -> None:
        super().__init__(parent)
        self.follow(ctx)
        self._busy = False
        self._polling = False
        self._slip_folder = slip_folder
        self._print = slip_printer if slip_printer is not None else paper_printer(self)
        self.view: DeskView | None = None
        self.last_slip: SlipFile | None = None
        self.windows: list[QWidget] = []  # the display and desk windows opened from here
        self._make_actions()
        self.build(self.actions_by_key)
        self.chances_panel.use(ctx)
        self.offers_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._offer_chosen(current.row()))
        self.building.flatActivated.connect(self._building_flat_chosen)
        self.building.editRequested.connect(lambda _flat_id: self.confirm())
        self.turns_table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_actions())
        self.taken: list[str] = []  # the flats taken so far by the household at the desk
        self.taken_by: str | None = None
        self._poll_timer = self._timer(poll_ms, self.poll)
        self._beat_timer = self._timer(heartbeat_ms, self.beat)
        self._show(None)

    def _timer(self, interval: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # --- actions --------------------------------------------------------------------

    def _make_actions(self) -> None:
        keys = {
            "call": (self.tr("Call"), "F5", self.call),
            "skip": (self.tr("Not here"), "F6", self.skip),
            "proxy": (self.tr("Proxy…"), "F7", self.proxy),
            "confirm": (self.tr("Confirm flat…"), "Return", self.confirm),
            "take": (self.tr("Take flat"), "F4", self.take),
            "put_back": (self.tr("Put back"), "Shift+F4", self.put_back),
            "decline": (self.tr("Takes no flat…"), "F8", self.decline),
            "pause": (self.tr("Pause"), "F9", self.pause_or_resume),
            "requeue": (self.tr("Back in the queue"), "", self.requeue),
            "revoke": (self.tr("Revoke…"), "Ctrl+R", self.revoke),
            "reprint": (self.tr("Print slip"), "Ctrl+P", self.reprint),
            "final_call": (self.tr("Final call…"), "", self.final_call),
            "close": (self.tr("Close session…"), "", self.close_session),
            "open": (self.tr("Open session…"), "", self.open_session),
            "display": (self.tr("Hall display…"), "", self.open_display),
            "window": (self.tr("Desk window"), "F11", self.open_window),
        }
        self.actions_by_key: dict[str, QAction] = {}
        for key, (text, shortcut, slot) in keys.items():
            action = QAction(text, self)
            if shortcut:
                sequences = [QKeySequence(shortcut)]
                if shortcut == "Return":
                    sequences.append(QKeySequence(Qt.Key.Key_Enter))
                action.setShortcuts(sequences)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.setToolTip(f"{text} ({sequences[0].toString()})")
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_key[key] = action

    # --- loading --------------------------------------------------------------------

    def set_project(self) -> None:
        self._say("")
        self.chosen_key = None
        self.taken, self.taken_by = [], None
        self.reload()

    def reload(self) -> None:
        """Read the session, the offers, flats and turns on the worker; the newest load wins.

        The flats the household at the desk has taken so far (一户多套) are the
        desk's until it confirms them: they go with every read, which prices the
        next flat with them.
        """
        project_id = self._ctx.project_id
        if project_id is None:
            self._loads.cancel()
            self._show(None)
            return
        taken, code = tuple(self.taken), self.taken_by
        self._loads.run(lambda s: desk_view(s, project_id, taken, code), self._show,
                        self._failed)

    def _show(self, view: DeskView | None) -> None:
        previous = self.view
        self.view = view
        state = None if view is None else view.state
        at_desk = None if state is None else state.at_desk
        if previous is None or previous.state is None or previous.state.at_desk is None \
                or at_desk is None or previous.state.at_desk.turn.code != at_desk.turn.code:
            self.chosen_key = None  # another household: nothing is chosen for it yet
        if at_desk is None or at_desk.turn.code != self.taken_by:
            self.taken, self.taken_by = [], None  # its flats were confirmed, or it left
        self.show_view(view)
        self._restore_choice()
        self._update_actions()
        if state is not None and (previous is None or previous.state is None) \
                and self.isVisible():
            self.beat()  # at once, not in a few seconds: the display is waiting for the desk

    def poll(self) -> None:
        """Reload when the session changed elsewhere (its change counter moved)."""
        project_id = self._ctx.project_id
        if project_id is None or self._polling or self._busy:
            return
        self._polling = True
        (DbOp(self._ctx.factory, lambda s: selection.session_pulse(s, project_id),
              read_only=True)
         .success(self._alive(self._pulse_read))
         .failure(self._alive(lambda _error: self._pulse_read(None)))
         .run_in_background())

    def _pulse_read(self, pulse: selection.Pulse | None) -> None:
        self._polling = False
        shown = self.view.version if self.view is not None else None
        if pulse is not None and pulse.version != shown:
            self.reload()
            if shown is not None:
                self.moved_elsewhere.emit()

    def beat(self) -> None:
        """Tell the display the desk is here (not audited; failures are not the operator's)."""
        project_id = self._ctx.project_id
        state = self.view.state if self.view is not None else None
        if project_id is None or state is None or state.info.status == CLOSED:
            return
        (self._ctx.op(lambda s: selection.heartbeat(s, project_id=project_id))
         .failure(lambda _error: None).run_in_background())

    def _alive(self, callback: Callable[[Any], object]) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            if shiboken6.isValid(self):
                callback(value)
        return deliver

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._poll_timer.start()
        self._beat_timer.start()
        self.beat()
        self.offers_table.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        # Off screen, the desk is away: no heartbeat, so the display says 暂停.
        self._poll_timer.stop()
        self._beat_timer.stop()
        super().hideEvent(event)

    # --- the desk's acts ----------------------------------------------------------------

    def _at_desk_code(self) -> str | None:
        state = self.view.state if self.view is not None else None
        return None if state is None or state.at_desk is None else state.at_desk.turn.code

    def _run(self, fn: Callable[[Session], Any],
             done: Callable[[Any], object] | None = None) -> None:
        """One act on the worker, then reload; the other pages hear of it from the worker."""
        self._busy = True
        self._say("")
        self._update_actions()

        def finished(result: Any) -> None:
            self._busy = False
            self.reload()
            if done is not None:
                done(result)

        (self._ctx.op(fn, initiator=self).success(self._alive(finished))
         .failure(self._alive(self._failed)).run_in_background())

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._say(describe_error(error), ERROR_STYLE)
        if not isinstance(error, AnjuError):  # a bug or the database: keep the details
            traceback.print_exception(error)
        self._update_actions()

    def _project(self) -> Any:
        return self._ctx.project_id

    def call(self) -> None:
        """F5: call the next household, or the one at the desk again."""
        project_id, actor, code = self._project(), self._ctx.actor, self._at_desk_code()
        if project_id is None:
            return
        if code is not None:
            self._run(lambda s: selection.call(s, project_id=project_id, code=code,
                                               operator=actor))
        else:
            self._run(lambda s: selection.call_next(s, project_id=project_id, operator=actor),
                      self._called)

    def _called(self, turn: Turn | None) -> None:
        if turn is None:
            self._say(self.tr("Nobody is waiting: hold the final call or close the session."))

    def skip(self) -> None:
        """F6: the household does not answer this call (moved to the end after the last)."""
        project_id, actor, code = self._project(), self._ctx.actor, self._at_desk_code()
        if project_id is None or code is None:
            return
        self._run(lambda s: selection.skip(s, project_id=project_id, code=code,
                                           operator=actor), self._skipped)

    def _skipped(self, turn: Turn) -> None:
        if turn.state != "called":
            self._say(self.tr("Household {code} did not come: {state}.").format(
                code=turn.code, state=self.turn_state_text(turn.state)), OK_STYLE)
            return
        self._say(self.recall_text(turn), OK_STYLE)

    def recall_text(self, turn: Turn) -> str:
        """Which call of the household at the desk this is, and what F6 does after the last.

        The steps are db.selection.desk.skip's: below the session's calls it is called
        again; after them it moves to the end of the queue in its first round, and is
        skipped (until the final call) in a later one.
        """
        state = self.view.state if self.view is not None else None
        limit = state.info.settings.calls_before_move if state is not None else turn.calls
        then = (self.tr("F6 then passes it over: it moves to the end of the queue, to be called "
                        "again when its new place comes.") if turn.call_round == 1 else
                self.tr("F6 then skips it: out of the queue until the final call."))
        if turn.calls >= limit:
            return self.tr("Household {code} not here: call {n} of {limit}, the last. "
                           "{then}").format(code=turn.code, n=turn.calls, limit=limit,
                                            then=then)
        return self.tr("Household {code} not here: call {n} of {limit}; F6 calls again. "
                       "After call {limit}: {then}").format(
            code=turn.code, n=turn.calls, limit=limit, then=then)

    def proxy(self) -> None:
        """F7: record (or change, or remove) who chooses for the household at the desk."""
        project_id, actor, code = self._project(), self._ctx.actor, self._at_desk_code()
        state = self.view.state if self.view is not None else None
        if project_id is None or code is None or state is None or state.at_desk is None:
            return
        turn = state.at_desk.turn
        answer = ProxyDialog.ask(self, code, turn.proxy_name or "", turn.proxy_id or "")
        if answer is None:
            return
        name, number = answer
        if not name:
            self._run(lambda s: selection.clear_proxy(s, project_id=project_id, code=code,
                                                      operator=actor))
            return
        self._run(lambda s: selection.set_proxy(s, project_id=project_id, code=code, name=name,
                                                id_number=number, operator=actor))

    def confirm(self) -> None:
        """Enter: confirm the chosen flat, after a second confirmation; then the slip prints.

        A household taking several flats (一户多套) confirms the flats it has taken
        and the one chosen in the list, if any, all at once.
        """
        project_id, actor, code = self._project(), self._ctx.actor, self._at_desk_code()
        if project_id is None or code is None or self._busy:
            return
        offer = self.chosen_offer()
        taken = self.taken_keys()
        running = self.view.running if self.view is not None else None
        if taken and running is not None:
            keys = (*taken, offer.flat.key) if offer is not None else taken
            whole = offer if offer is not None else running
            if not ask_yes(self, self.tr("Confirm the selection"),
                           self.several_confirmation_text(whole, keys)):
                return
            self._run(lambda s: selection.select_flats(s, project_id=project_id, code=code,
                                                       flat_keys=list(keys), operator=actor),
                      lambda chosen: self.print_slip(chosen[0].code))
            return
        if offer is None:
            self._say(self.tr("Choose a flat first (arrow keys or a click), then press Enter."),
                      ERROR_STYLE)
            return
        if not ask_yes(self, self.tr("Confirm the selection"), self.confirmation_text(offer)):
            return
        key = offer.flat.key
        self._run(lambda s: selection.select_flat(s, project_id=project_id, code=code,
                                                  flat_key=key, operator=actor),
                  lambda chosen: self.print_slip(chosen.code))

    def take(self) -> None:
        """F4 (一户多套): the household takes the chosen flat and may go on to the next one.

        Nothing is written: the flats taken are the desk's until Enter confirms
        them all; the next read prices the next flat with them.
        """
        code = self._at_desk_code()
        offer = self.chosen_offer()
        if code is None or self.view is None or not self.view.several or self._busy:
            return
        if offer is None:
            self._say(self.tr("Choose a flat first (arrow keys or a click), then press F4."),
                      ERROR_STYLE)
            return
        self.taken, self.taken_by = [*self.taken_keys(), offer.flat.key], code
        self.chosen_key = None
        self._say(self.tr("Flat {flat} taken; choose the next one, or press Enter to confirm "
                          "the flats taken.").format(flat=offer.flat.key), OK_STYLE)
        self.reload()

    def take_flat(self, key: str) -> None:
        """Take flat ``key`` (as choosing it and pressing F4 would); a flat the rules refuse
        is refused with their reason."""
        if self.choose(key):
            self.take()
        else:
            self.explain_refusal(key)

    def put_back(self) -> None:
        """Shift+F4: the last flat taken goes back (nothing was written)."""
        if not self.taken or self._busy:
            return
        flat = self.taken.pop()
        self._say(self.tr("Flat {flat} put back.").format(flat=flat), OK_STYLE)
        self.reload()

    def explain_refusal(self, key: str) -> None:
        """Why the rules refuse the household at the desk flat ``key`` after those taken, in
        the trace's words (the language of the interface)."""
        project_id, code = self._project(), self._at_desk_code()
        if project_id is None or code is None:
            return
        taken = list(self.taken_keys())
        (self._ctx.op(lambda s: selection.flat_refusal(s, project_id, code, taken, key),
                      read_only=True)
         .success(self._alive(lambda found: self._refused(key, found)))
         .failure(self._alive(self._failed))
         .run_in_background())

    def _refused(self, key: str, found: TraceStep | AnjuError | None) -> None:
        if found is None:
            self._say(self.tr("Flat {flat} may be taken: choose it in the list.").format(
                flat=key), OK_STYLE)
            return
        reason = (step_text(found, trace_language()) if isinstance(found, TraceStep)
                  else describe_error(found))
        self._say(self.tr("Flat {flat} is refused: {reason}").format(flat=key, reason=reason),
                  ERROR_STYLE)

    def decline(self) -> None:
        """F8: the household at the desk takes no flat (with a reason)."""
        project_id, actor, code = self._project(), self._ctx.actor, self._at_desk_code()
        if project_id is None or code is None:
            return
        reason = DeclineDialog.ask(self, code)
        if reason:
            self._run(lambda s: selection.decline(s, project_id=project_id, code=code,
                                                  reason=reason, operator=actor))

    def pause_or_resume(self) -> None:
        """F9: a break (the display shows 暂停), or back to work."""
        project_id, actor = self._project(), self._ctx.actor
        state = self.view.state if self.view is not None else None
        if project_id is None or state is None:
            return
        act = selection.resume if state.info.status == PAUSED else selection.pause
        self._run(lambda s: act(s, project_id=project_id, operator=actor))

    def picked_turn(self) -> Turn | None:
        """The turn chosen in the list on the right."""
        return self.turns_model.turn_at(self.turns_table.currentIndex().row())

    def requeue(self) -> None:
        """A passed-over household arrived late: back in the queue, at its end."""
        project_id, actor, turn = self._project(), self._ctx.actor, self.picked_turn()
        if project_id is None or turn is None or turn.state != SKIPPED:
            return
        code = turn.code
        self._run(lambda s: selection.requeue(s, project_id=project_id, code=code,
                                              operator=actor))

    def revoke_target(self) -> Selection | None:
        """The active selection of the turn chosen on the right, else the latest one made."""
        if self.view is None or self.view.state is None:
            return None
        picked = self.picked_turn()
        if picked is not None:
            return self.view.selections.get(picked.code)
        last = self.view.state.last_selection
        return last if last is not None and last.active else None

    def revoke(self) -> None:
        """A supervisor revokes a confirmed selection, with a reason (the flat returns)."""
        project_id, target = self._project(), self.revoke_target()
        if project_id is None or target is None:
            return
        choice = self.view.choices.get(target.code) if self.view is not None else None
        flats = "、".join(choice.flat_keys) if choice is not None else target.flat_key
        answer = RevokeDialog.ask(self, target.code, flats, self._ctx.actor)
        if answer is None:
            return
        code = target.code
        self._run(lambda s: revoke_as_supervisor(
            s, project_id=project_id, code=code, reason=answer.reason,
            supervisor=answer.supervisor, password=answer.password))

    def reprint(self) -> None:
        target = self.revoke_target()
        if target is not None:
            self.print_slip(target.code)

    def final_call(self) -> None:
        project_id, actor = self._project(), self._ctx.actor
        if project_id is None or not ask_yes(self, self.tr("Final call"), self.tr(
                "Call every passed-over household once more, in order, at the end of the "
                "queue?")):
            return
        self._run(lambda s: selection.start_final_call(s, project_id=project_id,
                                                       operator=actor))

    def close_session(self) -> None:
        project_id, actor = self._project(), self._ctx.actor
        if project_id is None or not ask_yes(self, self.tr("Close the session"), self.tr(
                "Close the selection session? Households still passed over are recorded as "
                "absent, and nobody can be called any more.")):
            return
        self._run(lambda s: selection.close_session(s, project_id=project_id, operator=actor))

    def open_session(self) -> None:
        project_id, actor = self._project(), self._ctx.actor
        if project_id is None:
            return
        settings = OpenSessionDialog.ask(self)
        if settings is not None:
            self._run(lambda s: selection.open_session(s, project_id=project_id, operator=actor,
                                                       settings=settings))

    # --- the slip -----------------------------------------------------------------------

    def slip_folder(self) -> Path:
        return self._slip_folder or default_folder(self._ctx.project_name)

    def print_slip(self, code: str) -> None:
        """Write household ``code``'s slip (after its confirmation was committed), then print."""
        project, actor, folder = self._ctx.project_name, self._ctx.actor, self.slip_folder()
        (self._ctx.op(lambda s: write_slip(s, project=project, code=code, folder=folder,
                                           actor=actor), read_only=True)
         .success(self._alive(self._slip_written))
         .failure(self._alive(self._slip_failed))
         .run_in_background())

    def _slip_written(self, slip: SlipFile) -> None:
        self.last_slip = slip
        outcome = self._print(slip)
        self.slip_label.setText(self.slip_text(slip, outcome))
        self.slip_label.setStyleSheet(
            OK_STYLE if outcome in (None, SlipPrinted.PRINTED) else ERROR_STYLE)

    def slip_text(self, slip: SlipFile, outcome: SlipPrinted | None) -> str:
        """What became of the slip: a saved PDF alone must not read as a printed slip."""
        where = dict(number=slip.number, path=slip.path)
        if outcome is SlipPrinted.PRINTED:
            return self.tr("Slip {number} printed; its PDF is kept in {path}").format(**where)
        if outcome is SlipPrinted.NO_PRINTER:
            return self.tr("No printer is set up on this computer: slip {number} was not sent "
                           "to a printer. Its PDF was saved to {path}; print it from there, "
                           "or with Ctrl+P once a printer is set up.").format(**where)
        if outcome is SlipPrinted.CANCELLED:
            return self.tr("Printing cancelled: slip {number} was not printed. Its PDF was "
                           "saved to {path}; Ctrl+P prints it.").format(**where)
        if outcome is SlipPrinted.FAILED:
            return self.tr("The printer could not be opened: slip {number} was not printed. "
                           "Its PDF was saved to {path}; Ctrl+P tries again.").format(**where)
        return self.tr("Slip {number} written: {path}").format(**where)

    def _slip_failed(self, error: BaseException) -> None:
        self.slip_label.setText(self.tr("The slip was not printed: {reason}. The selection is "
                                        "saved; print the slip again with Ctrl+P.").format(
            reason=describe_error(error)))
        self.slip_label.setStyleSheet(ERROR_STYLE)

    # --- other windows ------------------------------------------------------------------

    def open_display(self) -> None:
        """The hall's display in a window of its own, full screen on a chosen monitor."""
        display = open_hall_display(self._ctx, self)
        if display is not None:
            self._keep(display)

    def open_window(self) -> None:
        """The desk in a window of its own, maximised (F11 there: full screen)."""
        if isinstance(self.window(), DeskWindow):
            self.window().toggle_full_screen()
            return
        # Its own context: the window stays with this project when the main window switches.
        ctx = replace(self._ctx)
        page = SessionPage(ctx, slip_folder=self._slip_folder, slip_printer=self._print)
        window = DeskWindow(ctx, page)
        page.set_project()
        self._keep(window)
        window.showMaximized()

    def _keep(self, window: QWidget) -> None:
        self.windows.append(window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_a: self.windows.remove(window)
                                 if window in self.windows else None)

    # --- enabling ----------------------------------------------------------------------

    def _update_actions(self) -> None:
        for key, enabled in self.enabled_actions().items():
            self.actions_by_key[key].setEnabled(enabled)
        several = self.view is not None and self.view.several
        for key in ("take", "put_back"):  # a one-flat household's desk looks as it always did
            self.buttons[key].setVisible(several)
        state = self.view.state if self.view is not None else None
        paused = state is not None and state.info.status == PAUSED
        pause = self.actions_by_key["pause"]
        pause.setText(self.tr("Resume") if paused else self.tr("Pause"))
        pause.setIconText(f"{pause.text()}  F9")  # what its button shows

    def enabled_actions(self) -> dict[str, bool]:
        """Which acts make sense now (the database refuses the others anyway).

        Taking a flat and putting one back are the desk's, not the session's: the
        session must let it confirm, and the household take several flats.
        """
        enabled = acts_enabled(self.view.state if self.view is not None else None,
                               idle=not self._busy and self._ctx.project_id is not None,
                               picked=self.picked_turn(),
                               revocable=self.revoke_target() is not None)
        several = self.view is not None and self.view.several
        taken = self.taken_keys()
        enabled["take"] = (enabled["confirm"] and several and self.chosen_offer() is not None
                           and self.view is not None and len(taken) < self.view.most_flats)
        enabled["put_back"] = enabled["confirm"] and several and bool(taken)
        return enabled
