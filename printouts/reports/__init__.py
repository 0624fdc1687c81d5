"""The office's reports: the daily progress report by team (征收安置工作日通报) and the
public statistics table (安置统计表), which prints counts and sums only, and the internal
table of supply and demand (人房供需情况分析表)."""

from printouts.reports.daily_report import OFFICE, DailyReport
from printouts.reports.statistics import Statistics
from printouts.reports.supply_report import SupplyReport

__all__ = [
    "DailyReport",
    "OFFICE",
    "Statistics",
    "SupplyReport",
]
