"""分房结果公示 (kind ``notice-results``): which flat each household chose, masked, for posting.

One row per household in selection order: order number, household code,
the head's name masked (张*明), the flat(s) chosen with layout and area,
or 未选房 (选择货币补偿 for a household that takes money, counted apart in
the totals). No ID number is ever given to the document; free text (codes)
is scrubbed of anything shaped like one. A household with several flats has
one line per flat inside its row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.registry import CompensationMode, Flat, Household, mask_name
from printouts.document import (
    DASH,
    Align,
    BaseDocument,
    DocumentInfo,
    area,
    clean,
    data_table,
    redact_ids,
)
from printouts.notices.publication import Publication, notice_ending

NOT_CHOSEN: Final = "未选房"
#: What a money household's row says: it takes no flat, so it has not "not chosen".
MONEY: Final = "选择货币补偿"


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultLine:
    """One household's result.

    Args:
        code: the household code (户号).
        head_name: the head's full name; the notice prints it masked.
        flats: the flats it chose; empty for none (yet).
        order_number: its selection order number, if drawn.
        money: it chose money compensation (货币补偿): no flat, not in the draw.
    """

    code: str
    head_name: str
    flats: tuple[Flat, ...] = ()
    order_number: int | None = None
    money: bool = False

    @property
    def area(self) -> Decimal:
        return sum((flat.area for flat in self.flats), Decimal("0.00"))


def result_lines(
    households: Sequence[Household],
    selections: Mapping[str, Sequence[Flat]],
    order: Mapping[str, int] | None = None,
) -> list[ResultLine]:
    """A line per household, by order number (households without one last, as given).

    Args:
        households: the registry's households.
        selections: the flats chosen, by household code.
        order: the selection order number by household code.
    """
    order = order or {}
    lines = [
        ResultLine(
            code=h.code,
            head_name=h.head_name,
            flats=tuple(selections.get(h.code, ())),
            order_number=order.get(h.code),
            money=h.compensation_mode is CompensationMode.MONEY and h.code not in selections,
        )  # fmt: skip
        for h in households
    ]
    missing = len(lines) + 1
    return sorted(lines, key=lambda line: line.order_number or missing)


class ResultsNotice(BaseDocument):
    """分房结果公示: intro, the results table, totals, objection period, issuer."""

    kind = "notice-results"
    title = "分房结果公示"

    HEADER = ("选房<br/>顺序号", "户号", "户主", "房号", "户型", "建筑面积<br/>（㎡）")
    WIDTHS = tuple(w * mm for w in (20, 26, 26, 38, 34, 30))
    ALIGN: tuple[Align, ...] = ("CENTER", "CENTER", "CENTER", "CENTER", "CENTER", "RIGHT")

    def __init__(
        self, info: DocumentInfo, lines: Sequence[ResultLine], publication: Publication
    ) -> None:
        super().__init__(info)
        self.lines = list(lines)
        self.publication = publication

    @property
    def chosen(self) -> list[ResultLine]:
        return [line for line in self.lines if line.flats]

    def _story(self) -> list[Flowable]:
        return [
            *self._section_intro(),
            self._section_table(),
            *self._section_totals(),
            notice_ending(self.publication, self.styles),
        ]

    def _section_intro(self) -> list[Flowable]:
        text = (
            "本项目现场选房按摇号确定的选房顺序进行，现将选房结果予以公示，接受群众监督。"
            "为保护个人信息，户主姓名已作部分隐去处理。"
        )
        return [Paragraph(text, self.styles["Body"]), Spacer(1, 2 * mm)]

    def _section_table(self) -> Flowable:
        rows = [self._row(line) for line in self.lines]
        return data_table(self.HEADER, rows, self.WIDTHS, self.ALIGN, self.styles)

    def _row(self, line: ResultLine) -> list[object]:
        number = str(line.order_number) if line.order_number is not None else DASH
        head = [number, redact_ids(line.code), mask_name(clean(line.head_name)) or DASH]
        if not line.flats:
            return [*head, MONEY if line.money else NOT_CHOSEN, DASH, DASH]
        # Plain strings with line breaks: one line per flat, far cheaper than paragraphs.
        return [
            *head,
            "\n".join(redact_ids(f.key) for f in line.flats),
            "\n".join(clean(f.layout) or DASH for f in line.flats),
            "\n".join(area(f.area) for f in line.flats),
        ]

    def _section_totals(self) -> list[Flowable]:
        chosen = self.chosen
        flats = sum(len(line.flats) for line in chosen)
        total = sum((line.area for line in chosen), Decimal("0.00"))
        money = sum(1 for line in self.lines if line.money)
        waiting = len(self.lines) - len(chosen) - money
        text = (
            f"本次公示共{len(self.lines)}户，其中已选房{len(chosen)}户，选定房源{flats}套，"
            f"建筑面积合计{area(total)}平方米；尚未选房{waiting}户"
            f"{f'；选择货币补偿{money}户，不安置房屋' if money else ''}。"
        )
        return [Spacer(1, 4 * mm), Paragraph(text, self.styles["Body"])]
