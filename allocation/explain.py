"""Explanations: each household's trace (area, group, order, price) and the policy as printed text.

The texts here are printed documents, not interface wording: the rules
notice and the trace must read the same on every computer and follow from
the frozen policy alone (like the verifier's labels), so they live beside
the rules rather than in ``desktop/``'s translations. Chinese follows the
style of published notices (一、…（一）…, 4,000元/平方米); English is for
readers who check the rules in English. ``lang`` is ``"zh"`` or ``"en"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from allocation.compensation import CompensationItem, compute_compensation
from allocation.entitlement import Entitlement, compute_entitlement
from allocation.errors import ValidationError
from allocation.model import CONDITION_ZH, Condition, Flat, Household
from allocation.money import format_area, format_factor, format_yuan
from allocation.policy import Policy, policy_sha256
from allocation.pricing import Tier, price_flats, settle
from allocation.priority import (
    ALWAYS,
    LOTTERY,
    Criteria,
    PriorityGroup,
    Term,
    TermResult,
    TraceStep,
    assign_group,
    flat_allowed,
    order_within,
    sort_key,
)


@dataclass(frozen=True, slots=True)
class Trace:
    """Every rule applied to one household, in order, under the policy with this hash."""

    household: str
    policy_sha256: str
    steps: tuple[TraceStep, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: decimals and dates as strings, term results as objects."""
        steps = [{"rule": s.rule, "inputs": {k: _json(v) for k, v in s.inputs.items()},
                  "result": _json(s.result)} for s in self.steps]
        return {"household": self.household, "policy_sha256": self.policy_sha256,
                "steps": steps}


def _json(value: Any) -> Any:
    if isinstance(value, TermResult):
        return {k: _json(v) for k, v in value._asdict().items()}
    if isinstance(value, (tuple, list)):
        return [_json(v) for v in value]
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, (Decimal, date)):
        return str(value)
    return value


def explain_household(
    household: Household, policy: Policy, on: date, flat: Flat | Sequence[Flat] | None = None
) -> Trace:
    """The trace of ``household`` under ``policy`` on ``on``, with candidate flat(s) if given.

    Steps:
        1. entitlement: people, legal area, combination, extras, minimum, band;
        2. priority group (each group tested, term by term) and the order
           key within it;
        3. compensation items and the transition allowance;
        4. with flats: each flat against the group's restriction, the total
           area against the band, the price line by line and the settlement
           (or the refusal, for area beyond the cap).
    """
    entitlement = compute_entitlement(household, policy, on)
    group = assign_group(household, policy, on)
    order = order_within(policy, group.rank)
    compensation = compute_compensation(household, policy, on)
    steps = [*entitlement.trace, *group.trace,
             TraceStep("order.key", {"group": group.name, "order_within": order},
                       sort_key(household, order, on)),
             *compensation.trace]
    if flat is not None:
        flats = (flat,) if isinstance(flat, Flat) else tuple(flat)
        steps += _restriction_steps(policy, group.rank, group.name, flats)
        steps += _price_steps(household, flats, policy, on, entitlement, compensation.total)
    return Trace(household.code, policy_sha256(policy), tuple(steps))


def _restriction_steps(
    policy: Policy, rank: int, name: str, flats: tuple[Flat, ...]
) -> list[TraceStep]:
    restriction = policy.groups[rank].flat_restriction if rank < len(policy.groups) else None
    return [TraceStep("group.flat_restriction", {"flat": f.key, "group": name, "floor": f.floor},
                      flat_allowed(restriction, f)) for f in flats]


