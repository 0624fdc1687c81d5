"""The office's reports: the daily progress report by team (征收安置工作日通报) and the
public statistics table (安置统计表), which prints counts and sums only."""

from printouts.reports.daily_report import OFFICE, DailyReport
from printouts.reports.statistics import Statistics

__all__ = [
    "DailyReport",
    "OFFICE",
    "Statistics",
]
