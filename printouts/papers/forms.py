"""Parts of the papers a household signs: labelled fields, amounts in capitals, signature boxes.

Agreements, confirmation slips and trace sheets print one household's data
in labelled boxes (户主 | 张三 | 公民身份号码 | 4201…). Money is stated in
capitals first and figures after (人民币壹拾贰万叁仟肆佰元整（¥123,400.00）):
the capitals are what a contract is read by, the figures are for checking.
Each paper ends with boxes where the parties sign, seal and press a
fingerprint (捺印).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from allocation.money import yuan_in_capitals
from allocation.rules import PriceLine
from printouts.document import (
    FONT_NAME,
    GRID,
    HEADER_FILL,
    TABLE_SIZE,
    Command,
    clean,
    escape,
    layout_table,
    money,
)

LABEL_WIDTH: Final = 27 * mm
PADDING: Final = 4
FINGERPRINT_SIZE: Final = 17 * mm
DATE_LINE: Final = "日期：______年____月____日"
#: How each price line's segment reads (tiers are numbered from 1).
SEGMENT_ZH: Final = {"within": "安置面积内", "beyond_cap": "超出购买上限", "refund": "面积不足退还",
                     "round_up": "就近上靠", "bonus": "单套奖励"}


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled value; ``wide`` takes a whole row (addresses, long names)."""

    label: str
    value: str | Flowable
    wide: bool = False


@dataclass(frozen=True, slots=True)
class Party:
    """One signature box: who signs, the lines under the title, and a fingerprint box or not."""

    title: str
    lines: tuple[str, ...] = ("签字：", DATE_LINE)
    fingerprint: bool = False


def amount_words(value: Decimal) -> str:
    """``人民币壹拾贰万叁仟肆佰元整（¥123,400.00）`` of the absolute value.

    Capitals have no minus sign: the sentence around them says who pays.
    """
    amount = abs(Decimal(value))
    return f"{yuan_in_capitals(amount)}（¥{money(amount)}）"


def segment_text(line: PriceLine) -> str:
    """安置面积内 / 超出安置面积第2档 / 超出购买上限 / 面积不足退还 / 就近上靠 / 单套奖励."""
    if line.code == "tier" and line.tier is not None:
        return f"超出安置面积第{line.tier + 1}档"
    return SEGMENT_ZH.get(line.code, line.code)


def field_table(
    fields: Sequence[Field], width: float, styles: StyleSheet1, *, columns: int = 2
) -> Table:
    """Label | value pairs, ``columns`` pairs a row, boxed; labels shaded.

    Text values are wrapping paragraphs (escaped here); a row left short is
    closed by widening its last value.
    """
    value_width = (width - columns * LABEL_WIDTH) / columns
    rows: list[list[object]] = []
    spans: list[Command] = []
    row: list[object] = []
    for item in fields:
        if item.wide and row:
            _close_row(rows, spans, row, columns)
            row = []
        room = (width - columns * LABEL_WIDTH if item.wide else value_width) - 2 * PADDING
        row += [item.label, _value(item.value, room, styles)]
        if item.wide or len(row) == 2 * columns:
            _close_row(rows, spans, row, columns)
            row = []
    if row:
        _close_row(rows, spans, row, columns)
    table = Table(rows, colWidths=[LABEL_WIDTH, value_width] * columns)
    table.setStyle(TableStyle([*_box_commands(), *spans]))
    return table


def _value(value: str | Flowable, room: float, styles: StyleSheet1) -> object:
    """A value as plain text when it fits on one line (cheap), else a wrapping paragraph."""
    if not isinstance(value, str):
        return value
    text = clean(value)
    if stringWidth(text, FONT_NAME, TABLE_SIZE) <= room:
        return text
    return Paragraph(escape(text), styles["TableCell"])


def _close_row(
    rows: list[list[object]], spans: list[Command], row: list[object], columns: int
) -> None:
    filled, number = len(row), len(rows)
    # Shade each label cell itself: a whole-column background would show through a span.
    spans += [("BACKGROUND", (c, number), (c, number), HEADER_FILL) for c in range(0, filled, 2)]
    if filled < 2 * columns:
        spans.append(("SPAN", (filled - 1, number), (2 * columns - 1, number)))
        row = row + [""] * (2 * columns - filled)
    rows.append(row)


def _box_commands() -> list[Command]:
    return [
        ("FONT", (0, 0), (-1, -1), FONT_NAME, TABLE_SIZE, TABLE_SIZE * 1.35),
        ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]


def signature_boxes(parties: Sequence[Party], width: float, styles: StyleSheet1) -> Table:
    """One box per party side by side: title, lines to sign on, and a fingerprint square."""
    column = width / len(parties)
    cells = [_party_cell(party, column - 12, styles) for party in parties]
    return layout_table([cells], [column] * len(parties), [
        ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ])  # fmt: skip


def _party_cell(party: Party, width: float, styles: StyleSheet1) -> list[Flowable]:
    body = styles["BodyNoIndent"]
    lines: list[Flowable] = []
    for line in party.lines:
        lines += [Spacer(1, 2.5 * mm), Paragraph(escape(line), body)]
    title = Paragraph(escape(party.title), body)
    if not party.fingerprint:
        return [title, *lines]
    if width < FINGERPRINT_SIZE + 40 * mm:  # a narrow box: the square goes under the lines
        return [title, *lines, Spacer(1, 2.5 * mm), _fingerprint_box()]
    # The fingerprint goes beside the signature lines, where the hand already is.
    beside = layout_table([[lines, _fingerprint_box()]], [width - FINGERPRINT_SIZE - 2, None],
                          [("VALIGN", (0, 0), (-1, -1), "TOP")])
    return [title, beside]


def _fingerprint_box() -> Table:
    size = FINGERPRINT_SIZE
    box = Table([["指印"]], colWidths=[size], rowHeights=[size], hAlign="LEFT")
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("FONT", (0, 0), (-1, -1), FONT_NAME, 7),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor("#999999")),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))  # fmt: skip
    return box