def _price_steps(
    household: Household, flats: tuple[Flat, ...], policy: Policy, on: date,
    entitlement: Entitlement, compensation: Decimal,
) -> list[TraceStep]:
    area = sum((f.area for f in flats), Decimal("0.00"))
    band = entitlement.band
    steps = [TraceStep("entitlement.band_check", {"area": area, "low": band.low,
                                                  "high": band.high}, band.contains(area))]
    try:
        price = price_flats(household, flats, policy, on, entitlement=entitlement)
    except ValidationError as error:
        if error.code != "area_beyond_cap":
            raise
        inputs = {"area": area, "max_area": entitlement.max_area}
        return [*steps, TraceStep("price.refused", inputs, False)]
    balance = settle(compensation, price.total)
    inputs = {"compensation": balance.compensation, "price": balance.price,
              "direction": balance.direction}
    return [*steps, *price.trace, TraceStep("settlement", inputs, balance.balance)]


# ---------------------------------------------------------------------------
# Words: index 0 is Chinese, 1 English
# ---------------------------------------------------------------------------

FIELD_WORDS: dict[str, tuple[str, str]] = {
    "member_count": ("登记人口", "registered members"),
    "recognised_count": ("认定人口", "recognised members"),
    "max_member_age": ("家庭成员最大年龄", "age of the oldest member"),
    "min_member_age": ("家庭成员最小年龄", "age of the youngest member"),
    "new_member_count": ("新增人口数", "number of new members"),
    "disabled_count": ("残疾人数", "number of disabled members"),
    "severest_disability_grade": ("最重残疾等级", "most severe disability grade"),
    "has_disability": ("有残疾人", "has a disabled member"),
    "low_income": ("享受低保", "receives 低保"),
    "signed": ("已签约", "has signed"),
    "signed_on": ("签约日期", "signing date"),
    "signing_seq": ("签约顺序号", "signing order number"),
    "legal_area": ("原合法面积", "legal area"),
    "code": ("户号", "household code"),
    "status": ("状态", "status"),
    "age": ("年龄", "age"),
    "relation": ("与户主关系", "relation to the head"),
    "is_head": ("为户主", "is the head"),
    "new_member": ("为新增人口", "is a new member"),
    "disability_grade": ("残疾等级", "disability grade"),
}
_UNITS = {"max_member_age": ("周岁", " years"), "min_member_age": ("周岁", " years"),
          "age": ("周岁", " years"), "legal_area": ("平方米", " m²")}
_OPS = {">=": ("≥", "≥"), ">": (">", ">"), "<=": ("≤", "≤"), "<": ("<", "<"),
        "==": ("为", "is"), "!=": ("不为", "is not"), "before": ("早于", "before"),
        "after": ("晚于", "after"), "in": ("为", "is one of")}
_ORDERS = {
    LOTTERY: ("组内按摇号顺序选房", "ordered by lottery"),
    "signing_seq": ("组内按签约顺序号先后选房，顺序号相同或无顺序号的按摇号顺序",
                    "ordered by signing order number, ties and unsigned by lottery"),
    "signed_on": ("组内按签约日期先后选房，同日或未签约的按摇号顺序",
                  "ordered by signing date, ties and unsigned by lottery"),
    "oldest_first": ("组内按家庭成员最大年龄从高到低选房，同龄的按摇号顺序",
                     "oldest member first, ties by lottery"),
}
_PER = {"household": ("户", "household(s)"), "person": ("人", "person(s)"),
        "certificate": ("证", "certificate(s)"), "legal_area": ("平方米", "m²")}
_EACH = {"household": ("每户", "per household"), "person": ("每人", "per person"),
         "certificate": ("每证", "per certificate")}
_CN = "零一二三四五六七八九十"


def _lang(lang: str) -> int:
    return 0 if lang == "zh" else 1


def _pick(lang: int, zh: str, en: str) -> str:
    return zh if lang == 0 else en


def _cn(number: int) -> str:
    """1..99 in Chinese numerals for headings (十一, 二十三)."""
    tens, ones = divmod(number, 10)
    head = ("" if tens == 1 else _CN[tens]) + "十" if tens else ""
    return head + (_CN[ones] if ones or not tens else "")


def _yuan(amount: Decimal) -> str:
    return format_yuan(amount, cents=False)


