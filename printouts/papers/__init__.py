"""The papers a household signs, printed in batches: the property-exchange agreement
(安置协议书, by area or by value), the money compensation agreement (货币补偿协议), the
confirmation slip from the selection desk (选房确认书), the trace sheet (分户明细)
explaining its entitlement, group, order number and price, and the appointment notice
(选房通知书) telling it when and where to choose, and its chances sheet (选房机会估算单)."""

from printouts.papers.agreement import Agreement, AgreementData, agreement_data
from printouts.papers.appointment import Appointment, AppointmentData
from printouts.papers.chances_sheet import ChancesSheet, ChancesSheetData
from printouts.papers.money_agreement import (
    MoneyAgreement,
    MoneyAgreementData,
    money_agreement_data,
)
from printouts.papers.slip import Slip, SlipData
from printouts.papers.trace_sheet import TraceSheet, TraceSheetData

__all__ = [
    "Agreement",
    "AgreementData",
    "Appointment",
    "AppointmentData",
    "ChancesSheet",
    "ChancesSheetData",
    "MoneyAgreement",
    "MoneyAgreementData",
    "Slip",
    "SlipData",
    "TraceSheet",
    "TraceSheetData",
    "agreement_data",
    "money_agreement_data",
]
