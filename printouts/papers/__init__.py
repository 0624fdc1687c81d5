"""printouts.papers: TODO face docstring."""

from printouts.papers.agreement import Agreement, AgreementData, agreement_data
from printouts.papers.slip import Slip, SlipData
from printouts.papers.trace_sheet import TraceSheet, TraceSheetData

__all__ = [
    "Agreement",
    "AgreementData",
    "Slip",
    "SlipData",
    "TraceSheet",
    "TraceSheetData",
    "agreement_data",
]
