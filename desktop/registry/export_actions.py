"""Exporting households or flats to Excel, and saving blank import templates."""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.common import KINDS, AppContext, ask_save_path, remember_folder, translated
from desktop.i18n import show_error


def export_to(ctx: AppContext, kind: str, parent: QWidget | None) -> Future[int] | None:
    """Ask where to save, then export ``kind`` of the current project in the background."""
    spec, project_id = KINDS[kind], ctx.project_id
    if project_id is None:
        return None
    name = f"{ctx.project_name or 'anju'}-{translated(spec.file_name)}.xlsx"
    title = QCoreApplication.translate("ImportDialog", "Export to Excel")
    path = ask_save_path(parent, title, name)
    if path is None:
        return None
    remember_folder(path)
    label = QCoreApplication.translate("ImportDialog", "Exporting…")
    busy = QProgressDialog(label, "", 0, 0, parent)
    busy.setCancelButton(None)  # a half-written export is of no use; it is quick anyway
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)

    def done(count: int) -> None:
        busy.close()
        text = translated(spec.exported).format(count=count, path=path)
        QMessageBox.information(parent, title, text)

    def failed(error: BaseException) -> None:
        busy.close()
        show_error(parent, error)

    return ctx.op(lambda s: spec.export_file(s, project_id=project_id, path=path),
                  read_only=True).success(done).failure(failed).run_in_background()


def save_template(ctx: AppContext, kind: str, parent: QWidget | None) -> str | None:
    """Ask where to save, then write a blank import template with its 说明 sheet."""
    del ctx  # the template does not depend on the project; kept for a uniform call
    spec = KINDS[kind]
    name = QCoreApplication.translate("ImportDialog", "{kind} import template").format(
        kind=translated(spec.file_name)) + ".xlsx"
    title = QCoreApplication.translate("ImportDialog", "Save a blank template")
    path = ask_save_path(parent, title, name)
    if path is None:
        return None
    try:
        spec.write_template(path)
    except OSError as error:
        show_error(parent, error)
        return None
    remember_folder(path)
    saved = QCoreApplication.translate("ImportDialog", "Template saved to\n{path}")
    QMessageBox.information(parent, title, saved.format(path=path))
    return path
