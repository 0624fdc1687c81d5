"""Pieces the rules, pool and draw notices share: headings, a boxed hash, the draw method in words.

A hash is printed whole (all 64 hex digits, on one line, in a box) so that
a reader can compare it character by character with what they compute.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from allocation.errors import AnjuError
from allocation.lottery import get_method
from printouts.document import FONT_NAME, GRID, HEADER_FILL, clean, escape

HASH_SIZE: Final = 10.0
LABEL_WIDTH: Final = 34 * mm


def heading(text: str, styles: StyleSheet1) -> list[Flowable]:
    """A section heading that does not end a page alone."""
    return [CondPageBreak(30 * mm), Paragraph(escape(text), styles["Heading"])]


def hash_box(rows: Sequence[tuple[str, str | Flowable]], width: float) -> Table:
    """Label and full value per row, boxed; text values drawn as one unbroken line each.

    A value that may be too long for one line goes in as a Paragraph.
    """
    data = [[clean(label), clean(v) if isinstance(v, str) else v] for label, v in rows]
    table = Table(data, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT_NAME, HASH_SIZE, HASH_SIZE * 1.4),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
    ]))  # fmt: skip
    return table


def method_text(method: str) -> str:
    """``rfc3797-md5（RFC 3797 公开随机源摇号法，MD5，两字节序号）``; the name alone if unknown."""
    try:
        spec = get_method(method)
    except AnjuError:
        return clean(method)
    kind = "RFC 3797 公开随机源摇号法" if spec.is_rfc3797 else "RFC 3797 扩展摇号法"
    return f"{spec.name}（{kind}，{spec.hash_name.upper()}，{_bytes(spec.counter_bytes)}序号）"


def hash_name(method: str) -> str:
    """The method's hash in capitals (MD5, SHA256); MD5 if the method is unknown."""
    try:
        return get_method(method).hash_name.upper()
    except AnjuError:
        return "MD5"


def counter_bytes(method: str) -> int:
    try:
        return get_method(method).counter_bytes
    except AnjuError:
        return 2


def _bytes(count: int) -> str:
    return {2: "两字节", 4: "四字节"}.get(count, f"{count}字节")