def _value(value: Any, lang: int) -> str:
    if isinstance(value, tuple):
        return _pick(lang, "、", ", ").join(_value(v, lang) for v in value)
    if isinstance(value, bool):
        return _pick(lang, "是", "yes") if value else _pick(lang, "否", "no")
    if isinstance(value, Decimal):
        return format_area(value)
    if isinstance(value, date):
        return _pick(lang, f"{value.year}年{value.month}月{value.day}日", value.isoformat())
    if isinstance(value, frozenset):
        names = tuple(sorted(_condition_word(v, lang) for v in value))
        return _value(names, lang) if names else _pick(lang, "无", "none")
    return "—" if value is None else str(value)


def _condition_word(name: str, lang: int) -> str:
    return CONDITION_ZH[Condition(name)] if lang == 0 else name.replace("_", " ")


def term_text(term: Term | TermResult, lang: int) -> str:
    """One term in words, e.g. 家庭成员最大年龄≥70周岁 (``lang`` 0 Chinese, 1 English)."""
    if term.op == "has":
        name = _condition_word(term.value, lang)
        return _pick(lang, f"有{name}情形", f"has {name}")
    label = FIELD_WORDS[term.field][lang]
    if isinstance(term.value, bool):
        positive = (term.op == "==") == term.value
        return label if positive else _pick(lang, f"非“{label}”", f"not: {label}")
    unit, gap = _UNITS.get(term.field, ("", ""))[lang], _pick(lang, "", " ")
    tail = _pick(lang, "之一", "") if term.op == "in" else ""
    return f"{label}{gap}{_OPS[term.op][lang]}{gap}{_value(term.value, lang)}{unit}{tail}"


def criteria_text(criteria: Criteria, lang: int) -> str:
    """A condition in words; nested conditions in brackets."""
    if not criteria.items:
        return (_pick(lang, "所有家庭", "everyone") if criteria.mode == "all"
                else _pick(lang, "无", "no one"))
    joiner = _pick(lang, "且", " and ") if criteria.mode == "all" else _pick(lang, "或", " or ")
    return joiner.join(term_text(i, lang) if isinstance(i, Term)
                       else _pick(lang, "（{}）", "({})").format(criteria_text(i, lang))
                       for i in criteria.items)


# ---------------------------------------------------------------------------
# The rules notice
# ---------------------------------------------------------------------------


def policy_text(policy: Policy, lang: str = "zh") -> str:
    """The whole policy as the rules notice prints it, with its SHA-256 at the end."""
    code = _lang(lang)
    sections = [(("安置面积", "Entitlement"), _entitlement_items(policy, code)),
                (("房价", "Prices"), _price_items(policy, code)),
                (("补偿补助", "Compensation"), _compensation_items(policy, code)),
                (("选房顺序", "Order of choice"), _group_items(policy, code))]
    lines = [policy.name] + ([policy.version_note] if policy.version_note else [])
    for number, (title, items) in enumerate(sections, start=1):
        lines.append(_pick(code, f"{_cn(number)}、{title[0]}", f"{number}. {title[1]}"))
        lines += [_pick(code, f"（{_cn(i)}）{text}。", f"  ({i}) {text}.")
                  for i, text in enumerate(items, start=1)]
    lines.append(_pick(code, "本方案规范文本（canonical JSON）SHA-256：",
                       "SHA-256 of the canonical JSON of this policy: ") + policy_sha256(policy))
    return "\n".join(lines) + "\n"


