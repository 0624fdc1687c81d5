"""The rules notice: the whole policy as printed text, section by section, with its hash.

Conditions and values are worded by :mod:`allocation.wording`, which says
why this text lives beside the rules. ``lang`` is ``"zh"`` or ``"en"``.
"""

from __future__ import annotations

from decimal import Decimal

from allocation.money import format_area, format_factor, format_yuan
from allocation.rules.absence import ABSENT_TEXT, absent_rule
from allocation.rules.assessed_value import Subsidy, ValueBasis
from allocation.rules.compensation import CompensationItem, TransitionAllowance
from allocation.rules.conditions import ALWAYS, Criteria, reads_members
from allocation.rules.policy import Policy, policy_sha256
from allocation.rules.pricing import Tier
from allocation.rules.priority import LOTTERY, FlatRestriction, PriorityGroup
from allocation.rules.wording import criteria_text, lang_index, pick, value_text

_ORDERS = {
    LOTTERY: ("组内按摇号顺序选房", "ordered by lottery"),
    "signing_seq": ("组内按签约顺序号先后选房，顺序号相同或无顺序号的按摇号顺序",
                    "ordered by signing order number, ties and unsigned by lottery"),
    "signed_on": ("组内按签约日期先后选房，同日或未签约的按摇号顺序",
                  "ordered by signing date, ties and unsigned by lottery"),
    "oldest_first": ("组内按家庭成员最大年龄从高到低选房，同龄的按摇号顺序",
                     "oldest member first, ties by lottery"),
}
_EACH = {"household": ("每户", "per household"), "person": ("每人", "per person"),
         "certificate": ("每证", "per certificate")}
_CN = "零一二三四五六七八九十"


def _cn(number: int) -> str:
    """1..99 in Chinese numerals for headings (十一, 二十三)."""
    tens, ones = divmod(number, 10)
    head = ("" if tens == 1 else _CN[tens]) + "十" if tens else ""
    return head + (_CN[ones] if ones or not tens else "")


def _yuan(amount: Decimal) -> str:
    return format_yuan(amount, cents=False)


def policy_text(policy: Policy, lang: str = "zh", *, sha256: str | None = None) -> str:
    """The whole policy as the rules notice prints it, with its SHA-256 at the end.

    ``sha256`` is the hash stored when the policy was frozen; see
    :func:`allocation.rules.explain.explain_household` for why it is passed in.
    """
    code = lang_index(lang)
    sections = [(("安置面积", "Entitlement"), _entitlement_items(policy, code)),
                (("房价", "Prices"), _price_items(policy, code)),
                (("补偿补助", "Compensation"), _compensation_items(policy, code)),
                (("选房顺序", "Order of choice"),
                 _group_items(policy, code) + _absence_items(policy, code))]
    if policy.value_swap is not None or policy.money_compensation is not None:
        sections.insert(3, (("补偿方式", "Compensation modes"), _mode_items(policy, code)))
    lines = [policy.name] + ([policy.version_note] if policy.version_note else [])
    lines.append(_reference_date_text(policy, code))
    for number, (title, items) in enumerate(sections, start=1):
        lines.append(pick(code, f"{_cn(number)}、{title[0]}", f"{number}. {title[1]}"))
        lines += [pick(code, f"（{_cn(i)}）{text}。", f"  ({i}) {text}.")
                  for i, text in enumerate(items, start=1)]
    lines.append(pick(code, "本方案规范文本（canonical JSON）SHA-256：",
                      "SHA-256 of the canonical JSON of this policy: ")
                 + (sha256 or policy_sha256(policy)))
    return "\n".join(lines) + "\n"


def _reference_date_text(policy: Policy, lang: int) -> str:
    day = policy.reference_date
    if day is None:
        return pick(lang, "本方案未规定计算基准日，年龄及各项日期条件计算至计算当日。",
                    "This policy names no reference date: ages and date conditions are "
                    "judged on the day of each calculation.")
    text = value_text(day, lang)
    return pick(lang, f"计算基准日：{text}。年龄计算至{text}，各项日期条件均以该日为准。",
                f"Reference date: {text}. Ages are counted to that day and every date "
                "condition is judged on it.")


