"""The tables of an agreement (and of a slip): members, flats, price lines, compensation items.

Each table is built from allocation's own results, never recomputed: the
price lines from :class:`~allocation.rules.PriceBreakdown` (the base
price and the tier and floor factors of each line are read from its trace
steps, which come in the same order), the compensation lines from
:class:`~allocation.rules.CompensationResult`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from allocation.money import format_factor
from allocation.registry import Flat, Household, quantize_money
from allocation.rules import (
    BUSINESS_LOSS,
    CompensationLine,
    CompensationResult,
    PriceBreakdown,
    PriceLine,
    TransitionAllowance,
    ValueSwap,
)
from allocation.trace import TraceStep
from printouts.document import DASH, Align, area, clean, data_table, money, total_row
from printouts.notices import flat_place
from printouts.papers.forms import amount_words, segment_text

PER_ZH: Final = {"household": "户", "person": "人", "certificate": "证", "legal_area": "㎡"}
PRICE_STEPS: Final = ("price.line", "price.refund")


def member_table(household: Household, styles: StyleSheet1) -> Flowable:
    """序号, 姓名, 与户主关系, 公民身份号码 (full), 认定安置, 特殊情况."""
    header = ("序号", "姓名", "与户主<br/>关系", "公民身份号码", "认定<br/>安置人口", "特殊情况")
    widths = [w * mm for w in (12, 26, 22, 48, 20, 46)]
    align: tuple[Align, ...] = ("CENTER", "CENTER", "CENTER", "CENTER", "CENTER", "LEFT")
    rows = []
    for number, member in enumerate(household.members, start=1):
        notes = [c.zh for c in sorted(member.conditions)]
        if member.new_member:
            notes.append("新增人口")
        rows.append([str(number), clean(member.name), clean(member.relation),
                     clean(member.id_number), "是" if member.recognised else "否",
                     "、".join(notes) or DASH])  # fmt: skip
    return data_table(header, rows, widths, align, styles)


def flat_table(flats: Sequence[Flat], styles: StyleSheet1) -> Flowable:
    """序号, 房号, 位置, 楼层, 户型, 朝向, 建筑面积, and the total area."""
    header = ("序号", "房号", "位置", "楼层", "户型", "朝向", "建筑面积<br/>（㎡）")
    widths = [w * mm for w in (12, 26, 46, 14, 30, 18, 28)]
    align: tuple[Align, ...] = ("CENTER",) * 6 + ("RIGHT",)
    rows: list[list[Any]] = [
        [str(n), clean(f.key), flat_place(f), str(f.floor), clean(f.layout) or DASH,
         clean(f.orientation) or DASH, area(f.area)]
        for n, f in enumerate(flats, start=1)
    ]  # fmt: skip
    total = sum((f.area for f in flats), Decimal("0.00"))
    rows.append([f"合计（{len(flats)}套）", "", "", "", "", "", area(total)])
    last = len(rows)
    extra = [("SPAN", (0, last), (5, last)), *total_row(last)]
    return data_table(header, rows, widths, align, styles, extra)


def price_table(price: PriceBreakdown, styles: StyleSheet1, *, running: bool = False) -> Flowable:
    """One row per price line: flat, segment, area, base price, factors, unit price, amount.

    The orientation factor and the floor increment get columns only when a line has one
    (not 1, not 0): a reader can then redo every unit price from the row, and a policy
    without them prints the table it always printed. ``running`` (the slip of a household
    taking several flats) closes each flat's lines with its subtotal and the running
    totals of area and price so far, flat by flat as they were laid along the
    entitlement.
    """
    steps = price_steps(price)
    adjusted = price_adjustments(steps)
    header = ("房号", "计价区段", "面积<br/>（㎡）", "基准价<br/>（元/㎡）", "档次<br/>系数",
              "楼层<br/>系数", *(("朝向<br/>系数", "楼层差价<br/>（元/㎡）") if adjusted else ()),
              "单价<br/>（元/㎡）", "金额<br/>（元）")  # fmt: skip
    sizes = (18, 31, 15, 19, 11, 11, 11, 16, 18, 22) if adjusted else (22, 36, 18, 22, 14, 14,
                                                                        22, 26)
    widths = [w * mm for w in sizes]
    align: tuple[Align, ...] = ("CENTER", "LEFT", "RIGHT", "RIGHT", "CENTER", "CENTER",
                                *(("CENTER", "RIGHT") if adjusted else ()),
                                "RIGHT", "RIGHT")  # fmt: skip
    rows: list[list[Any]] = [
        _price_row(line, step, adjusted) for line, step in zip(price.lines, steps, strict=True)
    ]
    extra: list[Any] = []
    if running and len({line.flat for line in price.lines if line.flat}) > 1:
        rows, extra = _with_subtotals(price.lines, rows, len(header))
    rows.append(["房价款合计", "", area(price.area), *[""] * (len(header) - 4),
                 money(price.total)])
    last = len(rows)
    extra += [("SPAN", (0, last), (1, last)), *total_row(last)]
    return data_table(header, rows, widths, align, styles, extra)


def _with_subtotals(lines: Sequence[PriceLine], rows: list[list[Any]],
                    columns: int) -> tuple[list[list[Any]], list[Any]]:
    """The rows with a subtotal row after each flat's lines: 房号小计, its area (the lines'
    but a bonus's, which has none of its own), 累计 area and price so far, its amount.
    Lines of no flat (a refund) stay after the last flat, before the total."""
    out: list[list[Any]] = []
    commands: list[Any] = []
    so_far_area, so_far_price = Decimal("0.00"), Decimal("0.00")
    for index, (line, row) in enumerate(zip(lines, rows, strict=True)):
        out.append(row)
        following = lines[index + 1].flat if index + 1 < len(lines) else None
        if not line.flat or following == line.flat:
            continue
        own = [x for x in lines if x.flat == line.flat]
        flat_area = sum((x.area for x in own if x.code != "bonus"), Decimal("0.00"))
        flat_price = sum((x.amount for x in own), Decimal("0.00"))
        so_far_area += flat_area
        so_far_price += flat_price
        out.append([f"{clean(line.flat)}小计", "", area(flat_area),
                    f"累计{area(so_far_area)}㎡，{money(so_far_price)}元",
                    *[""] * (columns - 5), money(flat_price)])
        at = len(out)  # the data table's row of it (the header is row 0)
        commands += [("SPAN", (0, at), (1, at)), ("SPAN", (3, at), (columns - 2, at)),
                     ("ALIGN", (3, at), (3, at), "CENTER"),
                     ("LINEBELOW", (0, at), (-1, at), 0.6, colors.black)]
    return out, commands


def price_steps(price: PriceBreakdown) -> list[TraceStep | None]:
    """The trace step of each price line, in line order; Nones if the trace does not match."""
    steps: list[TraceStep | None] = [s for s in price.trace if s.rule in PRICE_STEPS]
    return steps if len(steps) == len(price.lines) else [None] * len(price.lines)


def price_adjustments(steps: Sequence[TraceStep | None]) -> bool:
    """Whether a price line has an orientation factor other than 1 or a floor increment."""
    return any(step is not None and (step.inputs.get("orientation_factor", 1) != 1
                                     or step.inputs.get("floor_increment", 0) != 0)
               for step in steps)


def _price_row(line: PriceLine, step: TraceStep | None, adjusted: bool = False) -> list[Any]:
    inputs = step.inputs if step is not None else {}
    base = inputs.get("base_price")
    fixed = inputs.get("fixed_price")
    base_text = money(base) if base is not None and fixed is None else DASH
    factor = inputs.get("factor") if fixed is None else None
    floor = inputs.get("floor_factor")
    facing, increment = inputs.get("orientation_factor"), inputs.get("floor_increment")
    extra = [format_factor(facing) if facing is not None else DASH,
             _signed(increment) if increment is not None else DASH] if adjusted else []
    return [
        clean(line.flat) or DASH, segment_text(line), area(line.area), base_text,
        format_factor(factor) if factor is not None else DASH,
        format_factor(floor) if floor is not None else DASH, *extra,
        money(line.unit_price), money(line.amount),
    ]  # fmt: skip


def _signed(amount: Decimal) -> str:
    """A floor increment with its sign (+100.00, -50.00; 0 as 0.00)."""
    return ("+" if amount > 0 else "-" if amount < 0 else "") + money(abs(amount))


def compensation_table(result: CompensationResult, styles: StyleSheet1) -> Flowable:
    """序号, 补偿项目, 计算依据, 金额, and the total."""
    header = ("序号", "补偿项目", "计算依据", "金额（元）")
    widths = [w * mm for w in (12, 52, 74, 36)]
    align: tuple[Align, ...] = ("CENTER", "LEFT", "LEFT", "RIGHT")
    per = {s.inputs.get("name"): s.inputs.get("per") for s in result.trace
           if s.rule in ("compensation.item", "compensation.move_item")}  # fmt: skip
    monthly = next((s.inputs.get("monthly") for s in result.trace
                    if s.rule in ("compensation.transition", "compensation.transition_housing")),
                   None)
    rows: list[list[Any]] = [
        [str(n), _item_name(line), _basis(line, per.get(line.name), monthly), money(line.amount)]
        for n, line in enumerate(result.lines, start=1)
    ]
    if not rows:
        rows.append(["", "无", "", money(Decimal(0))])
    rows.append(["补偿金额合计", "", "", money(result.total)])
    last = len(rows)
    extra = [("SPAN", (0, last), (2, last)), *total_row(last)]
    return data_table(header, rows, widths, align, styles, extra)


def value_table(swap: ValueSwap, styles: StyleSheet1) -> Flowable:
    """A value swap flat by flat: area, unit value, value, the value available before it,
    the value used, what remains, and what party B pays up (short), with the totals."""
    header = ("房号", "建筑面积<br/>（㎡）", "单价<br/>（元/㎡）", "房屋价值<br/>（元）",
              "可用价值<br/>（元）", "抵扣价值<br/>（元）", "剩余价值<br/>（元）",
              "乙方补缴<br/>（元）")  # fmt: skip
    widths = [w * mm for w in (22, 18, 20, 24, 24, 24, 24, 20)]
    align: tuple[Align, ...] = ("CENTER",) + ("RIGHT",) * 7
    rows: list[list[Any]] = [
        [clean(f.flat) or DASH, area(f.area), money(f.unit_value), money(f.value),
         money(f.available), money(f.used), money(f.remaining), money(f.short)]
        for f in swap.flats
    ]  # fmt: skip
    used = sum((f.used for f in swap.flats), Decimal("0.00"))
    short = sum((f.short for f in swap.flats), Decimal("0.00"))
    remaining = swap.flats[-1].remaining if swap.flats else swap.available
    rows.append(["合计", area(swap.area), "", money(swap.total), money(swap.available),
                 money(used), money(remaining), money(short)])
    last = len(rows)
    return data_table(header, rows, widths, align, styles, total_row(last))


def _item_name(line: CompensationLine) -> str:
    if line.code == "assessed_value":
        return "被征收房屋评估价值"
    if line.code == BUSINESS_LOSS:
        return "停产停业损失补偿"
    return "临时安置费（过渡安置费）" if line.code == "transition" else clean(line.name)


def _basis(line: CompensationLine, per: str | None, monthly: Decimal | None = None) -> str:
    if line.code == "assessed_value":
        return "房地产价格评估机构评估确定"
    if line.code == "subsidy":
        return f"评估价值{money(line.unit_amount)}元 × {format_factor(Decimal(line.count))}%"
    if line.code == "transition":
        share = ("" if line.share is None
                 else f" × {format_factor(line.share * 100)}%（周转用房过渡）")
        if monthly is not None and monthly != quantize_money(line.count * line.unit_amount):
            # The household's sum fell below the minimum per household: that is what was paid.
            return f"每户每月最低{money(monthly)}元 × {line.months}个月{share}"
        return f"{line.count}人 × {money(line.unit_amount)}元/人·月 × {line.months}个月{share}"
    if line.code == BUSINESS_LOSS:
        if line.months is None:
            return f"评估价值{money(line.unit_amount)}元 × {format_factor(Decimal(line.count))}%"
        return (f"合法面积{area(Decimal(line.count))}㎡ × {money(line.unit_amount)}元/㎡·月"
                f" × {line.months}个月")
    moves = "" if line.moves is None else f" × 搬迁{line.moves}次"
    if per == "legal_area":
        return f"合法面积{area(Decimal(line.count))}㎡ × {money(line.unit_amount)}元/㎡{moves}"
    return f"{line.count}{PER_ZH.get(per or '', '项')} × {money(line.unit_amount)}元{moves}"


def business_loss_basis(line: CompensationLine) -> str:
    """How a 停产停业损失 line was counted, in words: on the assessed value (count = percent,
    unit = the value) or per m² of legal area and month (count = m², unit = yuan/m²/month)."""
    if line.months is None:
        return (f"按被征收房屋评估价值{money(line.unit_amount)}元的"
                f"{format_factor(Decimal(line.count))}%计算")
    return (f"按合法面积{area(Decimal(line.count))}平方米、每平方米每月"
            f"{money(line.unit_amount)}元、{line.months}个月计算")


def transition_line(result: CompensationResult, months: int | None,
                    allowance: TransitionAllowance | None = None, *, housed: bool = False) -> str:
    """The temporary resettlement fee in a sentence (Article 25 names it on its own).

    It says whom the allowance counts (``allowance.members``: 认定安置人口 or
    家庭成员) and, where the household's monthly sum fell below the policy's
    minimum per household, that the minimum was paid instead — so the
    sentence's figures multiply out to the amount printed.
    """
    lines = [line for line in result.lines if line.code == "transition"]
    if not lines and housed and allowance is not None:
        return "临时安置费：乙方在甲方提供的周转用房过渡，按分房方案不计发临时安置费。"
    if not lines:
        period = f"，过渡期限{months}个月" if months is not None else ""
        return f"临时安置费：分房方案未设临时安置费{period}。"
    line = lines[0]
    who = ("家庭成员" if allowance is not None and allowance.members == "registered"
           else "认定安置人口")
    monthly = quantize_money(line.unit_amount * line.count)
    basis = f"按{who}{line.count}人、每人每月{money(line.unit_amount)}元"
    if allowance is not None and allowance.minimum_month > monthly:
        least = money(allowance.minimum_month)
        basis += (f"计为每月{money(monthly)}元，低于每户每月{least}元的最低标准，"
                  f"按每月{least}元")
    if line.share is not None:
        basis += (f"、{line.months}个月，乙方在周转用房过渡，按分房方案"
                  f"{format_factor(line.share * 100)}%")
        return (f"临时安置费（过渡安置费）：{basis}计算，"
                f"共{amount_words(line.amount)}，已计入第五条。")
    return (f"临时安置费（过渡安置费）：{basis}、{line.months}个月计算，"
            f"共{amount_words(line.amount)}，已计入第五条。")