def _entitlement_items(policy: Policy, lang: int) -> list[str]:
    rules, band = policy.entitlement, policy.band
    items: list[str] = []
    if rules.combine != "legal":
        each = format_area(rules.area_per_person)
        text = _pick(lang, f"认定人口每人按{each}平方米计算",
                     f"each recognised member counts {each} m²")
        for c in rules.person_categories:
            cond, area = criteria_text(c.member_condition, lang), format_area(c.area)
            text += _pick(lang, f"；其中{cond}的（{c.name}），每人按{area}平方米计算",
                          f"; members who meet “{cond}” ({c.name}) count {area} m²")
        items.append(text)
    if rules.legal_area_ratio is not None and rules.combine != "people":
        ratio = format_factor(rules.legal_area_ratio * 100)
        items.append(_pick(lang, f"按原合法面积的{ratio}%计算", f"{ratio} % of the legal area"))
    if rules.combine == "max":
        items.append(_pick(lang, "安置面积取以上两项中的较大者", "the larger of the two counts"))
    if rules.combine == "sum":
        items.append(_pick(lang, "安置面积为以上两项之和", "the two are added"))
    for extra in rules.extras:
        who, area = _who(extra.condition, extra.member_condition, lang), format_area(extra.area)
        each = _EACH[extra.per][lang]
        items.append(_pick(lang, f"{extra.name}：{who}{each}增加安置面积{area}平方米",
                           f"{extra.name}: {area} m² more {each}{who}"))
    if rules.minimum_area > 0:
        least = format_area(rules.minimum_area)
        items.append(_pick(lang, f"安置面积不足{least}平方米的，按{least}平方米计算",
                           f"at least {least} m² per household"))
    cap = format_area(rules.excess_cap)
    items.append(_pick(lang, f"超出安置面积可购买的面积不超过{cap}平方米",
                       f"at most {cap} m² above the entitlement may be bought"))
    if band.below is not None or band.above is not None:
        high = format_area(band.above if band.above is not None else rules.excess_cap)
        low = "0" if band.below is None else _pick(
            lang, f"安置面积减{format_area(band.below)}平方米",
            f"entitlement − {format_area(band.below)} m²")
        items.append(_pick(lang, f"可选房源总面积为{low}至安置面积加{high}平方米",
                           f"the chosen flats total {low} to entitlement + {high} m²"))
    return items


def _price_text(price: Decimal | None, factor: Decimal | None, lang: int) -> str:
    if price is not None:
        return _pick(lang, f"按{_yuan(price)}元/平方米", f"at {_yuan(price)} yuan/m²")
    percent = format_factor((factor if factor is not None else Decimal(1)) * 100)
    if percent == "100":
        return _pick(lang, "按基准价", "at the base price")
    return _pick(lang, f"按基准价的{percent}%", f"at {percent} % of the base price")


def _tier_text(tier: Tier, lang: int) -> str:
    start, end = format_area(tier.start), format_area(tier.end)
    price = _price_text(tier.price, tier.factor, lang)
    return _pick(lang, f"超出安置面积{start}至{end}平方米的部分{price}计算",
                 f"{start}–{end} m² over the entitlement {price}")


def _price_items(policy: Policy, lang: int) -> list[str]:
    rules, cap = policy.pricing, format_area(policy.entitlement.excess_cap)
    within = (_pick(lang, "按所选房源的基准价", "at each flat's base price")
              if rules.base_price is None else _price_text(rules.base_price, None, lang))
    items = [_pick(lang, f"安置面积以内的部分{within}计算",
                   f"area within the entitlement {within}")]
    items += [_tier_text(tier, lang) for tier in rules.tiers]
    if rules.beyond_cap_price is None:
        items.append(_pick(lang, f"超出安置面积{cap}平方米以上的部分不予购买",
                           f"no area beyond {cap} m² over the entitlement"))
    else:
        market = _yuan(rules.beyond_cap_price)
        items.append(_pick(lang, f"超出安置面积{cap}平方米以上的部分按{market}元/平方米计算",
                           f"area beyond {cap} m² over the entitlement at {market} yuan/m²"))
    if rules.refund_price is not None:
        refund = _yuan(rules.refund_price)
        items.append(_pick(lang, f"所选房源总面积小于安置面积的，差额部分按{refund}元/平方米退还"
                                 "（多退少补）",
                           f"area below the entitlement is refunded at {refund} yuan/m²"))
    if rules.floor_coefficients:
        floors = [(c.first_floor, c.last_floor, format_factor(c.factor))
                  for c in rules.floor_coefficients]
        zh = "；".join(f"{a}至{b}层{f}" for a, b, f in floors)
        en = "; ".join(f"floors {a}–{b}: {f}" for a, b, f in floors)
        items.append(_pick(lang, f"楼层调节系数：{zh}；其他楼层为1", f"floor coefficients: {en}; "
                                 "other floors 1"))
    items.append(_pick(lang, "一户选购多套房源的，面积合并计算，按所列顺序依次计入安置面积",
                       "several flats of one household share its entitlement, in the order "
                       "listed"))
    return items


