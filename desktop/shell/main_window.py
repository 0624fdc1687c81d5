"""The main window: project chooser, navigation between pages, menus, and the status bar."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from allocation.registry import ProjectId
from db.admin import witness_file
from db.audit import chain_log
from db.registry import (
    ProjectInfo,
    create_project,
    list_projects,
    rename_project,
    retitle_project,
    summary,
)
from desktop import admin as backup_actions
from desktop import common as settings
from desktop import registry
from desktop.admin import (
    AuditPage,
    SignedInBar,
    SignInDialog,
    UsersDialog,
    WitnessFileBox,
    last_backup,
    status_text,
    witnessed_text,
)
from desktop.casework import ProgressPage
from desktop.common import (
    AppContext,
    Changes,
    ElidedLabel,
    LatestLoad,
    MainAction,
    create_action,
    create_undo_actions,
)
from desktop.i18n import show_error
from desktop.lottery import DrawPage
from desktop.printing import PrintoutsPage
from desktop.registry import FlatsPage, HouseholdsPage
from desktop.rules import RulesPage
from desktop.session import SessionPage
from desktop.shell.project_dialog import ProjectDialog
from desktop.shell.record_values import value_in_words

# The order of the work: the registry, its rules, the draw; the audit log watches them all.
PAGE_HOUSEHOLDS, PAGE_FLATS, PAGE_RULES, PAGE_DRAW, PAGE_AUDIT = 0, 1, 2, 3, 4
PAGE_PROGRESS = 5  # the casework around it all, after the audit to keep Ctrl+1…5
PAGE_PRINTOUTS = 6
PAGE_SESSION = 7
_NOTHING_SHOWN = object()  # before the first project (or "no project") is shown
BACKUP_LABEL_WIDTH = 440  # px of the status bar for the last backup, the rest for the counts
PROJECT_NAME_CHARACTERS = 28  # of the project chooser before it elides; the tooltip has all


def mask_url(url: str) -> str:
    """The database URL without its password, for the status bar."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL we cannot parse is shown as nothing
        return ""


