"""The Draw page (摇号): publish the pool, announce the sources, draw once, show it on a projector.

The final order is shown large, with heads' names masked, because this page
is meant to be projected in the draw hall. Every database step runs on the
worker through ``ctx.op``; announcing the sources and drawing are one
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from allocation.lottery import DEFAULT_METHOD, METHODS, dumps_record
from allocation.registry import ProjectId
from db.admin import SUPERVISOR, holds_role
from db.lottery import (
    ACTIVE,
    ANNOUNCED,
    RETRACTED,
    Draw,
    PublishedPool,
    announce_and_draw,
    counting_draw_of,
    current_pool,
    draw_history,
    publish_pool,
    retract_draw,
)
from db.registry import household_rows
from db.rules import PolicyVersion, current_policy
from db.selection import SessionInfo, find_session, selection_results, void_session
from desktop.common import AppContext, ProjectPage, save_file_name
from desktop.i18n import SESSION_STATUS_NAMES, describe_error, tr
from desktop.lottery.draw_order_model import COL_GROUP, DrawOrderModel, order_rows

SOURCE_LINES = 4
TABLE_POINTS, PROJECTOR_POINTS = 16, 26
OK_STYLE = "color: #1b5e20; font-weight: bold;"
WARN_STYLE = "color: #8a4b00; font-weight: bold;"
ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
TABLE_STYLE = (
    "QTableView { background: #ffffff; alternate-background-color: #eef2f7; color: #000000;"
    " gridline-color: #9aa5b1; selection-background-color: #0b3d91;"
    " selection-color: #ffffff; }"
    "QHeaderView::section { background: #0b3d91; color: #ffffff; font-weight: bold;"
    " padding: 4px 8px; border: 1px solid #06275e; }")
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


@dataclass(frozen=True, slots=True)
class DrawState:
    """What the page shows, read in one go on the worker."""

    policy: PolicyVersion | None
    pool: PublishedPool | None
    history: list[Draw]
    heads: dict[str, str]
    # The live selection session (on the counting draw: opening needs it, and it
    # cannot be retracted under the session), the flats chosen in it, and whether
    # the signed-in user may publish, draw, retract and void (a supervisor).
    session: SessionInfo | None = None
    chosen: int = 0
    supervisor: bool = True

    @property
    def latest(self) -> Draw | None:
        """The newest draw of the published pool (announced, active or retracted)."""
        if self.pool is None:
            return None
        mine = [d for d in self.history if d.pool_id == self.pool.id]
        return mine[-1] if mine else None

    @property
    def counting(self) -> Draw | None:
        """The draw that counts (db.lottery's rule), or None."""
        return counting_draw_of(self.pool, self.history)

    @property
    def shown(self) -> Draw | None:
        """The record on screen: the counting draw; failing it, the newest retracted one
        (shown marked as not valid), so a retraction stays visible until the redraw."""
        if self.pool is None or self.counting is not None:
            return self.counting
        sealed = [d for d in self.history if d.pool_id == self.pool.id and d.record]
        return sealed[-1] if sealed else None


def load_state(session: Session, project_id: ProjectId, actor: str = "") -> DrawState:
    heads = {row.code: row.head_name for row in household_rows(session, project_id)}
    live = find_session(session, project_id)
    chosen = 0 if live is None else len(selection_results(session, project_id,
                                                          active_only=True))
    return DrawState(current_policy(session, project_id), current_pool(session, project_id),
                     draw_history(session, project_id), heads, live, chosen,
                     holds_role(session, actor, SUPERVISOR))


class DrawPage(ProjectPage, QWidget):
    """Publish the pool, enter the announced sources and witnesses, draw, export, retract."""

    # The pool is drawn from the households under the frozen rules; a session
    # that has started forbids retracting the draw.
    follows = ("rules", "households", "draw", "session")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow(ctx)
        self._busy = False
        self.state: DrawState | None = None
        self.model = DrawOrderModel(self)
        self._build()
        self._update_controls()

    # --- building -------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._status_box())
        self.form_box = self._sources_box()
        body = QHBoxLayout()
        body.addWidget(self.form_box)
        body.addWidget(self._result_box(), 1)
        layout.addLayout(body, 1)

    def _status_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Status"))
        self.policy_label = QLabel()
        self.pool_label = QLabel()
        self.pool_sha_label = QLabel()
        self.draw_label = QLabel()
        for label in (self.policy_label, self.pool_label, self.pool_sha_label, self.draw_label):
            label.setTextInteractionFlags(_SELECTABLE)
            label.setWordWrap(True)
        self.pool_sha_label.setStyleSheet("font-family: monospace;")
        self.publish_button = QPushButton(self.tr("Publish pool…"))
        self.publish_button.clicked.connect(self.publish)
        form = QFormLayout()
        form.addRow(self.tr("Policy:"), self.policy_label)
        form.addRow(self.tr("Pool:"), self.pool_label)
        form.addRow(self.tr("Pool SHA-256:"), self.pool_sha_label)
        form.addRow(self.tr("Draw:"), self.draw_label)
        # Refusals show here, in the box that is always on screen (the sources
        # box is hidden once drawn), so a refused retraction is seen.
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextInteractionFlags(_SELECTABLE)
        self.error_label.setVisible(False)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addWidget(self.error_label)
        row = QHBoxLayout(box)
        row.addLayout(column, 1)
        row.addWidget(self.publish_button, 0, Qt.AlignmentFlag.AlignTop)
        return box

    def _set_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _sources_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sources and witnesses"))
        box.setFixedWidth(330)
        self.source_edits: list[QLineEdit] = []
        form = QFormLayout()
        for number in range(1, SOURCE_LINES + 1):
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("as announced, e.g. 2 5 12 18 26 33"))
            self.source_edits.append(edit)
            form.addRow(self.tr("Source {n}:").format(n=number), edit)
        self.method_combo = QComboBox()
        for name in METHODS:
            self.method_combo.addItem(name, name)
        self.method_combo.setCurrentIndex(self.method_combo.findData(DEFAULT_METHOD))
        form.addRow(self.tr("Method:"), self.method_combo)
        self.witnesses = QTableWidget(0, 2)
        self.witnesses.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Name")])
        self.witnesses.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.witnesses.verticalHeader().setVisible(False)
        self.witnesses.setMaximumHeight(170)
        self.add_witness_button = QPushButton(self.tr("Add witness"))
        self.add_witness_button.clicked.connect(lambda: self.add_witness())
        self.remove_witness_button = QPushButton(self.tr("Remove witness"))
        self.remove_witness_button.clicked.connect(self.remove_witness)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_witness_button)
        buttons.addWidget(self.remove_witness_button)
        self.draw_button = QPushButton(self.tr("Draw…"))
        self.draw_button.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 6px;")
        self.draw_button.clicked.connect(self.draw)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Witnesses:")))
        layout.addWidget(self.witnesses)
        layout.addLayout(buttons)
        layout.addWidget(self.draw_button)
        layout.addStretch(1)
        return box

    def _result_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Result"))
        self.result_title = QLabel()
        self.result_title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.key_label = QLabel()
        self.record_sha_label = QLabel()
        for label in (self.key_label, self.record_sha_label):
            label.setTextInteractionFlags(_SELECTABLE)
            label.setWordWrap(True)
            label.setStyleSheet("font-family: monospace;")
        facts = QFormLayout()
        facts.addRow(self.tr("Key:"), self.key_label)
        facts.addRow(self.tr("Record SHA-256:"), self.record_sha_label)
        self.table = self._table()
        self.projector_button = QPushButton(self.tr("Projector view"))
        self.projector_button.setCheckable(True)
        self.projector_button.toggled.connect(self.set_projector_view)
        self.export_button = QPushButton(self.tr("Export record…"))
        self.export_button.clicked.connect(self.export_record)
        self.retract_button = QPushButton(self.tr("Retract…"))
        self.retract_button.clicked.connect(self.retract)
        self.void_button = QPushButton(self.tr("Void session…"))
        self.void_button.clicked.connect(self.void)
        self.history_label = QLabel()
        self.history_label.setTextInteractionFlags(_SELECTABLE)
        self.history_label.setStyleSheet("color: palette(mid);")
        self.history_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.projector_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.void_button)
        buttons.addWidget(self.retract_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.result_title)
        layout.addLayout(facts)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.history_label)
        return box

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setStyleSheet(TABLE_STYLE)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_GROUP, QHeaderView.ResizeMode.Stretch)
        self._set_table_points(table, TABLE_POINTS)
        return table

    def _set_table_points(self, table: QTableView, points: int) -> None:
        font = QFont(table.font())
        font.setPointSize(points)
        table.setFont(font)
        header_font = QFont(font)
        header_font.setBold(True)
        table.horizontalHeader().setFont(header_font)
        table.verticalHeader().setDefaultSectionSize(int(points * 2.2))

    def set_projector_view(self, on: bool) -> None:
        """Larger rows and the sources form hidden, for the hall's screen."""
        self._update_controls()
        self._set_table_points(self.table, PROJECTOR_POINTS if on else TABLE_POINTS)

    # --- witnesses ------------------------------------------------------------------

    def add_witness(self, role: str = "", name: str = "") -> None:
        row = self.witnesses.rowCount()
        self.witnesses.insertRow(row)
        self.witnesses.setItem(row, 0, QTableWidgetItem(role))
        self.witnesses.setItem(row, 1, QTableWidgetItem(name))

    def remove_witness(self) -> None:
        row = self.witnesses.currentRow()
        if row < 0:
            row = self.witnesses.rowCount() - 1
        if row >= 0:
            self.witnesses.removeRow(row)

    def witness_pairs(self) -> list[tuple[str, str]]:
        pairs = []
        for row in range(self.witnesses.rowCount()):
            cells = [self.witnesses.item(row, c) for c in (0, 1)]
            role, name = (c.text().strip() if c is not None else "" for c in cells)
            if role or name:
                pairs.append((role, name))
        return pairs

    def sources(self) -> list[str]:
        return [e.text().strip() for e in self.source_edits if e.text().strip()]

    # --- loading --------------------------------------------------------------------

    def set_project(self) -> None:
        self._set_error("")
        self.reload()

    def reload(self) -> None:
        """Read policy, pool and draws on the worker; the newest load wins."""
        project_id = self._ctx.project_id
        if project_id is None:
            self._loads.cancel()
            self._show(None)
            return
        actor = self._ctx.actor
        self._loads.run(lambda s: load_state(s, project_id, actor), self._show,
                        self._show_error)

    def _show(self, state: DrawState | None) -> None:
        self.state = state
        self._show_status(state)
        self._show_result(state)
        self._update_controls()

    def _show_status(self, state: DrawState | None) -> None:
        policy = None if state is None else state.policy
        if policy is None:
            self.policy_label.setText(self.tr("no policy yet"))
            self.policy_label.setStyleSheet(WARN_STYLE)
        elif not policy.frozen:
            self.policy_label.setText(self.tr("version {v} is a draft, not frozen ({sha})")
                                      .format(v=policy.version, sha=policy.sha256[:12]))
            self.policy_label.setStyleSheet(WARN_STYLE)
        else:
            self.policy_label.setText(self.tr("version {v} frozen ({sha})").format(
                v=policy.version, sha=policy.sha256[:12]))
            self.policy_label.setStyleSheet(OK_STYLE)
        pool = None if state is None else state.pool
        if pool is None:
            self.pool_label.setText(self.tr("not published"))
            self.pool_label.setStyleSheet(WARN_STYLE)
            self.pool_sha_label.setText("—")
        else:
            self.pool_label.setText(self.tr(
                "published: {count} households, membership and order locked").format(
                count=pool.size))
            self.pool_label.setStyleSheet(OK_STYLE)
            self.pool_sha_label.setText(pool.pool_sha256)
        self.draw_label.setText(self._draw_text(state))
        latest = None if state is None else state.latest
        self.draw_label.setStyleSheet(
            ERROR_STYLE if latest is not None and latest.status == RETRACTED
            else OK_STYLE if latest is not None and latest.status == ACTIVE else "")

    def _draw_text(self, state: DrawState | None) -> str:
        latest = None if state is None else state.latest
        if latest is None:
            return self.tr("not drawn yet")
        if latest.status == ACTIVE and state is not None and state.session is not None:
            return self.tr("draw {seq} done ({method}); final: {session}").format(
                seq=latest.seq, method=latest.method, session=self._session_text(state))
        if latest.status == ACTIVE:
            return self.tr("draw {seq} done ({method})").format(
                seq=latest.seq, method=latest.method)
        if latest.status == RETRACTED:
            return self.tr("draw {seq} retracted: {reason}").format(
                seq=latest.seq, reason=latest.reason)
        return self.tr("draw {seq}: sources announced, not drawn yet").format(seq=latest.seq)

    def _show_result(self, state: DrawState | None) -> None:
        shown = None if state is None else state.shown
        if shown is None or shown.record is None:
            self.result_title.setText(self.tr("No draw yet"))
            self.result_title.setStyleSheet("font-size: 14pt; font-weight: bold;")
            self.key_label.setText("—")
            self.record_sha_label.setText("—")
            self.model.set_rows([])
        else:
            retracted = shown.status == RETRACTED
            self.result_title.setText(
                self.tr("Draw {seq} — RETRACTED, not valid").format(seq=shown.seq)
                if retracted else
                self.tr("Draw {seq} — final order of {count} households").format(
                    seq=shown.seq, count=len(shown.final_order)))
            self.result_title.setStyleSheet(
                "font-size: 14pt; font-weight: bold;"
                + (" color: #b71c1c;" if retracted else " color: #0b3d91;"))
            self.key_label.setText(shown.record["key"])
            self.record_sha_label.setText(shown.record_sha256 or "")
            assert state is not None
            self.model.set_rows(order_rows(shown.record, state.heads))
        history = [] if state is None else state.history
        self.history_label.setText(self.tr("History: {draws}").format(draws="; ".join(
            f"#{d.seq} {self._status_name(d.status)} {(d.record_sha256 or '')[:12]}".rstrip()
            for d in history)) if history else "")

    def _session_text(self, state: DrawState) -> str:
        assert state.session is not None
        status = state.session.status
        return self.tr("selection session {id} ({status}, {chosen} flats chosen) uses its "
                       "order").format(id=state.session.id, chosen=state.chosen,
                                       status=tr(SESSION_STATUS_NAMES.get(status, status)))

    def _status_name(self, status: str) -> str:
        names = {ANNOUNCED: self.tr("announced"), ACTIVE: self.tr("active"),
                 RETRACTED: self.tr("retracted")}
        return names.get(status, status)

    def _update_controls(self) -> None:
        state = self.state
        frozen = bool(state and state.policy and state.policy.frozen)
        published = state is not None and state.pool is not None
        active = state is not None and state.counting is not None
        idle = not self._busy
        self.publish_button.setEnabled(idle and frozen and not published)
        self.draw_button.setEnabled(idle and published and not active)
        for widget in (*self.source_edits, self.method_combo, self.witnesses,
                       self.add_witness_button, self.remove_witness_button):
            widget.setEnabled(published and not active)
        # Once drawn, the sources are in the record: the order gets the whole width.
        self.form_box.setVisible(not active and not self.projector_button.isChecked())
        shown = None if state is None else state.shown
        self.export_button.setEnabled(idle and shown is not None)
        self._follow_role_and_session(state, idle, active)

    def _follow_role_and_session(self, state: DrawState | None, idle: bool,
                                 active: bool) -> None:
        """Publishing, drawing, retracting and voiding are a supervisor's; a draw that a
        session uses cannot be retracted (db.lottery refuses it too): say why."""
        supervisor = state is not None and state.supervisor
        in_use = state is not None and state.session is not None
        not_yours = self.tr("Only a supervisor may do this; you are signed in as {actor}.") \
            .format(actor=self._ctx.actor)
        for button in (self.publish_button, self.draw_button):
            if not supervisor:
                button.setEnabled(False)
            button.setToolTip("" if supervisor or state is None else not_yours)
        self.retract_button.setEnabled(idle and active and supervisor and not in_use)
        self.void_button.setEnabled(idle and in_use and supervisor)
        self.void_button.setVisible(in_use)
        if in_use:
            assert state is not None
            self.retract_button.setToolTip(self.tr(
                "The draw is final: {session}. To retract it, a supervisor first voids "
                "the session, with a reason (its choices are kept, marked void).").format(
                session=self._session_text(state)))
        elif active and not supervisor:
            self.retract_button.setToolTip(not_yours)
        else:
            self.retract_button.setToolTip("")
        self.void_button.setToolTip(
            self.tr("Void the selection session, with a reason: its choices are kept and "
                    "marked void, their flats are free again") if supervisor else not_yours)

    # --- acts -----------------------------------------------------------------------

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _run(self, fn: Any) -> None:
        """Run a changing step on the worker, then reload and tell the other pages."""
        self._busy = True
        self._set_error("")
        self._update_controls()
        (self._ctx.op(fn, initiator=self)
         .success(self._done)
         .failure(self._show_error)
         .run_in_background())

    def _done(self, _result: object) -> None:
        self._busy = False
        self.reload()

    def _show_error(self, error: BaseException) -> None:
        self._busy = False
        self._set_error(describe_error(error))
        self._update_controls()

    def publish(self) -> None:
        project_id, actor = self._ctx.project_id, self._ctx.actor
        if project_id is None or not self._confirm(self.tr("Publish the pool"), self.tr(
                "Publish the pool of every registered household, numbered by household "
                "code?\n\nFrom now on its membership and order are locked: no household "
                "can be added or removed, and the priority groups are fixed under the "
                "frozen policy.")):
            return
        self._run(lambda s: publish_pool(s, project_id=project_id, actor=actor,
                                         on=date.today()))

    def draw(self) -> None:
        project_id, actor = self._ctx.project_id, self._ctx.actor
        if project_id is None:
            return
        sources, witnesses = self.sources(), self.witness_pairs()
        method = self.method_combo.currentData()
        if not self._confirm(self.tr("Run the draw"), self.tr(
                "Run the draw now with {count} source(s) and method {method}?\n\nThe draw "
                "runs once; its record is sealed and can only be retracted with a "
                "reason.").format(count=len(sources), method=method)):
            return

        self._run(lambda s: announce_and_draw(s, project_id=project_id, sources=sources,
                                              method=method, witnesses=witnesses, actor=actor))

    def export_record(self) -> None:
        shown = None if self.state is None else self.state.shown
        if shown is None or shown.record is None:
            return
        path, _filter = save_file_name(
            self, self.tr("Export the draw record"), f"draw-{shown.seq}.json",
            self.tr("Draw records (*.json)"))
        if not path:
            return
        try:
            Path(path).write_text(dumps_record(shown.record), encoding="utf-8")
        except OSError as error:
            self._set_error(self.tr("Could not write {path}: {error}").format(
                path=path, error=error.strerror or error))

    def retract(self) -> None:
        project_id, actor = self._ctx.project_id, self._ctx.actor
        if project_id is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Retract the draw"),
            self.tr("Why is this draw retracted? The reason goes into the audit log."))
        if not ok:
            return
        if not reason.strip():
            self._set_error(self.tr("A draw is only retracted with a reason."))
            return
        self._run(lambda s: retract_draw(s, project_id=project_id, reason=reason,
                                         actor=actor))

    def void(self) -> None:
        """Void the selection session on the draw (a supervisor, with a reason)."""
        project_id, actor = self._ctx.project_id, self._ctx.actor
        if project_id is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Void the selection session"),
            self.tr("Why is the selection session voided? The reason goes into the audit "
                    "log and onto the void notice."))
        if not ok:
            return
        if not reason.strip():
            self._set_error(self.tr("A session is only voided with a reason."))
            return
        if not self._confirm(self.tr("Void the selection session"), self.tr(
                "Void the selection session now?\n\nEvery choice made in it is kept but "
                "marked void, and its flat is free again. The households choose again in "
                "a new session (after a new draw, if the draw is retracted).\n\nThen print "
                "the void notice on the Printouts page: it is registered as a public notice.")):
            return
        self._run(lambda s: void_session(s, project_id=project_id, reason=reason,
                                         supervisor=actor))