def _entitlement_items(policy: Policy, lang: int) -> list[str]:
    rules, band = policy.entitlement, policy.band
    items: list[str] = []
    if rules.combine != "legal":
        each = format_area(rules.area_per_person)
        text = pick(lang, f"认定人口每人按{each}平方米计算",
                    f"each recognised member counts {each} m²")
        for c in rules.person_categories:
            cond, area = criteria_text(c.member_condition, lang), format_area(c.area)
            text += pick(lang, f"；其中{cond}的（{c.name}），每人按{area}平方米计算",
                         f"; members who meet “{cond}” ({c.name}) count {area} m²")
        items.append(text)
    if rules.legal_area_ratio is not None and rules.combine != "people":
        ratio = format_factor(rules.legal_area_ratio * 100)
        items.append(pick(lang, f"按原合法面积的{ratio}%计算", f"{ratio} % of the legal area"))
    if rules.combine == "max":
        items.append(pick(lang, "安置面积取以上两项中的较大者", "the larger of the two counts"))
    if rules.combine == "sum":
        items.append(pick(lang, "安置面积为以上两项之和", "the two are added"))
    for extra in rules.extras:
        who = _who(extra.condition, extra.member_condition, lang,
                   _counted(extra.members, extra.condition, extra.per == "person", lang))
        area = format_area(extra.area)
        each = _EACH[extra.per][lang]
        items.append(pick(lang, f"{extra.name}：{who}{each}增加安置面积{area}平方米",
                          f"{extra.name}: {area} m² more {each}{who}"))
    if rules.minimum_area > 0:
        least, who = format_area(rules.minimum_area), _who(rules.minimum_condition, None, lang)
        items.append(pick(lang, f"{who}安置面积不足{least}平方米的，按{least}平方米计算",
                          f"at least {least} m² per household{who}"))
    if rules.maximum_area is not None:
        most = format_area(rules.maximum_area)
        items.append(pick(lang, f"安置面积最高不超过{most}平方米",
                          f"at most {most} m² of entitlement per household"))
    cap = format_area(rules.excess_cap)
    items.append(pick(lang, f"超出安置面积可购买的面积不超过{cap}平方米",
                      f"at most {cap} m² above the entitlement may be bought"))
    if band.below is not None or band.above is not None:
        high = format_area(band.above if band.above is not None else rules.excess_cap)
        low = "0" if band.below is None else pick(
            lang, f"安置面积减{format_area(band.below)}平方米",
            f"entitlement − {format_area(band.below)} m²")
        items.append(pick(lang, f"可选房源总面积为{low}至安置面积加{high}平方米",
                          f"the chosen flats total {low} to entitlement + {high} m²"))
    return items


def _price_text(price: Decimal | None, factor: Decimal | None, lang: int) -> str:
    if price is not None:
        return pick(lang, f"按{_yuan(price)}元/平方米", f"at {_yuan(price)} yuan/m²")
    percent = format_factor((factor if factor is not None else Decimal(1)) * 100)
    if percent == "100":
        return pick(lang, "按基准价", "at the base price")
    return pick(lang, f"按基准价的{percent}%", f"at {percent} % of the base price")


def _tier_text(tier: Tier, after_share: bool, lang: int) -> str:
    """One tier; after a tier that a share of the legal area may end sooner, this one
    starts where that one really ended, and says so."""
    start, end = format_area(tier.start), format_area(tier.end)
    price = _price_text(tier.price, tier.factor, lang)
    share = tier.end_share_of_legal
    limit = "" if share is None else pick(
        lang, f"且不超过原合法面积{format_factor(share * 100)}%",
        f" and within {format_factor(share * 100)} % of the legal area")
    if after_share:
        return pick(lang, f"超出上一档至超出安置面积{end}平方米{limit}的部分{price}计算",
                    f"from the end of the previous tier to {end} m² over the entitlement"
                    f"{limit} {price}")
    return pick(lang, f"超出安置面积{start}至{end}平方米{limit}的部分{price}计算",
                f"{start}–{end} m² over the entitlement{limit} {price}")


