"""分户明细 (kind ``traces``): why a household has this entitlement, group, order number and price.

One section per household (a page, or more for a long trace): a summary
box, a paragraph on the order number, and every step of the household's
:class:`~allocation.rules.Trace` as a numbered table row in the words of
:func:`allocation.rules.trace_text` (each rule, the facts it used and what
it gave), under a Chinese category label.

Personal data: the sheet is written for the household itself and for the
office's file, not for posting, so it is *not* public: the head's full name
is printed (the household must recognise its own sheet), but no ID number,
phone or address, which the explanation does not need. It must not be put
on a notice board; the public notices mask names instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.registry import Flat, Household
from allocation.rules import Trace, trace_text
from allocation.trace import TraceStep
from printouts.document import (
    DASH,
    Align,
    BatchDocument,
    DocumentInfo,
    area,
    cell,
    clean,
    data_table,
    escape,
    money,
)
from printouts.papers.forms import Field, amount_words, field_table

#: Category of each rule, by the rule's prefix (the longest match wins).
CATEGORIES: Final = (
    ("reference_date", "计算基准日"), ("entitlement.band_check", "面积范围"),
    ("entitlement", "安置面积"), ("group.flat_restriction", "限选房源"), ("group", "优先组"),
    ("order", "组内顺序"),
    ("compensation", "补偿补助"), ("price", "房价款"), ("settlement", "结算"),
)  # fmt: skip
#: Marks the trace text uses that the embedded font lacks, and the nearest it has.
GLYPHS: Final = str.maketrans({"✗": "✘"})
#: The step rows are many and short: tighter than a notice's rows, so a sheet fits one page.
TIGHT_ROWS: Final = (
    ("TOPPADDING", (0, 1), (-1, -1), 1.2),
    ("BOTTOMPADDING", (0, 1), (-1, -1), 1.8),
)
DIRECTION_ZH: Final = {"to_household": "支付给本户", "from_household": "由本户补交", "none": "无"}


@dataclass(frozen=True, slots=True, kw_only=True)
class TraceSheetData:
    """One household's explanation.

    Args:
        household: the household (its head's full name is printed).
        trace: ``explain_household`` of it, with its chosen flats if any.
        order_number: its place in the final selection order, once drawn.
        lottery_rank: when the draw selected it (摇号位次), once drawn.
        flats: the chosen flats, listed in the summary.
    """

    household: Household
    trace: Trace
    order_number: int | None = None
    lottery_rank: int | None = None
    flats: tuple[Flat, ...] = ()


@dataclass(frozen=True, slots=True)
class TraceSummary:
    """What the trace decided, read from its steps; None where it has no such step."""

    entitlement: Decimal | None = None
    band: tuple[Decimal, Decimal] | None = None
    group: str | None = None
    group_number: int | None = None
    sort_key: str | None = None
    compensation: Decimal | None = None
    price: Decimal | None = None
    settlement: Decimal | None = None
    direction: str | None = None


def summarise(trace: Trace) -> TraceSummary:
    """The decisions of ``trace``: the last step of each kind wins."""
    found: dict[str, Any] = {}
    for step in trace.steps:
        found.update(_decision(step))
    return TraceSummary(**found)


def _decision(step: TraceStep) -> dict[str, Any]:
    rule, inputs = step.rule, step.inputs
    if rule == "entitlement.band":
        return {"entitlement": inputs["area"], "band": step.result}
    if (rule == "group.test" and step.result) or rule in ("group.default", "group.published"):
        return {"group": inputs["group"], "group_number": inputs["rank"] + 1}
    if rule == "order.key":
        return {"sort_key": step.result}
    simple = {"compensation.total": "compensation", "price.total": "price"}
    if rule in simple:
        return {simple[rule]: step.result}
    if rule == "settlement":
        return {"settlement": step.result, "direction": inputs["direction"]}
    return {}


def step_text(trace: Trace, step: TraceStep) -> str:
    """One step in the words of ``trace_text`` (without its number)."""
    lines = trace_text(Trace(trace.household, trace.policy_sha256, (step,))).splitlines()
    return lines[1].split(". ", 1)[1].translate(GLYPHS)


def category(rule: str) -> str:
    return next((label for prefix, label in CATEGORIES if rule.startswith(prefix)), rule)


class TraceSheet(BatchDocument):
    """分户明细: summary, order number in words, every step of the trace, policy hash."""

    kind = "traces"
    title = "分户明细"

    HEADER = ("序号", "类别", "规则、依据和结果")
    WIDTHS = tuple(w * mm for w in (12, 22, 140))
    ALIGN: tuple[Align, ...] = ("CENTER", "CENTER", "LEFT")

    def __init__(self, info: DocumentInfo, sheets: Sequence[TraceSheetData]) -> None:
        super().__init__(info)
        self.sheets = list(sheets)

    def _sections(self) -> Iterable[tuple[str, list[Flowable]]]:
        for sheet in self.sheets:
            summary = summarise(sheet.trace)
            story = [*self._section_summary(sheet, summary), *self._section_order(sheet, summary),
                     *self._section_steps(sheet), *self._section_note(sheet)]  # fmt: skip
            yield f"户号：{clean(sheet.household.code)}", story

    def _section_summary(self, sheet: TraceSheetData, s: TraceSummary) -> list[Flowable]:
        h = sheet.household
        band = f"{area(s.band[0])} 至 {area(s.band[1])} ㎡" if s.band else DASH
        flats = "、".join(clean(f.key) for f in sheet.flats)
        fields = [
            Field("户号", h.code), Field("户主", h.head_name),
            Field("登记 / 认定人口", f"{len(h.members)} 人 / {h.recognised_count} 人"),
            Field("原合法面积", f"{area(h.legal_area)} ㎡"),
            Field("安置面积", _optional(s.entitlement, " ㎡")), Field("可选面积范围", band),
            Field("优先组", _group_text(s)), Field("选房顺序号", _number(sheet.order_number)),
            Field("所选房源", flats or "尚未选房", wide=True),
            Field("补偿补助合计", _optional(s.compensation, " 元", money)),
            Field("房价款合计", _optional(s.price, " 元", money)),
            Field("结算", _settlement_text(s), wide=True),
        ]  # fmt: skip
        return [Paragraph(f"户号：{escape(h.code)}", self.styles["Reference"]),
                field_table(fields, self.width, self.styles)]  # fmt: skip

    def _section_order(self, sheet: TraceSheetData, s: TraceSummary) -> list[Flowable]:
        if sheet.order_number is None:
            text = ("选房顺序号在摇号后确定：先按优先组，组内按分房方案规定的排序依据，"
                    "再按摇号位次。")  # fmt: skip
        else:
            rank = f"，摇号位次为第{sheet.lottery_rank}位" if sheet.lottery_rank else ""
            key = f"，组内排序键为{escape(s.sort_key)}" if s.sort_key else ""
            text = (
                f"本户选房顺序号为第{sheet.order_number}号：本户属{escape(_group_text(s))}{key}{rank}。"
                "选房顺序先按优先组，组内按分房方案规定的排序依据，再按摇号位次确定。"
            )
        return [Spacer(1, 2 * mm), Paragraph(text, self.styles["FormBody"])]

    def _section_steps(self, sheet: TraceSheetData) -> list[Flowable]:
        trace = sheet.trace
        rows = [[str(n), category(step.rule), cell(step_text(trace, step), self.styles)]
                for n, step in enumerate(trace.steps, start=1)]  # fmt: skip
        table: Flowable = data_table(self.HEADER, rows, self.WIDTHS, self.ALIGN, self.styles,
                                  TIGHT_ROWS)  # fmt: skip
        return [Paragraph("计算过程（逐条）", self.styles["Clause"]), table]

    def _section_note(self, sheet: TraceSheetData) -> list[Flowable]:
        text = (
            f"以上各条依据分房方案（SHA-256：{escape(sheet.trace.policy_sha256)}）逐条计算，"
            "任何人可按方案原文复核。本明细含本户个人信息，仅供本户核对和存档，不对外公示。"
        )
        return [Spacer(1, 2 * mm), Paragraph(text, self.styles["Small"])]


def _optional(value: Decimal | None, unit: str, fmt: Callable[[Decimal], str] = area) -> str:
    return DASH if value is None else f"{fmt(value)}{unit}"


def _number(value: int | None) -> str:
    return f"第 {value} 号" if value is not None else "摇号后确定"


def _group_text(s: TraceSummary) -> str:
    if s.group is None:
        return DASH
    return f"第{s.group_number}组“{clean(s.group)}”"


def _settlement_text(s: TraceSummary) -> str:
    if s.settlement is None or s.direction is None:
        return DASH
    if s.direction == "none":
        return "互不找补"
    return f"{DIRECTION_ZH[s.direction]}{amount_words(s.settlement)}"
