"""The Rules page (规则): edit the policy in forms, preview it live, save, freeze, supersede.

The forms edit a working copy in the policy's JSON form. After every edit the
page builds a :class:`~allocation.policy.Policy` from it: a broken rule
shows in the problems list (in words, with its place) and on the field at
fault, and nothing can be saved or frozen until it is fixed. A frozen policy
is shown read-only with its SHA-256; it changes only by being superseded by a
new version, with a reason. Database steps run on the worker (``ctx.op``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from allocation.errors import ValidationError
from allocation.registry import Household, ProjectId
from allocation.rules import (
    Policy,
    PolicyProblem,
    blank_policy,
    policy_sha256,
    policy_to_dict,
)
from db.registry import load_households
from db.rules import (
    PolicyVersion,
    freeze_policy,
    freeze_problems,
    policy_history,
    set_policy,
    supersede_policy,
)
from desktop.common import (
    RULES_SPLITTER,
    AppContext,
    ElidedLabel,
    ProjectPage,
    open_file_name,
    remember_splitter,
    save_file_name,
)
from desktop.i18n import describe_error, describe_policy_problem
from desktop.rules.policy_data import build_policy, policy_file_text, read_policy_file
from desktop.rules.policy_editor import PolicyEditor
from desktop.rules.policy_history import PolicyHistoryTable, local_time
from desktop.rules.rules_preview import RulesPreview

OK_STYLE = "color: #1b5e20; font-weight: bold;"
WARN_STYLE = "color: #8a4b00; font-weight: bold;"
ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
HASH_STYLE = "font-family: monospace; font-size: 10pt;"
FROZEN_HASH_STYLE = ("font-family: monospace; font-size: 12pt; font-weight: bold; color: #0b3d91;"
                     " background: #e8eef8; border: 1px solid #0b3d91; padding: 3px 6px;")
PATH_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class RulesState:
    """What the page shows, read in one go on the worker: every version, every household."""

    history: list[PolicyVersion]
    households: list[Household]

    @property
    def current(self) -> PolicyVersion | None:
        return self.history[-1] if self.history else None


def load_state(session: Session, project_id: ProjectId) -> RulesState:
    return RulesState(policy_history(session, project_id), load_households(session, project_id))


class RulesPage(ProjectPage, QWidget):
    """The project's policy in forms, with its problems, live preview and version history."""

    follows = ("rules", "households")  # the preview explains the registered households

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow(ctx)
        self._busy = False
        self._force_load = True
        self._clean: dict[str, Any] = {}
        self.state: RulesState | None = None
        self.policy: Policy | None = None
        self.problems: list[PolicyProblem] = []
        self.blockers: list[PolicyProblem] = []  # a valid draft that cannot be frozen yet
        self._build()
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save_draft)
        self._update_controls()

    # --- building -------------------------------------------------------------------

    def _build(self) -> None:
        self.status_label = QLabel()
        # 64 hex digits are wider than the page at 1280 px: elided in the middle, the whole
        # hash in the tooltip (and in the freeze message, to copy).
        self.hash_label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        status = QHBoxLayout()
        status.addWidget(self.status_label)
        status.addWidget(self.hash_label, 1)
        self.editor = PolicyEditor()
        self.editor.changed.connect(self.validate)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._left())
        splitter.addWidget(self._right())
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([640, 460])
        remember_splitter(splitter, RULES_SPLITTER)
        layout = QVBoxLayout(self)
        layout.addLayout(status)
        layout.addLayout(self._buttons())
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)

    def _buttons(self) -> QHBoxLayout:
        def button(text: str, slot: Any, tip: str = "") -> QPushButton:
            created = QPushButton(text)
            created.clicked.connect(lambda: slot())
            created.setToolTip(tip)
            return created
        self.save_button = button(self.tr("&Save draft"), self.save_draft,
                                  self.tr("Store the rules as the current draft (Ctrl+S)"))
        self.freeze_button = button(self.tr("Free&ze…"), self.freeze,
                                    self.tr("Lock the rules for good; notices cite their hash"))
        self.supersede_button = button(self.tr("Supersede with a ne&w version…"),
                                       self.supersede)
        self.import_button = button(self.tr("&Import from file…"), self.import_file)
        self.export_button = button(self.tr("E&xport JSON…"), self.export_file)
        self.revert_button = button(self.tr("&Revert"), self.revert,
                                    self.tr("Discard the changes not saved yet"))
        row = QHBoxLayout()
        for widget in (self.save_button, self.freeze_button, self.supersede_button):
            row.addWidget(widget)
        row.addSpacing(18)
        for widget in (self.import_button, self.export_button, self.revert_button):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _left(self) -> QWidget:
        self.problems_label = QLabel()
        self.problems_list = QListWidget()
        self.problems_list.setMaximumHeight(110)
        self.problems_list.setWordWrap(True)
        self.problems_list.itemActivated.connect(self._reveal)
        self.problems_list.itemClicked.connect(self._reveal)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems_list)
        return box

    def _right(self) -> QWidget:
        self.preview = RulesPreview()
        preview_box = QGroupBox(self.tr("Preview"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        self.history_table = PolicyHistoryTable()
        self.history_table.setMaximumHeight(92)
        history_box = QGroupBox(self.tr("Versions"))
        QVBoxLayout(history_box).addWidget(self.history_table)
        history_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(preview_box, 1)
        layout.addWidget(history_box)
        return box

    def _say(self, text: str) -> None:
        """Show why an act failed (or nothing): the line takes no room while empty."""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # --- loading --------------------------------------------------------------------

    def set_project(self) -> None:
        self._force_load = True
        self._say("")
        self.reload()

    def reload(self) -> None:
        """Read the versions and households on the worker; the newest load wins."""
        project_id = self._ctx.project_id
        if project_id is None:
            self._loads.cancel()
            return
        self._loads.run(lambda s: load_state(s, project_id), self._show, self._failed)

    def _show(self, state: RulesState) -> None:
        before = None if self.state is None else self.state.current
        self.state = state
        self.preview.set_households(state.households)
        self.history_table.set_history(state.history)
        now = state.current
        same = (before is not None and now is not None
                and (before.version, before.status) == (now.version, now.status))
        # Another page's change must not throw away edits not saved yet.
        if self._force_load or not (same and self.dirty()):
            self._force_load = False
            self._load_editor(now)
        self._update_controls()

    def _load_editor(self, version: PolicyVersion | None) -> None:
        self.editor.load(policy_to_dict(version.policy if version else self._template()))
        self.editor.set_read_only(version is not None and version.frozen)
        self._clean = self.editor.data()
        self.validate()

    def _template(self) -> Policy:
        """A first draft for a project without rules: blank (no numbers), the project's name."""
        name = self.tr("{project} allocation rules").format(project=self._ctx.project_name)
        return blank_policy(name, default_group=self.tr("Households without priority"))

    # --- checking -------------------------------------------------------------------

    def dirty(self) -> bool:
        """Whether the forms hold changes not saved (a project without rules always has)."""
        current = None if self.state is None else self.state.current
        return current is None or self.editor.data() != self._clean

    def validate(self) -> None:
        """Build the policy from the forms; show its problems, hash and preview."""
        self.policy, self.problems = build_policy(self.editor.data())
        current = None if self.state is None else self.state.current
        frozen = current is not None and current.frozen
        self.blockers = ([] if self.policy is None or frozen
                         else freeze_problems(self.policy))
        self.problems_list.clear()
        places: dict[str, str] = {}
        for problem in self.problems + self.blockers:
            text = describe_policy_problem(problem.path, problem.code, problem.params)
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, problem.path)
            item.setToolTip(problem.path)
            self.problems_list.addItem(item)
            places[problem.path] = "\n".join(filter(None, (places.get(problem.path), text)))
        self.editor.show_problems(places)
        count = len(self.problems)
        self.problems_label.setText(
            self.tr("{count} problem(s): fix them before saving (click one to go there).")
            .format(count=count) if count else
            self.tr("Frozen rules are read-only; to change them, supersede them with a new "
                    "version.") if frozen else
            self.tr("The rules are consistent and may be saved; before freezing:")
            if self.blockers else
            self.tr("The rules are complete and consistent."))
        self.problems_label.setStyleSheet(ERROR_STYLE if count else
                                          WARN_STYLE if self.blockers else OK_STYLE)
        self.problems_list.setVisible(bool(count or self.blockers))
        self.preview.set_policy(self.policy, current.sha256 if frozen and current else None)
        self._update_controls()

    def _reveal(self, item: QListWidgetItem) -> None:
        self.editor.reveal(str(item.data(PATH_ROLE)))

    def _update_controls(self) -> None:
        current = None if self.state is None else self.state.current
        frozen = current is not None and current.frozen
        valid, dirty, idle = self.policy is not None, self.dirty(), not self._busy
        loaded = self.state is not None and self._ctx.project_id is not None
        self.save_button.setEnabled(loaded and idle and valid and dirty and not frozen)
        self.freeze_button.setEnabled(loaded and idle and valid and not frozen
                                      and not self.blockers)
        self.supersede_button.setEnabled(loaded and idle and frozen)
        self.import_button.setEnabled(loaded and idle and not frozen)
        self.export_button.setEnabled(valid)
        self.revert_button.setEnabled(loaded and idle and dirty and not frozen
                                      and current is not None)
        self._show_status(current, frozen, dirty)

    def _show_status(self, current: PolicyVersion | None, frozen: bool, dirty: bool) -> None:
        if current is None:
            text, style = self.tr("No rules yet: a starting draft is shown; save it."), WARN_STYLE
        elif frozen:
            text = self.tr("Version {v} frozen {at} by {who}: read-only").format(
                v=current.version, who=current.frozen_by or "",
                at=local_time(current.frozen_at) if current.frozen_at else "")
            style = OK_STYLE
        else:
            text = self.tr("Version {v}: draft, not frozen").format(v=current.version)
            if dirty:
                text += self.tr(" — changes not saved")
            style = WARN_STYLE
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)
        # A frozen version shows the hash stored with it: an older schema's text is what it
        # covers, which today's canonical form of the same rules would spell differently.
        sha = (current.sha256 if frozen and current is not None else
               "—" if self.policy is None else policy_sha256(self.policy))
        self.hash_label.setText(self.tr("SHA-256: {sha}").format(sha=sha))
        self.hash_label.setStyleSheet(FROZEN_HASH_STYLE if frozen else HASH_STYLE)

    # --- acts -----------------------------------------------------------------------

    def _run(self, fn: Any) -> None:
        """Run a changing step on the worker, then reload and tell the other pages."""
        self._busy = True
        self._say("")
        self._update_controls()
        self._ctx.op(fn, initiator=self).success(self._done).failure(self._failed) \
            .run_in_background()

    def _done(self, _result: object) -> None:
        self._busy = False
        self._force_load = True
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._say(describe_error(error))
        self._update_controls()

    def save_draft(self) -> None:
        project_id, actor, policy = self._ctx.project_id, self._ctx.actor, self.policy
        if project_id is None or policy is None or not self.save_button.isEnabled():
            return
        self._run(lambda s: set_policy(s, project_id=project_id, policy=policy, actor=actor))

    def freeze(self) -> None:
        project_id, actor, policy = self._ctx.project_id, self._ctx.actor, self.policy
        current = None if self.state is None else self.state.current
        if project_id is None or policy is None or not self.freeze_button.isEnabled():
            return
        unsaved = self.dirty()
        text = self.tr(
            "Freeze version {v} of the rules?\n\nOnce frozen the rules cannot be edited any "
            "more; every notice and draw cites this SHA-256:\n\n{sha}\n\nA correction then "
            "needs a new version, with a reason.").format(
            v=current.version if current else 1, sha=policy_sha256(policy))
        if unsaved:
            text += "\n\n" + self.tr("The changes not saved yet are saved first.")
        answer = QMessageBox.question(
            self, self.tr("Freeze the rules"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(session: Session) -> PolicyVersion:
            if unsaved:
                set_policy(session, project_id=project_id, policy=policy, actor=actor)
            return freeze_policy(session, project_id=project_id, actor=actor)
        self._run(work)

    def supersede(self) -> None:
        project_id, actor = self._ctx.project_id, self._ctx.actor
        current = None if self.state is None else self.state.current
        if project_id is None or current is None or not current.frozen:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Supersede the frozen rules"), self.tr(
                "Why are the frozen rules replaced? The reason goes into the audit log; "
                "version {v} stays readable.").format(v=current.version))
        if not ok:
            return
        if not reason.strip():
            self._say(self.tr("Frozen rules are only superseded with a reason."))
            return
        policy = current.policy
        self._run(lambda s: supersede_policy(s, project_id=project_id, policy=policy,
                                             reason=reason, actor=actor))

    def revert(self) -> None:
        if self.state is None or not self.revert_button.isEnabled():
            return
        answer = QMessageBox.question(
            self, self.tr("Revert"), self.tr("Discard the changes not saved yet?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self._load_editor(self.state.current)

    def import_file(self) -> None:
        if not self.import_button.isEnabled():
            return
        path, _filter = open_file_name(
            self, self.tr("Import rules"), "", self.tr("Policy files (*.json)"))
        if not path:
            return
        try:
            data = read_policy_file(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            self._say(self.tr("Could not read {path}: {error}").format(
                path=path, error=getattr(error, "strerror", None) or error))
            return
        except ValidationError as error:
            self._say(self.tr("{path} was not imported: {error}").format(
                path=path, error=describe_error(error)))
            return
        self._say("")
        self.editor.load(data)
        self.validate()

    def export_file(self) -> None:
        policy = self.policy
        if policy is None:
            return
        current = None if self.state is None else self.state.current
        name = f"policy-v{current.version}.json" if current else "policy.json"
        path, _filter = save_file_name(
            self, self.tr("Export the rules"), name, self.tr("Policy files (*.json)"))
        if not path:
            return
        try:
            Path(path).write_text(policy_file_text(policy), encoding="utf-8")
        except OSError as error:
            self._say(self.tr("Could not write {path}: {error}").format(
                path=path, error=error.strerror or error))