def _price_items(policy: Policy, lang: int) -> list[str]:
    rules, cap = policy.pricing, format_area(policy.entitlement.excess_cap)
    within = (pick(lang, "按所选房源的基准价", "at each flat's base price")
              if rules.base_price is None else _price_text(rules.base_price, None, lang))
    items = [pick(lang, f"安置面积以内的部分{within}计算",
                  f"area within the entitlement {within}")]
    items += [_tier_text(tier, index > 0 and rules.tiers[index - 1].end_share_of_legal
                         is not None, lang) for index, tier in enumerate(rules.tiers)]
    if rules.beyond_cap_price is None:
        items.append(pick(lang, f"超出安置面积{cap}平方米以上的部分不予购买",
                          f"no area beyond {cap} m² over the entitlement"))
    else:
        market = _yuan(rules.beyond_cap_price)
        items.append(pick(lang, f"超出安置面积{cap}平方米以上的部分按{market}元/平方米计算",
                          f"area beyond {cap} m² over the entitlement at {market} yuan/m²"))
    if rules.refund_price is not None:
        refund = _yuan(rules.refund_price)
        items.append(pick(lang, f"所选房源总面积小于安置面积的，差额部分按{refund}元/平方米退还"
                                "（多退少补）",
                          f"area below the entitlement is refunded at {refund} yuan/m²"))
    if rules.floor_coefficients:
        floors = [(c.first_floor, c.last_floor, format_factor(c.factor))
                  for c in rules.floor_coefficients]
        zh = "；".join(f"{a}至{b}层{f}" for a, b, f in floors)
        en = "; ".join(f"floors {a}–{b}: {f}" for a, b, f in floors)
        items.append(pick(lang, f"楼层调节系数：{zh}；其他楼层为1", f"floor coefficients: {en}; "
                                "other floors 1"))
    if rules.floor_increments:
        items.append(_increments_text(policy, lang))
    if rules.orientation_coefficients:
        zh = "；".join(f"{c.orientation}{format_factor(c.factor)}"
                      for c in rules.orientation_coefficients)
        en = "; ".join(f"{c.orientation} {format_factor(c.factor)}"
                       for c in rules.orientation_coefficients)
        items.append(pick(lang, f"朝向系数：{zh}；其他朝向为1",
                          f"orientation coefficients: {en}; other orientations 1"))
    if rules.floor_increments or rules.orientation_coefficients:
        # Two kinds of adjustment: the order they combine in changes the price, so it is stated.
        refund = pick(lang, "；面积不足退还部分不计楼层和朝向",
                      "; refunds are not adjusted") if rules.refund_price is not None else ""
        items.append(pick(lang, "各部分单价＝对应价格×楼层调节系数×朝向系数＋楼层差价，"
                                f"四舍五入到分{refund}",
                          "each unit price = its price × floor coefficient × orientation "
                          f"coefficient + floor increment, rounded to the fen{refund}"))
    items += _area_rule_items(policy, lang)
    items += _flats_items(policy, lang)
    return items


def _area_rule_items(policy: Policy, lang: int) -> list[str]:
    """The area basis, the round-up and the single-flat bonus; nothing where they are unset,
    so that the notice of a policy without them reads as it did."""
    rules, items = policy.pricing, []
    if rules.area_basis == "inner":
        share = rules.shared_area_share
        rest = pick(lang, "（房源须注明套内建筑面积）", " (each flat must give its inner area)") \
            if share is None else pick(
                lang, "（未注明套内建筑面积的房源按建筑面积扣除公摊"
                      f"{format_factor(share * 100)}%计，四舍五入到0.01平方米）",
                f" (a flat without one counts its building area less {format_factor(share * 100)}"
                " % shared area, rounded to 0.01 m²)")
        items.append(pick(lang, f"安置面积和房价按房源套内建筑面积计算{rest}",
                          f"flats are laid against the entitlement and priced by their inner "
                          f"area{rest}"))
    if rules.round_up is not None:
        most = format_area(rules.round_up.max_area)
        price = _price_text(rules.round_up.price, rules.round_up.factor, lang)
        items.append(pick(lang, f"选购单套房源超出安置面积不超过{most}平方米的（就近上靠），"
                                f"超出部分全部{price}计算；超过{most}平方米的按以上各档计算",
                          f"one flat over the entitlement by at most {most} m² (round-up): "
                          f"the whole excess {price}; more than {most} m² by the tiers above"))
    if rules.single_flat_bonus is not None:
        bonus = _yuan(rules.single_flat_bonus)
        # Where value swap is offered too, say that the bonus is not part of it.
        only = "" if policy.value_swap is None else pick(
            lang, "，仅限产权调换（按面积）", ", property exchange by area only")
        items.append(pick(lang, f"选购单套房源的，房价款减{bonus}元（单套奖励{only}）",
                          f"a household taking one flat has {bonus} yuan off its price "
                          f"(single-flat bonus{only})"))
    return items


