"""Where this computer witnesses the chain head of each irreversible act (issue 18).

Freezing the rules, the pool, the draw, opening and closing the session and a
restore each append the chain head to the witness file, which the database does
not hold (db/admin/witness.py). By default it lies beside the automatic backups;
an office puts it on removable media or a write-once share instead, here: the
choice is remembered on this computer (the settings file) and handed to db/admin
when Anju starts (the window and every `anju` command). ``$ANJU_WITNESS_FILE``
still comes first, for one run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allocation.errors import AnjuError
from db.admin import (
    WitnessLine,
    choose_witness_file,
    default_witness_file,
    lines_of_chain,
    read_witness,
    witness_file,
    witness_from_environment,
)
from desktop import common as settings
from desktop.common import save_file_name
from desktop.i18n import act_words, describe_error


def remembered_witness_file() -> Path | None:
    """The witness file chosen on this computer (None: the default place)."""
    chosen = settings.get(settings.WITNESS_FILE).strip()
    return Path(chosen) if chosen else None


def use_remembered_witness_file() -> None:
    """Hand this computer's choice to db/admin: what Anju does first when it starts."""
    choose_witness_file(remembered_witness_file())


def remember_witness_file(path: Path | None) -> None:
    """Remember ``path`` on this computer (None: the default place) and witness there now."""
    settings.put(settings.WITNESS_FILE, "" if path is None else str(path))
    choose_witness_file(path)


def witnessed_text(path: Path, log: str | None = None) -> str:
    """The newest line of the witness file in words: when, which act, the full head.

    One file serves every database of a computer (the demo, a training copy, the
    office's own), so where the open database's chain is named (``log``, from
    ``db.audit.chain_log``) the line shown is its own newest, not whichever
    database witnessed last.
    """
    try:
        lines = read_witness(path) if path.exists() else []
    except AnjuError as error:
        return describe_error(error)
    own = lines if log is None else lines_of_chain(lines, log)
    if not own:
        if lines:
            return QCoreApplication.translate(
                "Witness", "Nothing of this database witnessed in this file yet "
                "({count} lines of other databases).").format(count=len(lines))
        return QCoreApplication.translate("Witness", "Nothing witnessed in this file yet.")
    return _line_text(own[-1])


def _line_text(line: WitnessLine) -> str:
    local = line.at.astimezone()
    return QCoreApplication.translate(
        "Witness", "Last witnessed {when} ({act}): head {head}, {count} events").format(
        when=local.strftime("%Y-%m-%d %H:%M"), act=act_words(line.act),
        head=line.anchor.head,
        count="?" if line.anchor.count is None else line.anchor.count)


class WitnessFileBox(QGroupBox):
    """The witness file in the Settings dialog: where it is, what it last witnessed, and
    a choice of another place; saved with the dialog's OK (:meth:`save`)."""

    def __init__(self, parent: QWidget | None = None, *, log: str | None = None) -> None:
        super().__init__(self.tr("Witness file"), parent)
        self.log = log  # the open database's chain: its own lines are the ones shown
        self.path_edit = QLineEdit(str(remembered_witness_file() or ""))
        self.path_edit.setPlaceholderText(str(default_witness_file()))
        self.path_edit.setToolTip(self.tr(
            "Empty: beside the automatic backups. Choose a file on a USB stick or a "
            "write-once share to keep the heads where the database is not."))
        self.path_edit.textChanged.connect(self._show_last)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose)
        self.default_button = QPushButton(self.tr("Default"))
        self.default_button.clicked.connect(self.path_edit.clear)
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.last_label.setMinimumWidth(460)
        self.last_label.setStyleSheet("color: palette(mid);")
        note = QLabel(self.tr(
            "Each irreversible act (freezing the rules, the pool, the draw, opening and "
            "closing the session, a restore) appends the audit chain's head here. Kept "
            "outside the database, it proves later that the record was not rewritten "
            "(anju audit verify --witness)."))
        note.setWordWrap(True)
        self.environment_label = QLabel(self.tr(
            "ANJU_WITNESS_FILE is set: this run witnesses into {path}; the choice here is "
            "used when it is not set.").format(path=witness_file()))
        self.environment_label.setWordWrap(True)
        self.environment_label.setVisible(witness_from_environment())
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.default_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.last_label)
        layout.addWidget(self.environment_label)
        self._show_last()

    def chosen(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def shown_file(self) -> Path:
        """The file whose last line is shown: the chosen one, or the default place."""
        return self.chosen() or default_witness_file()

    def choose(self) -> None:
        chosen, _ = save_file_name(
            self, self.tr("Witness file"), str(self.shown_file()),
            self.tr("Witness files (*.log);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)  # appended to, never replaced
        if chosen:
            self.path_edit.setText(chosen)

    def save(self) -> None:
        remember_witness_file(self.chosen())

    def _show_last(self) -> None:
        self.last_label.setText(witnessed_text(self.shown_file(), self.log))