def _item_text(item: CompensationItem, lang: int) -> str:
    amount = _yuan(item.amount)
    if item.per == "legal_area":
        return _pick(lang, f"{item.name}：按原合法面积每平方米{amount}元",
                     f"{item.name}: {amount} yuan per m² of legal area")
    who, each = _who(item.condition, item.member_condition, lang), _EACH[item.per][lang]
    return _pick(lang, f"{item.name}：{who}{each}{amount}元",
                 f"{item.name}: {amount} yuan {each}{who}")


def _who(condition: Criteria, member_condition: Criteria | None, lang: int) -> str:
    """Who a rule is for: 「…的，」 / " if …" (empty for everyone)."""
    zh = [] if condition == ALWAYS else [criteria_text(condition, 0) + "的"]
    en = [] if condition == ALWAYS else [" if " + criteria_text(condition, 1)]
    if member_condition is not None:
        zh.append(f"家庭成员中{criteria_text(member_condition, 0)}的")
        en.append(f" for each member with “{criteria_text(member_condition, 1)}”")
    return _pick(lang, "，".join(zh) + "，" if zh else "", ",".join(en))


def _compensation_items(policy: Policy, lang: int) -> list[str]:
    items = [_item_text(item, lang) for item in policy.compensation]
    allowance = policy.transition
    if allowance is not None:
        rate, months = _yuan(allowance.per_person_month), allowance.months
        least = _yuan(allowance.minimum_month)
        minimum = _pick(lang, f"，每户每月不足{least}元的按{least}元计",
                        f", at least {least} yuan per household and month"
                        ) if allowance.minimum_month > 0 else ""
        items.append(_pick(lang, f"过渡安置费：按认定人口每人每月{rate}元，计{months}个月{minimum}",
                           f"transition allowance: {rate} yuan per recognised member and month "
                           f"for {months} months{minimum}"))
    items.append(_pick(lang, "补偿补助合计减房价款为结算金额：正数由征收部门支付被安置户，"
                             "负数由被安置户补交",
                       "settlement = compensation − price: paid to the household if positive, "
                       "due from it if negative"))
    return items


def _restriction_text(group: PriorityGroup, lang: int) -> str:
    limits = group.flat_restriction
    if limits is None:
        return ""
    low, high = limits.floor_min, limits.floor_max
    parts = []
    if low is not None or high is not None:
        parts.append(_pick(lang, f"{low}层及以上" if high is None else f"{high}层及以下"
                           if low is None else f"{low}至{high}层",
                           f"floors {low or 1}–{high or '∞'}"))
    if limits.buildings:
        parts.append(_pick(lang, "、".join(f"{b}号楼" for b in limits.buildings),
                           "buildings " + ", ".join(limits.buildings)))
    if limits.layouts:
        parts.append(_pick(lang, "、".join(limits.layouts) + "户型",
                           "layouts " + ", ".join(limits.layouts)))
    return _pick(lang, f"；限选{'、'.join(parts)}房源", f"; flats on {', '.join(parts)} only")


