"""The confirmation slip (选房确认书) printed at the desk once a selection is committed.

The slip is always written as a PDF to the slips folder first (so a printer
jam or a missing printer never loses it), then handed to a printer callback:
by default the system's print dialog when a printer is configured, nothing
otherwise. The desk takes the callback as a parameter, so tests and
printer-less workstations need no printer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from allocation.errors import ConflictError
from db.store import data_dir
from desktop import printing
from desktop.printing import PrintRequest
from printouts import Slip

_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True, slots=True)
class SlipFile:
    """A slip written to disk: where, its number, and the household."""

    path: Path
    number: str
    code: str
    pages: int
    missing: str  # characters the font lacks (they print blank)


class SlipPrinted(Enum):
    """What became of a written slip at the printer, so that the desk can say it."""

    PRINTED = "printed"
    NO_PRINTER = "no_printer"  # this computer has no printer set up: nothing was sent
    CANCELLED = "cancelled"  # the operator closed the print dialog
    FAILED = "failed"  # the printer could not be opened


#: Called with each slip written; returns what became of it (None: handed on, no word).
SlipPrinter = Callable[[SlipFile], "SlipPrinted | None"]


def default_folder(project: str) -> Path:
    """Where the desk writes slips unless told otherwise: <data folder>/slips/<project>."""
    return data_dir() / "slips" / (_UNSAFE.sub("_", project) or "project")


def write_slip(session: Session, *, project: str, code: str, folder: Path,
               actor: str) -> SlipFile:
    """Build, render and write household ``code``'s slip (read-only in ``session``).

    The file is named by the slip's number, which is one per confirmation,
    so a household that chose again after a revocation gets a second file
    and the void one stays.

    Raises:
        NotFoundError: ``household_has_no_selection`` and the other errors of
            :func:`desktop.printing.prepare`.
        ConflictError: ``slip_price_changed`` — the household's data changed
            since the confirmation, so the slip would not match it.
    """
    request = PrintRequest(Slip.kind, project, date.today(), household=code, actor=actor)
    prepared = printing.prepare(session, request)
    if not prepared.items:
        detail = "; ".join(s.detail for s in prepared.skipped if s.code == code)
        raise ConflictError("slip_price_changed", household=code, detail=detail)
    rendered = printing.render(prepared)
    number = prepared.items[0].number
    path = folder / f"{_UNSAFE.sub('_', number)}-{_UNSAFE.sub('_', code)}.pdf"
    printing.write_atomically(path, rendered.pdf)
    return SlipFile(path, number, code, rendered.pages, rendered.missing)


def paper_printer(parent: QWidget | None) -> SlipPrinter:
    """Print a written slip through the system's print dialog, if a printer is configured."""
    def send(slip: SlipFile) -> SlipPrinted:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

        if not QPrinterInfo.availablePrinters():
            return SlipPrinted.NO_PRINTER
        from desktop.printing import PdfPreview

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return SlipPrinted.CANCELLED
        preview = PdfPreview()
        try:
            preview.set_pdf(slip.path.read_bytes())
            return SlipPrinted.PRINTED if preview.print_to(printer) > 0 else SlipPrinted.FAILED
        finally:
            preview.deleteLater()
    return send
