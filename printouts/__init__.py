"""Printouts: public notices, agreements and slips as self-contained Chinese PDFs.

Documents take plain data (domain dataclasses from ``allocation`` or the
small line types defined here), never a database session, and write A4
PDFs with an embedded Chinese TrueType font. Public notices mask every
name and ID number.

Kinds (the CLI's names) map to document classes in :data:`DOCUMENTS`.
"""

from printouts.base import BaseDocument, DocumentInfo, NumberedCanvas
from printouts.draw_notice import DrawNotice
from printouts.flat_notice import FlatNotice
from printouts.fonts import FontNotFound, missing_glyphs, register_font
from printouts.household_notice import (
    HouseholdLine,
    HouseholdNotice,
    HouseholdTotals,
    household_lines,
    household_totals,
)
from printouts.pool_notice import PoolNotice
from printouts.publication import Publication
from printouts.rules_notice import RulesNotice

DOCUMENTS: dict[str, type[BaseDocument]] = {
    HouseholdNotice.kind: HouseholdNotice,
    FlatNotice.kind: FlatNotice,
    RulesNotice.kind: RulesNotice,
    PoolNotice.kind: PoolNotice,
    DrawNotice.kind: DrawNotice,
}

__all__ = [
    "DOCUMENTS",
    "BaseDocument",
    "DocumentInfo",
    "DrawNotice",
    "FlatNotice",
    "FontNotFound",
    "HouseholdLine",
    "HouseholdNotice",
    "HouseholdTotals",
    "NumberedCanvas",
    "PoolNotice",
    "Publication",
    "RulesNotice",
    "household_lines",
    "household_totals",
    "missing_glyphs",
    "register_font",
]