def _group_items(policy: Policy, lang: int) -> list[str]:
    items = []
    for number, group in enumerate(policy.groups, start=1):
        cond, order = criteria_text(group.condition, lang), _ORDERS[group.order_within][lang]
        limits = _restriction_text(group, lang)
        items.append(_pick(lang, f"第{_cn(number)}组“{group.name}”：{cond}{limits}；{order}",
                           f"group {number} “{group.name}”: {cond}{limits}; {order}"))
    rest = policy.default_group
    items.append(_pick(lang, f"不属于以上各组的家庭为“{rest}”，{_ORDERS[LOTTERY][0]}",
                       f"all other households: “{rest}”, ordered by lottery"))
    items.append(_pick(lang, "每户只归入其符合条件的第一组；各组依次选房；"
                             "一次摇号确定全部家庭的顺序",
                       "each household joins the first group whose condition it meets; groups "
                       "choose in turn; one lottery orders every household"))
    return items


# ---------------------------------------------------------------------------
# The trace as text
# ---------------------------------------------------------------------------

_STEPS: dict[str, tuple[str, str]] = {
    "entitlement.people": ("按人口计算：认定人口{recognised_count}人（{by_category}）"
                           "→ {result}平方米",
                           "people: {recognised_count} recognised ({by_category}) → {result} m²"),
    "entitlement.legal": ("按原合法面积计算：{legal_area}平方米×{ratio} → {result}平方米",
                          "legal area: {legal_area} m² × {ratio} → {result} m²"),
    "entitlement.combine": ("合并（{mode}）：按人口{people}，按原合法面积{legal} → {result}平方米",
                            "combined ({mode}): people {people}, legal {legal} → {result} m²"),
    "entitlement.extra": ("增加面积“{name}”：{terms}；{count}×{area}平方米 → {result}平方米",
                          "extra “{name}”: {terms}; {count} × {area} m² → {result} m²"),
    "entitlement.minimum": ("保底面积：{area}不足{minimum} → {result}平方米",
                            "minimum: {area} below {minimum} → {result} m²"),
    "entitlement.band": ("可选房源总面积范围：{result}平方米（可超出安置面积至多{cap}平方米）",
                         "band: {result} m² (at most {cap} m² over the entitlement)"),
    "entitlement.band_check": ("所选总面积{area}平方米在可选范围{low}至{high}平方米内：{result}",
                               "chosen area {area} m² within {low}–{high} m²: {result}"),
    "group.test": ("第{number}组“{group}”（{mode}）：{terms} → {result}",
                   "group {number} “{group}” ({mode}): {terms} → {result}"),
    "group.default": ("不属于以上各组 → “{group}”", "no group matched → “{group}”"),
    "group.flat_restriction": ("房源{flat}（{floor}层）符合“{group}”的限选条件：{result}",
                               "flat {flat} (floor {floor}) allowed for “{group}”: {result}"),
    "order.key": ("组内顺序（{order_within}）：排序键 {result}",
                  "order within group ({order_within}): sort key {result}"),
    "compensation.item": ("“{name}”：{terms}；{count}{per}×{unit_amount}元 → {result}元",
                          "“{name}”: {terms}; {count} {per} × {unit_amount} yuan → {result} yuan"),
    "compensation.transition": ("过渡安置费：{people}人×{per_person_month}元×{months}个月"
                                " → {result}元",
                                "transition: {people} × {per_person_month} yuan × {months} "
                                "months → {result} yuan"),
    "compensation.total": ("补偿补助合计 → {result}元", "compensation total → {result} yuan"),
    "price.line": ("房源{flat}（{code}）：{area}平方米×{unit_price}元（楼层系数{floor_factor}）"
                   "→ {result}元",
                   "flat {flat} ({code}): {area} m² × {unit_price} yuan (floor factor "
                   "{floor_factor}) → {result} yuan"),
    "price.refund": ("面积不足安置面积{short}平方米，按{unit_price}元退还 → {result}元",
                     "{short} m² below the entitlement refunded at {unit_price} yuan → "
                     "{result} yuan"),
    "price.total": ("房价款合计（所选{area}平方米，安置面积{entitlement}平方米）→ {result}元",
                    "price total ({area} m² chosen, entitlement {entitlement} m²) → "
                    "{result} yuan"),
    "price.refused": ("所选面积{area}平方米超过可购买上限{max_area}平方米，不予安置",
                      "{area} m² exceeds the maximum {max_area} m²: refused"),
    "settlement": ("结算：补偿补助{compensation}元 − 房价款{price}元 = {result}元（{direction}）",
                   "settlement: {compensation} − {price} = {result} yuan ({direction})"),
}
# Inputs of money rules that are not money: areas, counts, factors.
_PLAIN_KEYS = frozenset({"area", "short", "entitlement", "legal_area", "count", "people",
                         "months", "floor", "factor", "floor_factor", "ratio", "max_area"})