def _counted_area_word(policy: Policy, lang: int) -> str:
    """The area a flat is counted by, as a value swap's article names it (计价面积)."""
    if policy.pricing.area_basis == "inner":
        return pick(lang, "套内建筑面积", "inner area")
    return pick(lang, "建筑面积", "area")


def _floors(first: int, last: int, lang: int) -> str:
    if first == last:
        return pick(lang, f"{first}层", f"floor {first}")
    return pick(lang, f"{first}至{last}层", f"floors {first}–{last}")


def _increments_text(policy: Policy, lang: int) -> str:
    """E.g. 楼层差价：1层每平方米减50元，6至8层每平方米加100元；其他楼层不加不减."""
    parts = []
    for step in policy.pricing.floor_increments:
        floors, amount = _floors(step.first_floor, step.last_floor, lang), _yuan(abs(step.amount))
        word = pick(lang, "减", "less") if step.amount < 0 else pick(lang, "加", "plus")
        parts.append(pick(lang, f"{floors}每平方米{word}{amount}元",
                          f"{floors} {word} {amount} yuan/m²"))
    return pick(lang, "楼层差价：" + "，".join(parts) + "；其他楼层不加不减",
                "floor increments: " + "; ".join(parts) + "; other floors none")


def _flats_items(policy: Policy, lang: int) -> list[str]:
    most = policy.entitlement.max_flats
    if most == 1:
        return [pick(lang, "每户限选购1套房源", "one flat per household")]
    several = pick(lang, "一户选购多套房源的，面积合并计算，按所列顺序依次计入安置面积",
                   "several flats of one household share its entitlement, in the order listed")
    if most is None:
        return [several]
    return [_most_flats_text(policy.entitlement.several_flats_from, most, lang), several]


def _most_flats_text(several_from: Decimal | None, most: int, lang: int) -> str:
    """每户最多可选购N套, or, where only large entitlements may take more than one, who may."""
    if several_from is None:
        return pick(lang, f"每户最多可选购{most}套房源", f"at most {most} flats per household")
    area = format_area(several_from)
    return pick(lang, f"安置面积达到{area}平方米的家庭每户最多可选购{most}套房源，"
                      f"其他家庭每户限选购1套",
                f"households entitled to {area} m² or more may take up to {most} flats, "
                f"others one")


def _item_text(item: CompensationItem, lang: int) -> str:
    return _plain_item_text(item, lang) + (_moves_text(item, lang) if item.moves else "")


def _moves_text(item: CompensationItem, lang: int) -> str:
    """What a per-move item (搬迁费) adds: it is paid per move, and how many moves there are
    (allocation.rules.compensation.move_count)."""
    if item.own_transition_moves == 1:
        return pick(lang, "，按搬迁次数计发：在周转用房过渡的计两次，自行过渡和货币补偿的"
                          "计一次",
                    ", paid per move: twice in transition housing, once in own transition "
                    "or with money compensation")
    return pick(lang, "，按搬迁次数计发：产权调换的计两次（自行过渡或周转用房过渡），"
                      "货币补偿的计一次",
                ", paid per move: twice with property exchange (own transition or "
                "transition housing), once with money compensation")


