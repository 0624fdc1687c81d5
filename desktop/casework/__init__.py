"""The casework in the desktop app: the Progress page (进度) with the daily report by team,
every household's progress and the requests waiting for an answer; a household's case
log (一户一档) with its visits, requests, special cases, notes and files; teams and staff."""

from desktop.casework.case_log_dialog import CaseLogDialog, open_case_log
from desktop.casework.labels import label as casework_label
from desktop.casework.progress_page import ProgressPage

__all__ = [
    "CaseLogDialog",
    "ProgressPage",
    "casework_label",
    "open_case_log",
]
