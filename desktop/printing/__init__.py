"""Printing in the desktop app: the Printouts page (打印) and its objections tab, the PDF
preview, and the print jobs behind them — prepare a document's data from the database,
render it with printouts/, save it atomically or send it to a printer, one household at
a time for batches with progress and cancel — the daily report, and the notice of a
voided selection session."""

from db.papers import NOT_CHOSEN, Skipped
from desktop.printing.daily_report import write_daily_report, write_demo_report
from desktop.printing.data import DEFAULT_OFFICE, DEFAULT_PAYMENT_TERM
from desktop.printing.documents import (
    BATCH_KINDS,
    KINDS,
    Printed,
    PrintRequest,
    prepare,
    print_split,
    print_to,
    render,
    write_atomically,
)
from desktop.printing.pdf_preview import PdfPreview
from desktop.printing.printouts_page import PrintoutsPage
from desktop.printing.void_notice import void_session_notice

__all__ = [
    "BATCH_KINDS",
    "DEFAULT_OFFICE",
    "DEFAULT_PAYMENT_TERM",
    "KINDS",
    "NOT_CHOSEN",
    "PdfPreview",
    "PrintRequest",
    "Printed",
    "PrintoutsPage",
    "Skipped",
    "prepare",
    "print_split",
    "print_to",
    "render",
    "void_session_notice",
    "write_atomically",
    "write_daily_report",
    "write_demo_report",
]