def _plain_item_text(item: CompensationItem, lang: int) -> str:
    amount = _yuan(item.amount)
    if item.per == "legal_area":
        return pick(lang, f"{item.name}：按原合法面积每平方米{amount}元",
                    f"{item.name}: {amount} yuan per m² of legal area")
    people = item.per in ("person", "certificate")
    who = _who(item.condition, item.member_condition, lang,
               _counted(item.members, item.condition, people, lang))
    each = _EACH[item.per][lang]
    return pick(lang, f"{item.name}：{who}{each}{amount}元",
                f"{item.name}: {amount} yuan {each}{who}")


def _who(condition: Criteria, member_condition: Criteria | None, lang: int,
         counted: str = "") -> str:
    """Who a rule is for: 「…的，」 / " if …" (empty for everyone), with who counts."""
    zh = [] if condition == ALWAYS else [criteria_text(condition, 0) + "的"]
    en = [] if condition == ALWAYS else [" if " + criteria_text(condition, 1)]
    if member_condition is not None:
        zh.append(f"家庭成员中{criteria_text(member_condition, 0)}的")
        en.append(f" for each member with “{criteria_text(member_condition, 1)}”")
    if counted and lang == 0:
        zh.append(counted)
    return pick(lang, "，".join(zh) + "，" if zh else "", ",".join(en) + (counted if lang else ""))


def _counted(members: str, condition: Criteria, counts_people: bool, lang: int) -> str:
    """「以认定人口计」 / 「以全部家庭成员计」 where it matters: the rule counts people, or its
    condition reads a person fact (an age, a condition); empty otherwise."""
    if not (counts_people or reads_members(condition)):
        return ""
    if members == "registered":
        return pick(lang, "以全部家庭成员计", " (counting every registered member)")
    return pick(lang, "以认定人口计", " (counting recognised members)")


def _compensation_items(policy: Policy, lang: int) -> list[str]:
    items = [_item_text(item, lang) for item in policy.compensation]
    items += _business_loss_text(policy, lang)
    allowance = policy.transition
    if allowance is not None:
        rate, months = _yuan(allowance.per_person_month), allowance.months
        who = pick(lang, "家庭成员" if allowance.members == "registered" else "认定人口",
                   "registered" if allowance.members == "registered" else "recognised")
        least = _yuan(allowance.minimum_month)
        minimum = pick(lang, f"，每户每月不足{least}元的按{least}元计",
                       f", at least {least} yuan per household and month"
                       ) if allowance.minimum_month > 0 else ""
        items.append(pick(lang, f"过渡安置费：按{who}每人每月{rate}元，计{months}个月{minimum}",
                          f"transition allowance: {rate} yuan per {who} member and month "
                          f"for {months} months{minimum}") + _in_housing_text(allowance, lang))
    items.append(pick(lang, "补偿补助合计减房价款为结算金额：正数由征收部门支付被安置户，"
                            "负数由被安置户补交",
                      "settlement = compensation − price: paid to the household if positive, "
                      "due from it if negative"))
    return items


def _in_housing_text(allowance: TransitionAllowance, lang: int) -> str:
    """How much of the allowance a household in transition housing (周转用房) gets."""
    share = allowance.in_housing
    if share == 1:
        return pick(lang, "；在周转用房过渡的，同样计发过渡安置费",
                    "; households in transition housing get it too")
    if share > 0:
        percent = format_factor(share * 100)
        return pick(lang, f"；在周转用房过渡的，按{percent}%计发过渡安置费",
                    f"; households in transition housing get {percent} % of it")
    return pick(lang, "；在周转用房过渡的，不计发过渡安置费",
                "; none for households in transition housing")


def _business_loss_text(policy: Policy, lang: int) -> list[str]:
    """停产停业损失 of a non-residential old home, as the policy counts it."""
    rules = policy.business_loss
    if rules is None:
        return []
    if rules.percent is not None:
        percent = format_factor(rules.percent)
        return [pick(lang, f"停产停业损失：原房屋用途为非住宅的，按被征收房屋评估价值的"
                           f"{percent}%计发",
                     f"business loss: a non-residential old home gets {percent} % of its "
                     "assessed value")]
    assert rules.per_area_month is not None
    rate = _yuan(rules.per_area_month)
    return [pick(lang, f"停产停业损失：原房屋用途为非住宅的，按原合法面积每平方米每月{rate}元，"
                       f"计{rules.months}个月",
                 f"business loss: a non-residential old home gets {rate} yuan per m² of "
                 f"legal area and month for {rules.months} months")]


