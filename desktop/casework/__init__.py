"""desktop.casework: TODO face docstring."""

from desktop.casework.case_log_dialog import CaseLogDialog, open_case_log
from desktop.casework.progress_page import ProgressPage

__all__ = [
    "CaseLogDialog",
    "ProgressPage",
    "open_case_log",
]
