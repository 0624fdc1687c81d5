"""Ruled data tables for notices: a repeated header row, a light grid, numbers right-aligned.

Cells are plain strings where the text cannot wrap (codes, figures): they
are drawn directly and cost far less than a Paragraph per cell, which
matters for a 10,000-household notice. Text that may be long (group
names, layouts) goes in as a Paragraph in the ``TableCell`` style.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Final, Literal

from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from printouts.document.fonts import FONT_NAME
from printouts.document.long_table import CHUNK_ROWS, Command, LongDataTable
from printouts.document.styles import TABLE_SIZE
from printouts.document.text import escape

Align = Literal["LEFT", "CENTER", "RIGHT"]

HEADER_FILL: Final = colors.HexColor("#E4E4E4")
BAND_FILL: Final = colors.HexColor("#F2F2F2")
GRID: Final = colors.HexColor("#9A9A9A")
TOTAL_FILL: Final = colors.HexColor("#EBEBEB")
CELL_PADDING: Final = 4


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    align: Sequence[Align],
    styles: StyleSheet1,
    extra: Sequence[Command] = (),
) -> Flowable:
    """A table whose header row repeats on every page it spans.

    A table of more than :data:`~printouts.document.long_table.CHUNK_ROWS` rows is a
    :class:`~printouts.document.long_table.LongDataTable`, which prints the same but
    splits in linear time.

    Args:
        header: column titles (markup allowed, e.g. ``<br/>``); wrapped and centred.
        rows: cell values: strings (drawn as they are) or flowables.
        widths: column widths in points; they should add up to the frame width.
        align: the horizontal alignment of each column's body cells.
        styles: the stylesheet (for the header paragraphs).
        extra: more TableStyle commands (spans, total rows), applied last.
    """
    head = [_header_cell(title, width, styles) for title, width in zip(header, widths, strict=True)]
    commands = [*_base_commands(align), *extra]
    if len(rows) > CHUNK_ROWS:
        return LongDataTable(head, rows, widths, commands)
    # The stubs want lists of cells; ReportLab takes any sequence.
    table = Table([head, *rows], colWidths=list(widths), repeatRows=1)  # type: ignore[list-item]
    table.setStyle(TableStyle(commands))
    return table


def layout_table(rows: Sequence[Sequence[Any]], widths: Sequence[float | None],
                 commands: Sequence[Command] = (), **options: Any) -> Table:
    """A table that only places things side by side (charts, boxes, signature lines).

    Its cells select the printout font: ReportLab sets a cell's font before drawing it,
    whatever it holds, and its default, Helvetica, is not embedded — one empty layout
    cell would make the whole PDF depend on the reader's fonts. Edges unpadded unless
    ``commands`` say otherwise (they come after the defaults and win).
    """
    table = Table([list(row) for row in rows], colWidths=list(widths), **options)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT_NAME, TABLE_SIZE),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        *commands,
    ]))  # fmt: skip
    return table


def _header_cell(title: str, width: float, styles: StyleSheet1) -> str | Paragraph:
    """A header title: plain lines when each fits its column, else a wrapping paragraph.

    Plain strings draw the same (the table's font, centred) at a fraction of
    a Paragraph's cost, which counts in a batch of hundreds of agreements.
    """
    plain = _plain_header(title, round(width, 2))
    return Paragraph(title, styles["TableHeader"]) if plain is None else plain


@lru_cache(maxsize=512)
def _plain_header(title: str, width: float) -> str | None:
    """The title as plain lines if it has no markup but ``<br/>`` and each line fits, else None."""
    lines = title.split("<br/>")
    if "<" in title.replace("<br/>", "") or "&" in title:
        return None
    room = width - 2 * CELL_PADDING
    if any(stringWidth(line, FONT_NAME, TABLE_SIZE) > room for line in lines):
        return None
    return "\n".join(lines)


def _base_commands(align: Sequence[Align]) -> list[Command]:
    commands: list[Command] = [
        ("FONT", (0, 0), (-1, -1), FONT_NAME, TABLE_SIZE, TABLE_SIZE * 1.35),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.2),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, BAND_FILL]),
    ]
    commands += [("ALIGN", (col, 1), (col, -1), how) for col, how in enumerate(align)]
    return commands


def span_row(row: int, fill: colors.Color = TOTAL_FILL) -> list[Command]:
    """Commands that merge a body row into one left-aligned cell (a group label or subtotal)."""
    return [
        ("SPAN", (0, row), (-1, row)),
        ("ALIGN", (0, row), (-1, row), "LEFT"),
        ("BACKGROUND", (0, row), (-1, row), fill),
    ]


def total_row(row: int) -> list[Command]:
    """Commands that mark a body row as a total, kept on the page of the row above it."""
    return [
        ("BACKGROUND", (0, row), (-1, row), TOTAL_FILL),
        ("LINEABOVE", (0, row), (-1, row), 0.8, colors.black),
        ("NOSPLIT", (0, row - 1), (-1, row)),
    ]


def keep_with_next(row: int) -> list[Command]:
    """A group label row must not end a page: keep it with the row below it."""
    return [("NOSPLIT", (0, row), (-1, row + 1))]


def cell(text: str, styles: StyleSheet1, style: str = "TableCell") -> Paragraph:
    """A wrapping cell for user text (escaped here)."""
    return Paragraph(escape(text), styles[style])
