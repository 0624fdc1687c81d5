"""Printouts: public notices, agreements and slips as self-contained Chinese PDFs.

Documents take plain data (domain dataclasses from ``allocation`` or the
small line types defined here), never a database session, and write A4
PDFs with an embedded Chinese TrueType font. Public notices and the
statistics mask every name and ID number (``cls.public``); agreements,
slips and trace sheets are papers for the household and print its data
in full, one household per section (:class:`BatchDocument`).

Kinds (the CLI's names) map to document classes in :data:`DOCUMENTS`.
"""

from printouts.document import (
    BaseDocument,
    BatchDocument,
    DocumentInfo,
    FontNotFound,
    NumberedCanvas,
    missing_glyphs,
    register_font,
)
from printouts.notices import (
    DayNotice,
    DrawNotice,
    FlatNotice,
    HouseholdLine,
    HouseholdNotice,
    HouseholdTotals,
    PoolNotice,
    Publication,
    ResultLine,
    ResultsNotice,
    RulesNotice,
    ScheduleNotice,
    SupplyNotice,
    VoidedChoice,
    VoidFacts,
    VoidNotice,
    household_lines,
    household_totals,
    result_lines,
)
from printouts.papers import (
    Agreement,
    AgreementData,
    Appointment,
    AppointmentData,
    MoneyAgreement,
    MoneyAgreementData,
    Slip,
    SlipData,
    TraceSheet,
    TraceSheetData,
    agreement_data,
    money_agreement_data,
)
from printouts.reports import DailyReport, Statistics

DOCUMENTS: dict[str, type[BaseDocument]] = {
    HouseholdNotice.kind: HouseholdNotice,
    FlatNotice.kind: FlatNotice,
    RulesNotice.kind: RulesNotice,
    PoolNotice.kind: PoolNotice,
    DrawNotice.kind: DrawNotice,
    ResultsNotice.kind: ResultsNotice,
    DayNotice.kind: DayNotice,
    VoidNotice.kind: VoidNotice,
    ScheduleNotice.kind: ScheduleNotice,
    SupplyNotice.kind: SupplyNotice,
    Statistics.kind: Statistics,
    Agreement.kind: Agreement,
    MoneyAgreement.kind: MoneyAgreement,
    Slip.kind: Slip,
    TraceSheet.kind: TraceSheet,
    Appointment.kind: Appointment,
    DailyReport.kind: DailyReport,
}

__all__ = [
    "DOCUMENTS",
    "Agreement",
    "AgreementData",
    "Appointment",
    "AppointmentData",
    "BaseDocument",
    "BatchDocument",
    "DailyReport",
    "DayNotice",
    "DocumentInfo",
    "DrawNotice",
    "FlatNotice",
    "FontNotFound",
    "HouseholdLine",
    "HouseholdNotice",
    "HouseholdTotals",
    "MoneyAgreement",
    "MoneyAgreementData",
    "NumberedCanvas",
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
    "Slip",
    "SlipData",
    "Statistics",
    "TraceSheet",
    "TraceSheetData",
    "agreement_data",
    "household_lines",
    "household_totals",
    "missing_glyphs",
    "money_agreement_data",
    "register_font",
    "result_lines",
]