class MainWindow(QMainWindow):
    """One window per open database; ``ctx`` carries the project being worked on."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._projects: list[ProjectInfo] = []
        self._shown: ProjectInfo | None | object = _NOTHING_SHOWN
        self._dialogs: list[QDialog] = []  # non-modal dialogs kept alive while open
        self._summary_loads = LatestLoad(ctx.factory, self)
        # The module, not its functions: tests replace export_to and save_template on it.
        self.import_module = registry
        self._build_actions()
        self._build_project_bar()
        self._build_pages()
        self._build_menus()
        self._build_status_bar()
        ctx.events.data_changed.connect(self._on_data_changed)
        self._restore_geometry()
        self.reload_projects(settings.get(settings.LAST_PROJECT))

    # --- building -------------------------------------------------------------------

    def _build_actions(self) -> None:
        slots = {
            MainAction.NEW_PROJECT: self.new_project,
            MainAction.RENAME_PROJECT: self.rename_project,
            MainAction.IMPORT_HOUSEHOLDS: lambda: self.open_import("households"),
            MainAction.IMPORT_FLATS: lambda: self.open_import("flats"),
            MainAction.EXPORT_HOUSEHOLDS: lambda: self.export("households"),
            MainAction.EXPORT_FLATS: lambda: self.export("flats"),
            MainAction.DOWNLOAD_TEMPLATES: self.save_templates,
            MainAction.QUIT: self.close,
            MainAction.FIND: self.focus_search,
            MainAction.SETTINGS: self.open_settings,
            MainAction.SHOW_HOUSEHOLDS: lambda: self.show_page(PAGE_HOUSEHOLDS),
            MainAction.SHOW_FLATS: lambda: self.show_page(PAGE_FLATS),
            MainAction.SHOW_RULES: lambda: self.show_page(PAGE_RULES),
            MainAction.SHOW_DRAW: lambda: self.show_page(PAGE_DRAW),
            MainAction.SHOW_AUDIT: lambda: self.show_page(PAGE_AUDIT),
            MainAction.SHOW_PROGRESS: lambda: self.show_page(PAGE_PROGRESS),
            MainAction.SHOW_PRINTOUTS: lambda: self.show_page(PAGE_PRINTOUTS),
            MainAction.SHOW_SESSION: lambda: self.show_page(PAGE_SESSION),
            MainAction.BACK_UP: self.back_up,
            MainAction.RESTORE: self.restore_backup,
            MainAction.USERS: self.open_users,
            MainAction.ABOUT: self.about,
        }
        self.actions_by_name: dict[MainAction, QAction] = {
            name: create_action(name, self, slot) for name, slot in slots.items()}
        undo, redo = create_undo_actions(self._ctx.undo_stack, self)
        self.actions_by_name[MainAction.UNDO] = undo
        self.actions_by_name[MainAction.REDO] = redo
        self.actions_by_name[MainAction.QUIT].setMenuRole(QAction.MenuRole.QuitRole)

    def _build_project_bar(self) -> None:
        self.project_combo = QComboBox()
        self.project_combo.setMinimumWidth(320)
        # A long project name must not make the window wider than a laptop's screen: the
        # box shows what fits of it (its tooltip, set on choosing, the whole name).
        self.project_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.project_combo.setMinimumContentsLength(PROJECT_NAME_CHARACTERS)
        self.project_combo.currentIndexChanged.connect(self._project_chosen)
        self.new_project_button = QPushButton(self.tr("New…"))
        self.new_project_button.clicked.connect(self.new_project)
        self.rename_project_button = QPushButton(self.tr("Name and title…"))
        self.rename_project_button.clicked.connect(self.rename_project)
        bar = QToolBar(self.tr("Project"))
        bar.setObjectName("project_bar")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr("Project:") + " "))
        bar.addWidget(self.project_combo)
        bar.addWidget(self.new_project_button)
        bar.addWidget(self.rename_project_button)
        self.addToolBar(bar)

    def _build_pages(self) -> None:
        self.households_page = HouseholdsPage(self._ctx)
        self.flats_page = FlatsPage(self._ctx)
        self.rules_page = RulesPage(self._ctx)
        self.draw_page = DrawPage(self._ctx)
        self.audit_page = AuditPage(self._ctx, value_words=value_in_words)
        self.progress_page = ProgressPage(self._ctx)
        self.printouts_page = PrintoutsPage(self._ctx)
        self.session_page = SessionPage(self._ctx)
        # A selection confirmed at another desk changes the flats available.
        self.session_page.moved_elsewhere.connect(self.refresh_summary)
        self.nav = QListWidget()
        self.nav.addItems([self.tr("Households"), self.tr("Flats"), self.tr("Rules"),
                           self.tr("Draw"), self.tr("Audit"), self.tr("Progress"),
                           self.tr("Printouts"), self.tr("Selection")])
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(120)  # "Households" at 11 pt and its padding
        self.nav.setStyleSheet(
            "#navigation { border: none; background: palette(window); font-size: 11pt; }"
            "#navigation::item { padding: 10px 14px; }")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.households_page)
        self.pages.addWidget(self.flats_page)
        self.pages.addWidget(self.rules_page)
        self.pages.addWidget(self.draw_page)
        self.pages.addWidget(self.audit_page)
        self.pages.addWidget(self.progress_page)
        self.pages.addWidget(self.printouts_page)
        self.pages.addWidget(self.session_page)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(PAGE_HOUSEHOLDS)
        workspace = QWidget()
        layout = QHBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.empty_state = self._empty_state()
        self.central = QStackedWidget()
        self.central.addWidget(self.empty_state)
        self.central.addWidget(workspace)
        self.setCentralWidget(self.central)

    def _empty_state(self) -> QWidget:
        title = QLabel(self.tr("No project yet"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        text = QLabel(self.tr(
            "Create a resettlement project to start registering households and flats.\n"
            "To look around first, load the demo project (199 households, 220 flats)\n"
            "by running  anju demo  in a terminal, then restart Anju."))
        text.setStyleSheet("color: palette(mid); font-size: 11pt;")
        button = QPushButton(self.tr("Create a project…"))
        button.clicked.connect(self.new_project)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        for widget in (title, text, button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return box

    def _build_menus(self) -> None:
        a = self.actions_by_name
        page = self.households_page.actions_by_name
        menus: list[tuple[str, list[QAction | None]]] = [
            (self.tr("&File"), [
                a[MainAction.NEW_PROJECT], a[MainAction.RENAME_PROJECT], None,
                a[MainAction.IMPORT_HOUSEHOLDS], a[MainAction.IMPORT_FLATS],
                a[MainAction.EXPORT_HOUSEHOLDS], a[MainAction.EXPORT_FLATS],
                a[MainAction.DOWNLOAD_TEMPLATES], None, a[MainAction.BACK_UP],
                a[MainAction.RESTORE], None, a[MainAction.QUIT]]),
            (self.tr("&Edit"), [
                a[MainAction.UNDO], a[MainAction.REDO], None, a[MainAction.FIND], None,
                a[MainAction.SETTINGS], a[MainAction.USERS]]),
            (self.tr("&View"), [a[MainAction.SHOW_HOUSEHOLDS], a[MainAction.SHOW_FLATS],
                                 a[MainAction.SHOW_RULES], a[MainAction.SHOW_DRAW],
                                 a[MainAction.SHOW_AUDIT], a[MainAction.SHOW_PROGRESS],
                                 a[MainAction.SHOW_PRINTOUTS], a[MainAction.SHOW_SESSION]]),
            (self.tr("H&ouseholds"), [
                page[MainAction.ADD_HOUSEHOLD], page[MainAction.EDIT_HOUSEHOLD],
                page[MainAction.DELETE_HOUSEHOLD], None, page[MainAction.CASE_LOG]]),
            (self.tr("&Help"), [a[MainAction.ABOUT]]),
        ]
        for title, actions in menus:
            menu = self.menuBar().addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
        self._enable_import_actions()

    def _enable_import_actions(self) -> None:
        module = self.import_module
        available = {
            MainAction.IMPORT_HOUSEHOLDS: hasattr(module, "ImportDialog"),
            MainAction.IMPORT_FLATS: hasattr(module, "ImportDialog"),
            MainAction.EXPORT_HOUSEHOLDS: hasattr(module, "export_to"),
            MainAction.EXPORT_FLATS: hasattr(module, "export_to"),
            MainAction.DOWNLOAD_TEMPLATES: self._templates_function() is not None,
        }
        for name, present in available.items():
            self.actions_by_name[name].setEnabled(present and self._ctx.project_id is not None)

    def _build_status_bar(self) -> None:
        # Elided when narrow (the whole text in the tooltip): a long database path or
        # English counts would otherwise set the window's least width.
        self.counts_label = ElidedLabel()
        self.url_label = ElidedLabel(self.tr("Database: {url}").format(
            url=mask_url(self._ctx.url)), mode=Qt.TextElideMode.ElideMiddle)
        self.url_label.setStyleSheet("color: palette(mid);")
        self.statusBar().addWidget(self.counts_label, 1)
        self.backup_label = QLabel()
        self.backup_label.setStyleSheet("color: palette(mid);")
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.url_label)
        self.signed_in_bar = SignedInBar()
        self.signed_in_bar.show_user(self._ctx.actor)
        self.signed_in_bar.switch_button.clicked.connect(lambda: self.sign_in_again())
        self.signed_in_bar.sign_out_button.clicked.connect(
            lambda: self.sign_in_again(required=True))
        self.statusBar().addPermanentWidget(self.signed_in_bar)
        self.sign_in_dialog: SignInDialog | None = None
        self.refresh_backup_status()
        # The age moves on by itself; a minute is as fine as it is shown.
        self._backup_timer = QTimer(self)
        self._backup_timer.timeout.connect(self.refresh_backup_status)
        self._backup_timer.start(60_000)

    def refresh_backup_status(self) -> None:
        """The last backup's age and place (File › Back up… or the newest automatic one)."""
        last = last_backup()
        text = status_text(last, datetime.now(UTC))
        # Elided in the middle: the age (first) and the file's name (last) stay readable,
        # the whole path is in the tooltip; the database's label keeps its room.
        self.backup_label.setText(self.backup_label.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideMiddle, BACKUP_LABEL_WIDTH))
        # The last witnessed head beside it, in full, for whoever checks the witness file.
        self.backup_label.setToolTip(
            f"{text}\n{witnessed_text(witness_file(), self.chain_log())}")

    def chain_log(self) -> str | None:
        """The open database's chain name, so the witness lines shown are its own."""
        with self._ctx.factory() as session:
            return chain_log(session)

    def _restore_geometry(self) -> None:
        geometry = settings.get(settings.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = settings.get(settings.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    # --- projects -------------------------------------------------------------------

    def reload_projects(self, select: str = "") -> None:
        """Read the project list (a quick query, on this thread) and select ``select``."""
        self._projects = self._ctx.op(list_projects, read_only=True).run_now()
        names = [p.name for p in self._projects]
        chosen = names.index(select) if select in names else 0
        self.project_combo.blockSignals(True)
        self.project_combo.clear()
        for project in self._projects:
            self.project_combo.addItem(self._project_label(project), project.id)
        self.project_combo.setCurrentIndex(chosen if self._projects else -1)
        self.project_combo.blockSignals(False)
        self._project_chosen(self.project_combo.currentIndex())

    def _project_label(self, project: ProjectInfo) -> str:
        if project.rehearsal:
            return self.tr("{name} (rehearsal)").format(name=project.name)
        return project.name

    def _project_chosen(self, index: int) -> None:
        project = self._projects[index] if 0 <= index < len(self._projects) else None
        if project != self._shown or self._shown is _NOTHING_SHOWN:
            self.switch_project(project)

    def switch_project(self, project: ProjectInfo | None) -> None:
        """Make ``project`` the current one and reload every page."""
        ctx = self._ctx
        self._shown = project
        ctx.project_id = ProjectId(project.id) if project else None
        ctx.project_name = project.name if project else ""
        ctx.project_heading = (project.title or project.name) if project else ""
        # Undo steps belong to the project they were made in.
        ctx.undo_stack.clear()
        if project is not None:
            settings.put(settings.LAST_PROJECT, project.name)
        self.central.setCurrentIndex(1 if project else 0)
        self.rename_project_button.setEnabled(project is not None)
        self.actions_by_name[MainAction.RENAME_PROJECT].setEnabled(project is not None)
        self._enable_import_actions()
        self._update_title(project)
        self.project_combo.setToolTip(self._project_label(project) if project else "")
        self.households_page.set_project()
        self.flats_page.set_project()
        self.rules_page.set_project()
        self.draw_page.set_project()
        self.audit_page.set_project()
        self.progress_page.set_project()
        self.printouts_page.set_project()
        self.session_page.set_project()
        self.refresh_summary()

    def _update_title(self, project: ProjectInfo | None) -> None:
        if project is None:
            self.setWindowTitle(self.tr("Anju"))
        else:
            self.setWindowTitle(self.tr("Anju — {project}").format(
                project=self._project_label(project)))

    def new_project(self) -> ProjectDialog:
        """Ask for the short name and the title; the project is created on OK."""
        dialog = ProjectDialog(self)
        dialog.accepted.connect(lambda: self._create_project(dialog.project_name(),
                                                             dialog.project_title()))
        self._keep_open(dialog)
        return dialog

    def _create_project(self, name: str, title: str) -> None:
        ctx = self._ctx
        (ctx.op(lambda s: create_project(s, name=name, title=title, actor=ctx.actor),
                initiator=self)
         .success(lambda _id: self.reload_projects(name))
         .failure(lambda error: show_error(self, error))
         .run_in_background())

    def rename_project(self) -> ProjectDialog | None:
        """Edit the current project's short name and title (one transaction, both audited)."""
        project = self._shown
        if self._ctx.project_id is None or not isinstance(project, ProjectInfo):
            return None
        dialog = ProjectDialog(self, name=project.name, title=project.title, editing=True)
        dialog.accepted.connect(lambda: self._edit_project(dialog.project_name(),
                                                           dialog.project_title()))
        self._keep_open(dialog)
        return dialog

    def _edit_project(self, name: str, title: str) -> None:
        ctx = self._ctx
        project_id = ctx.project_id
        if project_id is None:
            return

        def edit(s: Session) -> None:
            rename_project(s, project_id=project_id, name=name, actor=ctx.actor)
            retitle_project(s, project_id=project_id, title=title, actor=ctx.actor)

        (ctx.op(edit, initiator=self)
         .success(lambda _result: self.reload_projects(name))
         .failure(lambda error: show_error(self, error))
         .run_in_background())

    # --- pages, status bar ----------------------------------------------------------

    def show_page(self, page: int) -> None:
        self.nav.setCurrentRow(page)

    def focus_search(self) -> None:
        self.show_page(PAGE_HOUSEHOLDS)
        self.households_page.focus_search()

    def _on_data_changed(self, changes: Changes, initiator: Any) -> None:
        self.refresh_backup_status()  # freezing, the draw and the session back up first
        if changes.projects and initiator is not self:
            # Only this window creates and renames projects today; the list follows
            # any other writer all the same.
            self.reload_projects(self._ctx.project_name)
        elif changes.concerns(self._ctx.project_id) and changes.names("households", "flats"):
            self.refresh_summary()

    def refresh_summary(self) -> None:
        """Counts for the status bar, read on the database worker."""
        project_id = self._ctx.project_id
        if project_id is None:
            self._summary_loads.cancel()
            self.counts_label.setText("")
            return
        # Failures are ignored here: the pages report database trouble already.
        self._summary_loads.run(lambda s: summary(s, project_id), self._show_summary,
                                lambda _error: None)

    def _show_summary(self, counts: dict[str, Any]) -> None:
        self.counts_label.setText(self.tr(
            "{households} households · {members} people ({recognised} recognised) · "
            "{flats} flats ({available} available)").format(
            households=counts["households"], members=counts["members"],
            recognised=counts["recognised_members"], flats=counts["flats"],
            available=counts["flats_by_status"].get("available", 0)))

    # --- import and export (provided by desktop.registry) -------------

    def open_import(self, kind: str) -> None:
        if self._ctx.project_id is None:
            return
        dialog = self.import_module.ImportDialog(self._ctx, kind, self)
        self._keep_open(dialog)

    def export(self, kind: str) -> None:
        if self._ctx.project_id is not None:
            self.import_module.export_to(self._ctx, kind, self)

    def _templates_function(self) -> Any:
        return getattr(self.import_module, "save_template", None)

    def save_templates(self) -> None:
        """Ask which blank workbook the operator wants, then let the import module save it."""
        function = self._templates_function()
        if function is None:
            return
        kinds = {self.tr("Households"): "households", self.tr("Flats"): "flats"}
        choice, ok = QInputDialog.getItem(
            self, self.tr("Save an Excel template"), self.tr("Template for:"), list(kinds),
            0, False)
        if ok and choice in kinds:
            function(self._ctx, kinds[choice], self)

    def _keep_open(self, dialog: QDialog) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._dialogs.remove(dialog))
        dialog.open()

    # --- settings, about, closing ---------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self, log=self.chain_log())
        self._keep_open(dialog)
        return dialog

    def open_users(self) -> UsersDialog:
        dialog = UsersDialog(self._ctx, self)
        self._keep_open(dialog)
        return dialog

    def back_up(self) -> None:
        backup_actions.back_up(self._ctx, self)
        self.refresh_backup_status()

    def restore_backup(self) -> None:
        if backup_actions.restore(self._ctx, self):
            self.reload_projects(self._ctx.project_name)
            # The restored users are not necessarily the ones that were there: whoever
            # goes on signs in against them.
            self.sign_in_again(required=True)
        self.refresh_backup_status()

    def sign_in_again(self, *, required: bool = False) -> None:
        """Ask for a sign-in (window-modal): a switch of user, or, when ``required`` (a
        sign-out, a restore), the only way to go on; cancelling that closes the window."""
        dialog = SignInDialog(self._ctx, self)
        self.sign_in_dialog = dialog

        def finished(result: int) -> None:
            self.sign_in_dialog = None
            if result == SignInDialog.DialogCode.Accepted and dialog.user is not None:
                self._ctx.actor = dialog.user.name  # every operation from now on
                self.signed_in_bar.show_user(dialog.user.name)
            elif required:
                self.close()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Anju"), self.tr(
            "<h3>安居 Anju</h3>"
            "<p>Registry, rules, verifiable lottery and on-site selection for housing "
            "offices resettling households displaced by demolition.</p>"
            "<p>Every change is recorded in a hash-chained audit log.</p>"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        settings.put(settings.WINDOW_GEOMETRY, self.saveGeometry())
        settings.put(settings.WINDOW_STATE, self.saveState())
        self.households_page.save_state()
        self.flats_page.save_state()
        super().closeEvent(event)


class SettingsDialog(QDialog):
    """The options an operator may change: the language (applies after a restart) and, for
    this computer, the witness file (at once)."""

    def __init__(self, parent: QWidget | None = None, *, log: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language_combo = QComboBox()
        for code in settings.LANGUAGES:
            self.language_combo.addItem(settings.language_label(code), code)
        current = settings.get(settings.LANGUAGE)
        self.language_combo.setCurrentIndex(self.language_combo.findData(current))
        note = QLabel(self.tr("A new language is used the next time Anju starts."))
        note.setStyleSheet("color: palette(mid);")
        self.witness_box = WitnessFileBox(log=log)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(settings.LANGUAGE.translated_label, self.language_combo)
        form.addRow("", note)
        form.addRow(self.witness_box)
        form.addRow(buttons)

    def accept(self) -> None:
        settings.put(settings.LANGUAGE, self.language_combo.currentData())
        self.witness_box.save()
        super().accept()
