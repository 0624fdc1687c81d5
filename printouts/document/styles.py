"""The named paragraph styles of every printout, in one StyleSheet1.

Sizes follow Chinese office habit in points: body 五号 (10.5 pt), tables
小五 (9 pt), title 小二 (18 pt). The font has no bold face, so a title
stands out by size (and by the stroked drawing of :class:`printouts.document.base.Headline`).
Every style wraps CJK text by CJK rules (no break before ，。、）, etc.).
"""

from __future__ import annotations

from typing import Any, Final

from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.platypus import paragraph as _paragraph

from printouts.document.fonts import FONT_NAME

BODY_SIZE: Final = 10.5
TABLE_SIZE: Final = 9.0
FOOTER_SIZE: Final = 7.0
TITLE_SIZE: Final = 18.0
GREY: Final = colors.HexColor("#555555")

#: Chinese punctuation that must not open a line (GB/T 15834 and common practice).
#: ReportLab's list covers Japanese marks and 、。） but not ，；：！？》” and friends,
#: so without these a line of a notice can begin with a comma.
CHINESE_CANNOT_START: Final = "，；：！？》〉”’…—～％‰·"


def build_stylesheet(font_name: str = FONT_NAME) -> StyleSheet1:
    """The stylesheet of every printout, all styles in ``font_name`` with CJK wrapping.

    Styles: Title, Subtitle, Heading, Body (first line indented two
    characters), BodyNoIndent, Small, TableCell, TableCellRight,
    TableCellCenter, TableHeader, Footer, Clause, FormBody, FormTotal, Reference,
    Signature.
    """
    _teach_chinese_line_breaks()
    sheet = StyleSheet1()
    base = ParagraphStyle(
        "Base", fontName=font_name, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.7,
        wordWrap="CJK", alignment=TA_JUSTIFY,
    )  # fmt: skip
    for style in _styles(base):
        sheet.add(style)
    return sheet


def _styles(base: ParagraphStyle) -> list[ParagraphStyle]:
    def like(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    cell = like("TableCell", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.35, alignment=TA_LEFT)
    return [
        like(
            "Title",
            fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.5,
            alignment=TA_CENTER,
            spaceAfter=4,
        ),
        like(
            "Subtitle",
            fontSize=BODY_SIZE,
            leading=BODY_SIZE * 1.5,
            alignment=TA_CENTER,
            textColor=GREY,
            spaceAfter=6,
        ),
        # No keepWithNext: with a long table it would push the whole table to the next page;
        # documents put a CondPageBreak before a heading instead.
        like("Heading", fontSize=12.5, leading=18, spaceBefore=10, spaceAfter=4, alignment=TA_LEFT),
        # Chinese paragraphs open with a two-character indent.
        like("Body", firstLineIndent=BODY_SIZE * 2, spaceAfter=3),
        like("BodyNoIndent", spaceAfter=3),
        like("Small", fontSize=8.5, leading=12.5, textColor=GREY),
        cell,
        ParagraphStyle("TableCellRight", parent=cell, alignment=TA_RIGHT),
        ParagraphStyle("TableCellCenter", parent=cell, alignment=TA_CENTER),
        ParagraphStyle("TableHeader", parent=cell, alignment=TA_CENTER),
        like("Footer", fontSize=FOOTER_SIZE, leading=FOOTER_SIZE * 1.3, textColor=GREY),
        # Forms a household signs (agreements, slips) set tighter, so one fits on fewer pages.
        like("Clause", fontSize=11.5, leading=16, spaceBefore=6, spaceAfter=2, alignment=TA_LEFT),
        like("FormBody", leading=BODY_SIZE * 1.5, firstLineIndent=BODY_SIZE * 2, spaceAfter=2),
        like("FormTotal", leading=BODY_SIZE * 1.5, spaceBefore=4, spaceAfter=2),
        # A form's reference number (协议编号 …), right-aligned under its title.
        like("Reference", fontSize=9.5, leading=13, alignment=TA_RIGHT, spaceAfter=4),
        # The issuer and date under a notice, right-aligned as on a stamped notice.
        like("Signature", alignment=TA_RIGHT, spaceBefore=14, leading=BODY_SIZE * 1.9),
    ]


def _teach_chinese_line_breaks() -> None:
    """Extend ReportLab's no-line-start characters with Chinese punctuation (idempotent).

    ReportLab's two CJK line breakers (``textsplit.wordSplit`` for a
    paragraph of one font run, ``paragraph.cjkFragSplit`` for mixed runs)
    read the module global ``ALL_CANNOT_START`` at each break; adding
    characters there is the only hook they offer. The change affects
    CJK-wrapped paragraphs only, and only ever keeps a punctuation mark at
    the end of the previous line, as Chinese typesetting requires.
    """
    for module in (_textsplit, _paragraph):
        current = module.ALL_CANNOT_START
        extra = "".join(c for c in CHINESE_CANNOT_START if c not in current)
        if extra:
            module.ALL_CANNOT_START = current + extra  # type: ignore[attr-defined]