def _restriction_text(group: PriorityGroup, lang: int) -> str:
    limits = group.flat_restriction
    if limits is None:
        return ""
    parts = _restriction_parts(limits, lang)
    return pick(lang, f"；限选{'、'.join(parts)}房源", f"; flats on {', '.join(parts)} only")


def restriction_text(limits: FlatRestriction | None, lang: str = "zh") -> str:
    """A group's flat restriction in a few words (3层及以下、1号楼), or "" when there is none."""
    if limits is None:
        return ""
    index = lang_index(lang)
    return pick(index, "、", ", ").join(_restriction_parts(limits, index))


def _restriction_parts(limits: FlatRestriction, lang: int) -> list[str]:
    low, high = limits.floor_min, limits.floor_max
    parts = []
    if low is not None or high is not None:
        parts.append(pick(lang, f"{low}层及以上" if high is None else f"{high}层及以下"
                          if low is None else f"{low}至{high}层",
                          f"floors {low or 1}–{high or '∞'}"))
    if limits.buildings:
        parts.append(pick(lang, "、".join(f"{b}号楼" for b in limits.buildings),
                          "buildings " + ", ".join(limits.buildings)))
    if limits.layouts:
        parts.append(pick(lang, "、".join(limits.layouts) + "户型",
                          "layouts " + ", ".join(limits.layouts)))
    return parts


def _group_items(policy: Policy, lang: int) -> list[str]:
    items = []
    for number, group in enumerate(policy.groups, start=1):
        cond, order = criteria_text(group.condition, lang), _ORDERS[group.order_within][lang]
        counted = _counted(group.members, group.condition, False, lang)
        cond += pick(lang, f"（{counted}）", counted) if counted else ""
        limits = _restriction_text(group, lang)
        items.append(pick(lang, f"第{_cn(number)}组“{group.name}”：{cond}{limits}；{order}",
                          f"group {number} “{group.name}”: {cond}{limits}; {order}"))
    rest = policy.default_group
    items.append(pick(lang, f"不属于以上各组的家庭为“{rest}”，{_ORDERS[LOTTERY][0]}",
                      f"all other households: “{rest}”, ordered by lottery"))
    items.append(pick(lang, "每户只归入其符合条件的第一组；各组依次选房；"
                            "一次摇号确定全部家庭的顺序",
                      "each household joins the first group whose condition it meets; groups "
                      "choose in turn; one lottery orders every household"))
    return items


# ---------------------------------------------------------------------------
# Compensation modes: value swap (价值互换) and money compensation (货币补偿)
# ---------------------------------------------------------------------------


def _mode_items(policy: Policy, lang: int) -> list[str]:
    """The modes the policy offers besides area mode, as the notice words them."""
    modes = [pick(lang, "产权调换（按面积）", "property exchange by area")]
    if policy.value_swap is not None:
        modes.append(pick(lang, "产权调换（价值互换）", "by value (value swap)"))
    if policy.money_compensation is not None:
        modes.append(pick(lang, "货币补偿", "money compensation"))
    items = [pick(lang, f"被征收人可选择{'、'.join(modes)}，选定一种补偿方式后按该方式结算；"
                        "按面积产权调换的，按以上各条执行",
                  f"each household chooses one of: {', '.join(modes)}; by area, the sections "
                  "above apply")]
    if policy.value_swap is not None:
        items += _value_swap_items(policy, lang)
    if policy.money_compensation is not None:
        items.append(_money_item(policy.money_compensation, lang))
    return items


