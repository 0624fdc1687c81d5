"""A project's short name (what commands and the project list use) and its title (what its
papers are headed with): one dialog to create a project and to edit both."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.registry import MAX_PROJECT_TITLE


class ProjectDialog(QDialog):
    """Name and title; OK only with a name. Empty, the title is the name on papers."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "", title: str = "",
                 editing: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Project name and title") if editing
                            else self.tr("New project"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("e.g. dh2 or 东湖二期"))
        self.title_edit = QLineEdit(title)
        self.title_edit.setMaxLength(MAX_PROJECT_TITLE)
        self.title_edit.setPlaceholderText(self.tr("e.g. 东湖片区二期安置项目"))
        self.title_edit.setMinimumWidth(360)
        form = QFormLayout()
        form.addRow(self.tr("Short name:"), self.name_edit)
        form.addRow(self.tr("Title on papers:"), self.title_edit)
        hint = QLabel(self.tr(
            "Commands and the project list use the short name (--project NAME). Every "
            "notice, agreement and slip is headed with the title, written out in Chinese; "
            "without one, with the short name."))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._enable_ok)
        self._enable_ok()

    def _enable_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.project_name()))

    def project_name(self) -> str:
        return self.name_edit.text().strip()

    def project_title(self) -> str:
        return self.title_edit.text().strip()