_WORDS = {"within": ("安置面积内", "within entitlement"), "beyond_cap": ("超出上限", "beyond cap"),
          "to_household": ("支付给被安置户", "paid to the household"),
          "from_household": ("由被安置户补交", "due from the household"), "none": ("无", "none"),
          "max": ("取较大者", "larger"), "sum": ("相加", "sum"), "people": ("按人口", "people"),
          "legal": ("按原合法面积", "legal area"), LOTTERY: ("摇号", "lottery"),
          "signing_seq": ("签约顺序号", "signing order"), "signed_on": ("签约日期", "signing date"),
          "oldest_first": ("年长者优先", "oldest first"), "all": ("须全部满足", "all of"),
          "any": ("满足其一即可", "any of")}


def trace_text(trace: Trace, lang: str = "zh") -> str:
    """The trace as numbered lines, one per step, with the policy hash at the end."""
    code = _lang(lang)
    lines = [_pick(code, f"户号：{trace.household}", f"Household: {trace.household}")]
    for number, step in enumerate(trace.steps, start=1):
        lines.append(f"{number}. " + _STEPS[step.rule][code].format(**_step_fields(step, code)))
    lines.append(_pick(code, "方案SHA-256：", "Policy SHA-256: ") + trace.policy_sha256)
    return "\n".join(lines) + "\n"


def _step_fields(step: TraceStep, lang: int) -> dict[str, str]:
    money = step.rule.startswith(("price.", "compensation.", "settlement"))
    fields = {key: _step_value(key, value, lang, money) for key, value in step.inputs.items()}
    fields["result"] = _step_value("result", step.result, lang, money)
    if step.rule == "entitlement.band":
        fields["result"] = "{}–{}".format(*(format_area(v) for v in step.result))
    if step.rule == "group.test":
        fields["number"] = str(step.inputs["rank"] + 1)
    if step.rule == "price.line" and step.inputs["code"] == "tier":
        tier = step.inputs["tier"] + 1
        fields["code"] = _pick(lang, f"超出部分第{tier}档", f"excess tier {tier}")
    return fields


def _step_value(key: str, value: Any, lang: int, money: bool) -> str:
    if key == "terms":
        marks = [_pick(lang, f"{term_text(t, lang)}（{_value(t.fact, lang)}）",
                       f"{term_text(t, lang)} ({_value(t.fact, lang)})")
                 + ("✓" if t.holds else "✗") for t in value]
        return _pick(lang, "；", "; ").join(marks) or _pick(lang, "适用于所有家庭",
                                                           "every household")
    if key == "by_category":
        return _pick(lang, "，", ", ").join(
            _pick(lang, f"{name or '每人'}{format_area(area)}平方米×{count}",
                  f"{name or 'each'} {format_area(area)} m² × {count}")
            for name, count, area in value)
    if key == "per":
        return _PER[value][lang]
    if key in ("ratio", "floor_factor", "factor") and isinstance(value, Decimal):
        return format_factor(value)
    if isinstance(value, str) and value in _WORDS:
        return _WORDS[value][lang]
    if money and isinstance(value, Decimal) and key not in _PLAIN_KEYS:
        return format_yuan(value)
    return _value(value, lang)
