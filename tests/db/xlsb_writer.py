"""A small writer of Excel's binary workbook (.xlsb), for the tests: no writer is on PyPI.

An .xlsb is a zip like an .xlsx whose parts are BIFF12 record streams instead
of XML ([MS-XLSB] 2.1.4). A record is its type and its size, each a
variable-length integer of 7 bits a byte (the high bit says another byte
follows; a type takes at most 2 bytes, a size 4), then the data.

What is written is the least that calamine and LibreOffice open:

- xl/workbook.bin: BrtBeginBook, BrtBeginBundleShs, one BrtBundleSh per sheet
  (state, tab id, r:id, name), BrtEndBundleShs, BrtEndBook (calamine reads
  the record after BrtEndBundleShs as the end of the sheet list);
- xl/styles.bin: two cell formats, general (0) and a date (built-in number
  format 14), so that a date cell reads back as a date;
- xl/worksheets/sheetN.bin: BrtBeginSheet, BrtWsDim, BrtBeginSheetData, per
  row a BrtRowHdr then its cells (BrtCellSt inline text, BrtCellReal,
  BrtCellBool, BrtCellError, BrtFmlaError), BrtEndSheetData, the merged
  ranges (BrtBeginMergeCells, BrtMergeCell …, BrtEndMergeCells), BrtEndSheet.

Record ids and layouts from [MS-XLSB] 2.3 and 2.4 (checked against calamine's
src/xlsb, which reads them).
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

# [MS-XLSB] 2.3.2 record types.
ROW_HDR = 0x0000
CELL_ERROR = 0x0003
CELL_BOOL = 0x0004
CELL_REAL = 0x0005
CELL_ST = 0x0006
FMLA_ERROR = 0x000B
BEGIN_SHEET = 0x0081
END_SHEET = 0x0082
BEGIN_BOOK = 0x0083
END_BOOK = 0x0084
BEGIN_BUNDLE_SHS = 0x008F
END_BUNDLE_SHS = 0x0090
BEGIN_SHEET_DATA = 0x0091
END_SHEET_DATA = 0x0092
WS_DIM = 0x0094
BUNDLE_SH = 0x009C
MERGE_CELL = 0x00B0
BEGIN_MERGE_CELLS = 0x00B1
END_MERGE_CELLS = 0x00B2
XF = 0x002F
BEGIN_STYLE_SHEET = 0x0116
END_STYLE_SHEET = 0x0117
BEGIN_CELL_XFS = 0x0269
END_CELL_XFS = 0x026A

#: [MS-XLSB] 2.5.97.2 BErr: the error codes a cell holds.
ERROR_CODES = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17,
               "#NAME?": 0x1D, "#NUM!": 0x24, "#N/A": 0x2A, "#GETTING_DATA": 0x2B}

_DATE_STYLE = 1  # the second cell format of styles.bin: built-in number format 14
_EPOCH = datetime(1899, 12, 30)  # serial 0 of the 1900 date system, past its leap-year bug


@dataclass(frozen=True)
class ErrorCell:
    """An error value in a cell (#DIV/0! …); ``formula`` writes it as a formula's cached result."""

    text: str
    formula: bool = False


Sheet = tuple[str, Sequence[Sequence[Any]], Sequence[tuple[int, int, int, int]]]


def _varint(value: int, most: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            break
    assert len(out) <= most, "record type or size too large"
    return bytes(out)


def record(kind: int, data: bytes = b"") -> bytes:
    """One BIFF12 record: type (1–2 bytes), size (1–4 bytes), data."""
    return _varint(kind, 2) + _varint(len(data), 4) + data


def wide(text: str) -> bytes:
    """An XLWideString: the count of UTF-16 code units, then UTF-16LE."""
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


def _cell(column: int, value: Any) -> bytes:
    """One cell record: column, style (24 bits) and flags (8), then the value."""
    def head(style: int = 0) -> bytes:
        return struct.pack("<II", column, style)

    if isinstance(value, ErrorCell):
        code = ERROR_CODES[value.text]
        if not value.formula:
            return record(CELL_ERROR, head() + bytes([code]))
        # CellParsedFormula of =1/0: PtgInt 1, PtgInt 0, PtgDiv; no extra data.
        rgce = b"\x1e\x01\x00\x1e\x00\x00\x06"
        formula = struct.pack("<I", len(rgce)) + rgce + struct.pack("<I", 0)
        return record(FMLA_ERROR, head() + bytes([code]) + struct.pack("<H", 0) + formula)
    if isinstance(value, bool):
        return record(CELL_BOOL, head() + bytes([value]))
    if isinstance(value, datetime | date):
        moment = value if isinstance(value, datetime) else datetime(value.year, value.month,
                                                                    value.day)
        serial = (moment - _EPOCH).total_seconds() / 86400
        return record(CELL_REAL, head(_DATE_STYLE) + struct.pack("<d", serial))
    if isinstance(value, int | float):
        return record(CELL_REAL, head() + struct.pack("<d", float(value)))
    return record(CELL_ST, head() + wide(str(value)))


def sheet_part(rows: Sequence[Sequence[Any]],
               merges: Iterable[tuple[int, int, int, int]] = ()) -> bytes:
    """A worksheet's records; ``merges`` are (first row, last row, first column, last column)
    from 0."""
    used = [(r, c) for r, row in enumerate(rows) for c, v in enumerate(row) if v is not None]
    last_row = max((r for r, _ in used), default=0)
    last_column = max((c for _, c in used), default=0)
    first_row = min((r for r, _ in used), default=0)
    first_column = min((c for _, c in used), default=0)
    out = [record(BEGIN_SHEET),
           record(WS_DIM, struct.pack("<IIII", first_row, last_row, first_column, last_column)),
           record(BEGIN_SHEET_DATA)]
    for r, row in enumerate(rows):
        cells = [_cell(c, v) for c, v in enumerate(row) if v is not None]
        if cells:
            # rw, ixfe, miyRw (height in twips), two flag fields, ccolspan 0.
            out.append(record(ROW_HDR, struct.pack("<IIHHBI", r, 0, 300, 0, 0, 0)))
            out.extend(cells)
    out.append(record(END_SHEET_DATA))
    merges = list(merges)
    if merges:
        out.append(record(BEGIN_MERGE_CELLS, struct.pack("<I", len(merges))))
        out.extend(record(MERGE_CELL, struct.pack("<IIII", *m)) for m in merges)
        out.append(record(END_MERGE_CELLS))
    out.append(record(END_SHEET))
    return b"".join(out)


def _styles() -> bytes:
    def xf(number_format: int) -> bytes:
        # ixfeParent (none), iFmt, iFont, iFill, ixBorder, trot, indent, flags, grbitAtr.
        return record(XF, struct.pack("<HHHHHBBHH", 0xFFFF, number_format, 0, 0, 0, 0, 0, 0, 0))

    return b"".join([record(BEGIN_STYLE_SHEET),
                     record(BEGIN_CELL_XFS, struct.pack("<I", 2)), xf(0), xf(14),
                     record(END_CELL_XFS), record(END_STYLE_SHEET)])


def _workbook(titles: Sequence[str]) -> bytes:
    sheets = [record(BUNDLE_SH, struct.pack("<II", 0, i + 1) + wide(f"rId{i + 1}") + wide(t))
              for i, t in enumerate(titles)]
    return b"".join([record(BEGIN_BOOK), record(BEGIN_BUNDLE_SHS), *sheets,
                     record(END_BUNDLE_SHS), record(END_BOOK)])


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"


def _content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.bin" '
        f'ContentType="application/vnd.ms-excel.worksheet"/>' for i in range(1, count + 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Types xmlns="{_PKG}/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.bin" '
            'ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
            '<Override PartName="/xl/styles.bin" ContentType="application/vnd.ms-excel.styles"/>'
            f"{sheets}</Types>")


def _relationships(targets: Iterable[tuple[str, str, str]]) -> str:
    items = "".join(f'<Relationship Id="{i}" Type="{_REL}/{kind}" Target="{target}"/>'
                    for i, kind, target in targets)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG}/relationships">{items}</Relationships>')


def write_xlsb(target: Path, sheets: Sequence[Sheet]) -> Path:
    """An .xlsb of ``sheets``: (title, rows of values, merges); a None value is no cell.

    Values: text, bool, int/float, date/datetime (as a date-formatted number), ErrorCell.
    """
    count = len(sheets)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _content_types(count))
        book.writestr("_rels/.rels", _relationships(
            [("rId1", "officeDocument", "xl/workbook.bin")]))
        book.writestr("xl/_rels/workbook.bin.rels", _relationships(
            [*((f"rId{i}", "worksheet", f"worksheets/sheet{i}.bin") for i in range(1, count + 1)),
             (f"rId{count + 1}", "styles", "styles.bin")]))
        book.writestr("xl/workbook.bin", _workbook([title for title, _, _ in sheets]))
        book.writestr("xl/styles.bin", _styles())
        for i, (_, rows, merges) in enumerate(sheets, start=1):
            book.writestr(f"xl/worksheets/sheet{i}.bin", sheet_part(rows, merges))
    return target
