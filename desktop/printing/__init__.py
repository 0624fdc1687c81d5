"""Printing in the desktop app: the Printouts page (打印) and its objections tab, the PDF
preview, and the print jobs behind them — prepare a document's data from the database,
render it with printouts/ (the session plan's schedule and appointment notices too), save
it atomically or send it to a printer, one household at a time for batches with progress
and cancel — and the daily report."""

from db.papers import NOT_CHOSEN, Skipped
from desktop.printing.daily_report import write_daily_report, write_demo_report
from desktop.printing.data import DEFAULT_OFFICE, DEFAULT_PAYMENT_TERM
from desktop.printing.documents import (
    ALL_KINDS,
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
from desktop.printing.plan_papers import (
    DEFAULT_MINUTES,
    DEFAULT_VENUE,
    PLAN_KINDS,
    PlanRequest,
    request_specs,
)
from desktop.printing.printouts_page import PrintoutsPage

__all__ = [
    "ALL_KINDS",
    "BATCH_KINDS",
    "DEFAULT_OFFICE",
    "DEFAULT_MINUTES",
    "DEFAULT_PAYMENT_TERM",
    "DEFAULT_VENUE",
    "KINDS",
    "NOT_CHOSEN",
    "PLAN_KINDS",
    "PdfPreview",
    "PlanRequest",
    "request_specs",
    "PrintRequest",
    "Printed",
    "PrintoutsPage",
    "Skipped",
    "prepare",
    "print_split",
    "print_to",
    "render",
    "write_atomically",
    "write_daily_report",
    "write_demo_report",
]