def _value_swap_items(policy: Policy, lang: int) -> list[str]:
    rules = policy.value_swap
    assert rules is not None
    value = pick(lang, "被征收房屋评估价值", "the assessed value of the old home")
    if rules.subsidies:
        value += pick(lang, "加" + _subsidies(rules.subsidies, lang),
                      " plus " + _subsidies(rules.subsidies, lang))
    counted = _counted_names(rules, lang)
    items = [pick(lang, f"选择价值互换的，以{value}为可用价值"
                        + (f"，{counted}一并计入可用价值" if counted else ""),
                  f"by value swap, the value available is {value}"
                  + (f"; {counted} count towards it" if counted else ""))]
    base = policy.pricing.base_price
    unit = (pick(lang, "所选房源的基准价", "each flat's base price") if base is None
            else pick(lang, f"{_yuan(base)}元/平方米", f"{_yuan(base)} yuan/m²"))
    floors = pick(lang, "乘以楼层调节系数", " × its floor coefficient") \
        if policy.pricing.floor_coefficients else ""
    area = _counted_area_word(policy, lang)
    items.append(pick(lang, f"安置房源价值按房源{area}乘以房源单价计算，房源单价为{unit}{floors}",
                      f"a flat's value is its {area} × its unit value: {unit}{floors}"))
    order = pick(lang, "按所列顺序依次以可用价值抵扣所选房源价值，可用价值用尽后不得再选购房源",
                 "the value pays for the flats in the order listed; none may be taken once it "
                 "is used up")
    share = rules.last_flat_min_share
    if share is not None:
        percent = format_factor(share * 100)
        shops = "、".join(rules.non_residential_layouts)
        order += pick(lang, f"；剩余可用价值不足最后一套房源价值{percent}%的，不得选购该套房源"
                            + (f"（{shops}户型除外）" if shops else ""),
                      f"; nor a last flat whose value the value left covers less than {percent} %"
                      + (f" (layouts {', '.join(rules.non_residential_layouts)} excepted)"
                         if shops else ""))
    items.append(order)
    if rules.alone_layouts:
        items.append(pick(lang, f"{'、'.join(rules.alone_layouts)}户型只能单独选购，"
                                "不得与其他房源同时选购",
                          f"layouts {', '.join(rules.alone_layouts)} may only be taken alone"))
    items.append(pick(lang, "房源价值与可用价值的差额多退少补：可用价值有剩余的，由征收部门支付"
                            "被安置户；不足的，由被安置户补交",
                      "the difference is settled in money: value left over is paid to the "
                      "household, a shortfall is due from it"))
    return items


def _money_item(rules: ValueBasis, lang: int) -> str:
    total = format_factor(100 + sum((s.percent for s in rules.subsidies), Decimal(0)))
    parts = [(s.name, format_factor(s.percent)) for s in rules.subsidies]
    within = pick(lang, "（含" + "、".join(f"{name}{percent}%" for name, percent in parts) + "）",
                  " (including " + ", ".join(f"{name} {percent} %" for name, percent in parts)
                  + ")")
    counted = _counted_names(rules, lang)
    paid = pick(lang, f"按评估价值的{total}%给予补偿{within}", f"{total} % of the assessed "
                f"value is paid{within}") if parts else pick(lang, "按评估价值给予补偿",
                                                              "the assessed value is paid")
    return pick(lang, f"选择货币补偿的，{paid}" + (f"，另支付{counted}" if counted else "")
                + "，不安置房源，不参加选房",
                f"by money compensation, {paid}" + (f", plus {counted}" if counted else "")
                + "; no flat, and no place in the selection")


def _subsidies(subsidies: tuple[Subsidy, ...], lang: int) -> str:
    """5%产权调换补助、2%搬迁奖励 / 5 % (产权调换补助), 2 % (搬迁奖励)."""
    return pick(lang, "、".join(f"{format_factor(s.percent)}%{s.name}" for s in subsidies),
                ", ".join(f"{format_factor(s.percent)} % ({s.name})" for s in subsidies))


def _counted_names(rules: ValueBasis, lang: int) -> str:
    """The compensation items and the allowance a mode counts, named: 重病补助、过渡安置费."""
    names = list(rules.items) + ([pick(lang, "过渡安置费", "the transition allowance")]
                                 if rules.transition else [])
    return pick(lang, "、".join(names), ", ".join(names))


def _absence_items(policy: Policy, lang: int) -> list[str]:
    """Where a household absent at its calls is called again (allocation.rules.absence)."""
    zh, en = ABSENT_TEXT[absent_rule(policy.session)]
    return [pick(lang, zh, en)]
