"""The public notices (公示) posted for an objection period: the households, the flats, the
rules (分房方案), the lottery pool, the draw result with what a reader needs to check it,
the session's time table (选房时间安排表), demand against supply (选房意向及房源供需),
the selection results, the results of each session day (当日选房结果), and the void of a
selection session, with names masked and hashes printed whole."""

from printouts.notices.day_notice import (
    DayNotice,
    day_label,
    day_summary,
    taken_table,
)
from printouts.notices.draw_notice import DrawNotice
from printouts.notices.flat_notice import FlatNotice, building_label, flat_place, natural_key
from printouts.notices.household_notice import (
    HouseholdLine,
    HouseholdNotice,
    HouseholdTotals,
    household_lines,
    household_totals,
)
from printouts.notices.notice_parts import hash_box, heading
from printouts.notices.pool_notice import PoolNotice
from printouts.notices.publication import Publication
from printouts.notices.results_notice import ResultLine, ResultsNotice, result_lines
from printouts.notices.rules_notice import RulesNotice
from printouts.notices.schedule_notice import ScheduleNotice, batch_time, day_text, window_text
from printouts.notices.supply_notice import SupplyNotice, balance_text, demand_table
from printouts.notices.void_notice import VoidedChoice, VoidFacts, VoidNotice

__all__ = [
    "DayNotice",
    "DrawNotice",
    "FlatNotice",
    "HouseholdLine",
    "HouseholdNotice",
    "HouseholdTotals",
    "PoolNotice",
    "Publication",
    "ResultLine",
    "ResultsNotice",
    "RulesNotice",
    "VoidFacts",
    "VoidNotice",
    "VoidedChoice",
    "ScheduleNotice",
    "SupplyNotice",
    "balance_text",
    "batch_time",
    "building_label",
    "day_label",
    "day_summary",
    "demand_table",
    "day_text",
    "flat_place",
    "hash_box",
    "heading",
    "household_lines",
    "household_totals",
    "natural_key",
    "result_lines",
    "taken_table",
    "window_text",
]
