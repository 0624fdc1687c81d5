"""What calamine leaves out of the binary formats: error cells of .xls and .xlsb, .xlsb's merges.

calamine reads an error cell (#DIV/0!, #N/A …, typed or a formula's cached
result) as a blank, and python-calamine gives no merged ranges for an .xlsb.
A blank where the office's sheet shows #REF! would be reported as a missing
value, or pass unnoticed in an optional column; a merged 户号 would read as
two rows without one. So the records are walked here, once per sheet read:

- .xls ([MS-XLS]): an OLE2 compound file ([MS-CFB]) holding the Workbook
  stream of BIFF8 records; BoundSheet8 gives each sheet's offset, BoolErr
  (typed errors) and Formula (a cached error result) the cells. The walk is
  skipped when no record of either kind can be in the sheet (a byte search,
  in C), which is the usual file.
- .xlsb ([MS-XLSB]): BIFF12 records (type and size of variable length) in a
  zip; BrtBundleSh names each sheet's part, BrtRowHdr the row, BrtCellError
  and BrtFmlaError the cells, BrtMergeCell the merged ranges.

Coordinates are (row, column) from 0, as in the sheet (not from its first
used cell). A damaged stream raises ValueError (struct.error and IndexError
included), which the caller reports as an unreadable file.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable

#: [MS-XLS] 2.5.10 / [MS-XLSB] 2.5.97.2 BErr: the byte an error cell holds → what Excel shows.
ERROR_TEXTS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
               0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}

ErrorCells = dict[tuple[int, int], str]
#: (first row, last row, first column, last column), from 0.
Merge = tuple[int, int, int, int]

_U16 = struct.Struct("<H")
_U32 = struct.Struct("<I")
_RECORD = struct.Struct("<HH")

# ---------------------------------------------------------------------------
# .xls: the Workbook stream of an OLE2 compound file
# ---------------------------------------------------------------------------

_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
_BOF, _EOF, _BOUNDSHEET, _FILEPASS = 0x0809, 0x000A, 0x0085, 0x002F
_BOOLERR, _FORMULA = 0x0205, 0x0006
_CODES = b"[" + re.escape(bytes(ERROR_TEXTS)) + b"]"
# A BoolErr record holding an error: type, size 8, row, column, XF, code, fError=1.
_BOOLERR_ERROR = re.compile(rb"\x05\x02\x08\x00[\s\S]{6}" + _CODES + rb"\x01", re.S)
# A Formula record whose cached result is an error: byte 0 is 2, bytes 6–7 are FF FF.
_FORMULA_ERROR = re.compile(rb"\x06\x00[\s\S]{8}\x02[\s\S]" + _CODES + rb"[\s\S]{3}\xff\xff", re.S)


def workbook_stream(data: bytes) -> bytes | None:
    """The Workbook stream of an .xls, out of its compound file's sectors ([MS-CFB] 2).

    None for an Excel 5/95 file (its stream is "Book"): calamine reads it, but
    its error cells are not looked for (BIFF5 is older than any office's files).
    """
    sector_size = 1 << _U16.unpack_from(data, 0x1E)[0]
    mini_size = 1 << _U16.unpack_from(data, 0x20)[0]
    first_directory, = _U32.unpack_from(data, 0x30)
    cutoff, first_mini_fat, = _U32.unpack_from(data, 0x38)[0], _U32.unpack_from(data, 0x3C)[0]
    first_difat, difat_count = _U32.unpack_from(data, 0x44)[0], _U32.unpack_from(data, 0x48)[0]
    per_sector = sector_size // 4

    def sector(index: int) -> bytes:
        start = (index + 1) * sector_size
        if start >= len(data):
            raise ValueError(f"sector {index} is outside the file")
        return data[start:start + sector_size]

    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    next_difat = first_difat
    for _ in range(min(difat_count, len(data) // sector_size)):  # a damaged count ends too
        entries = struct.unpack(f"<{per_sector}I", sector(next_difat))
        fat_sectors.extend(entries[:-1])
        next_difat = entries[-1]
    fat: list[int] = []
    for index in fat_sectors:
        if index != _FREE:
            fat.extend(struct.unpack(f"<{per_sector}I", sector(index)))

    def chain(first: int, table: list[int], read: Callable[[int], bytes]) -> bytes:
        parts, index, seen = [], first, 0
        while index != _END_OF_CHAIN:
            parts.append(read(index))
            index = table[index]
            seen += 1
            if seen > len(table):
                raise ValueError("a sector chain loops")
        return b"".join(parts)

    directory = chain(first_directory, fat, sector)
    records = [directory[i:i + 128] for i in range(0, len(directory) - 127, 128)]
    root = records[0]
    for entry in records:
        length = _U16.unpack_from(entry, 64)[0]
        if entry[:max(length - 2, 0)].decode("utf-16-le", "replace") == "Workbook":
            break
    else:
        return None
    start, size = _U32.unpack_from(entry, 116)[0], _U32.unpack_from(entry, 120)[0]
    if size >= cutoff:
        return chain(start, fat, sector)[:size]
    # A small stream lives in the mini stream (the root entry's data), in 64-byte sectors.
    mini_fat_bytes = chain(first_mini_fat, fat, sector) if first_mini_fat != _END_OF_CHAIN else b""
    mini_fat = list(struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes))
    mini_stream = chain(_U32.unpack_from(root, 116)[0], fat, sector)
    return chain(start, mini_fat,
                 lambda i: mini_stream[i * mini_size:(i + 1) * mini_size])[:size]


def xls_sheet_offsets(stream: bytes) -> dict[str, int]:
    """Sheet name → the offset of its BOF in the Workbook stream (BoundSheet8, [MS-XLS] 2.4.28).

    Empty when the workbook is encrypted (FilePass): its records cannot be read.
    """
    offsets: dict[str, int] = {}
    position = 0
    while position + 4 <= len(stream):
        kind, size = _RECORD.unpack_from(stream, position)
        body = position + 4
        if kind == _FILEPASS:
            return {}
        if kind == _BOUNDSHEET:
            offset, = _U32.unpack_from(stream, body)
            count, wide = stream[body + 6], stream[body + 7] & 1
            text = stream[body + 8:body + 8 + count * (2 if wide else 1)]
            offsets[text.decode("utf-16-le" if wide else "latin-1")] = offset
        if kind == _EOF:
            break
        position = body + size
    return offsets


def xls_error_cells(stream: bytes, offset: int, end: int) -> ErrorCells:
    """Error cells of the sheet whose substream begins at ``offset`` (and ends by ``end``)."""
    if not (_BOOLERR_ERROR.search(stream, offset, end)
            or _FORMULA_ERROR.search(stream, offset, end)):
        return {}
    found: ErrorCells = {}
    position, first = offset, True
    while position + 4 <= len(stream):
        kind, size = _RECORD.unpack_from(stream, position)
        body = position + 4
        if first and kind != _BOF:
            raise ValueError(f"no BOF at the sheet's offset {offset}")
        first = False
        if kind == _EOF:
            break
        if kind == _BOOLERR and stream[body + 7] == 1:
            _found(found, stream, body, stream[body + 6])
        elif (kind == _FORMULA and stream[body + 6] == 2
              and stream[body + 12:body + 14] == b"\xff\xff"):
            _found(found, stream, body, stream[body + 8])
        position = body + size
    return found


def _found(found: ErrorCells, stream: bytes, body: int, code: int) -> None:
    row, column = _U16.unpack_from(stream, body)[0], _U16.unpack_from(stream, body + 2)[0]
    if code in ERROR_TEXTS:
        found[(row, column)] = ERROR_TEXTS[code]


# ---------------------------------------------------------------------------
# .xlsb: BIFF12 records
# ---------------------------------------------------------------------------

_ROW_HDR, _CELL_ERROR, _FMLA_ERROR = 0x0000, 0x0003, 0x000B
# The cell records, BrtCellBlank (0x01) to BrtFmlaError (0x0B); BrtEndSheetData ends the last row.
_CELL_BLANK, _LAST_CELL, _END_SHEET_DATA = 0x0001, 0x000B, 0x0092
_BUNDLE_SH, _END_BUNDLE_SHS, _MERGE_CELL, _END_SHEET = 0x009C, 0x0090, 0x00B0, 0x0082


def _header(data: bytes, position: int) -> tuple[int, int, int]:
    """(type, size, data start) of the record at ``position``: 1–2 bytes of type, 1–4 of size."""
    kind = data[position]
    position += 1
    if kind & 0x80:
        kind = (kind & 0x7F) | (data[position] & 0x7F) << 7
        position += 1
    size = data[position]
    position += 1
    if size & 0x80:
        size &= 0x7F
        for shift in (7, 14, 21):
            byte = data[position]
            position += 1
            size |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
    return kind, size, position


def _biff12(data: bytes, wanted: frozenset[int], stop: int) -> list[tuple[int, int, int]]:
    """(type, data start, data end) of the records of the ``wanted`` types, up to ``stop``."""
    out = []
    position, length = 0, len(data)
    while position < length:
        kind, size, position = _header(data, position)
        if kind in wanted:
            out.append((kind, position, position + size))
        elif kind == stop:
            break
        position += size
    if position > length:
        raise ValueError("a record runs past the end of its part")
    return out


def xlsb_sheet_relations(workbook: bytes) -> dict[str, str]:
    """Sheet name → its relationship id, from xl/workbook.bin's BrtBundleSh ([MS-XLSB] 2.4.304)."""
    relations: dict[str, str] = {}
    for _, start, end in _biff12(workbook, frozenset({_BUNDLE_SH}), _END_BUNDLE_SHS):
        count, = _U32.unpack_from(workbook, start + 8)
        if count == 0xFFFFFFFF:  # no relationship: not a sheet this file holds
            continue
        name_at = start + 12 + 2 * count
        relation = workbook[start + 12:name_at].decode("utf-16-le")
        length, = _U32.unpack_from(workbook, name_at)
        if name_at + 4 + 2 * length > end:
            raise ValueError("a sheet name runs past its record")
        relations[workbook[name_at + 4:name_at + 4 + 2 * length].decode("utf-16-le")] = relation
    return relations


def xlsb_extras(sheet: bytes) -> tuple[ErrorCells, list[Merge], tuple[int, int]]:
    """Error cells, merged ranges and the farthest cell (row, column) of one worksheet part.

    Every record is stepped over (a cell names only its column: the row is the last
    BrtRowHdr's), about 1.5 times calamine's own read of the sheet; the usual record, a type
    and a size of one byte each, takes the short path. The farthest cell is the end of the
    range calamine will allocate (db.excel.book checks it first): a row's cells come in
    column order, so its last cell record gives its widest column. A blank cell
    (BrtCellBlank, formatting only) is not counted, as calamine does not keep it.
    """
    errors: ErrorCells = {}
    merges: list[Merge] = []
    row_at = -1  # where the last row header's data starts
    cell_at = -1  # where the row's last cell's data starts
    last_row = last_column = 0
    position, length = 0, len(sheet)
    while position < length:
        kind, size = sheet[position], sheet[position + 1]
        if kind < 0x80 and size < 0x80:
            position += 2
        else:
            kind, size, position = _header(sheet, position)
        if _CELL_BLANK < kind <= _LAST_CELL:
            cell_at = position
            if kind in (_CELL_ERROR, _FMLA_ERROR):
                code = sheet[position + 8]  # after the column and the style
                if code in ERROR_TEXTS:
                    row = _U32.unpack_from(sheet, row_at)[0] if row_at >= 0 else 0
                    errors[(row, _U32.unpack_from(sheet, position)[0])] = ERROR_TEXTS[code]
        elif kind in (_ROW_HDR, _END_SHEET_DATA):
            if cell_at >= 0:  # the row before had cells: its end
                last_column = max(last_column, _U32.unpack_from(sheet, cell_at)[0])
                if row_at >= 0:
                    last_row = max(last_row, _U32.unpack_from(sheet, row_at)[0])
            row_at, cell_at = position, -1
        elif kind == _MERGE_CELL:
            first, last, left, right = struct.unpack_from("<IIII", sheet, position)
            merges.append((first, last, left, right))
        elif kind == _END_SHEET:
            break
        position += size
    if position > length:
        raise ValueError("a record runs past the end of its part")
    return errors, merges, (last_row, last_column)
