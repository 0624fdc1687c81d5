"""printouts.reports: TODO face docstring."""

from printouts.reports.daily_report import OFFICE, DailyReport
from printouts.reports.statistics import Statistics

__all__ = [
    "DailyReport",
    "OFFICE",
    "Statistics",
]
