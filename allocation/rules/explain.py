"""Explanations: each household's trace (area, group, order, price), as data and as printed text.

The trace text is a printed document, not interface wording: see
:mod:`allocation.wording` for why it lives beside the rules. ``lang`` is
``"zh"`` or ``"en"``. The policy itself as printed text is
:func:`allocation.rules_text.policy_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from allocation.errors import ValidationError
from allocation.money import format_area, format_factor, format_yuan
from allocation.registry import COMPENSATION_MODE_ZH, CompensationMode, Flat, Household
from allocation.rules.compensation import compute_compensation
from allocation.rules.conditions import PERSON_FIELDS, TermResult, judged_on
from allocation.rules.entitlement import Entitlement, compute_entitlement
from allocation.rules.policy import Policy, policy_sha256
from allocation.rules.pricing import counted_area, price_flats, settle
from allocation.rules.priority import (
    LOTTERY,
    assign_group,
    flat_allowed,
    group_restriction,
    order_within,
    published_assignment,
    sort_key,
)
from allocation.rules.settlement import (
    money_compensation,
    refuse_flats_for_money,
    settlement_step,
    value_available,
    value_swap_rules,
)
from allocation.rules.value_swap import REFUSALS, walk_flats
from allocation.rules.wording import lang_index, pick, term_text, value_text
from allocation.trace import TraceStep


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
    household: Household, policy: Policy, on: date, flat: Flat | Sequence[Flat] | None = None,
    *, published_group: str | None = None, sha256: str | None = None,
) -> Trace:
    """The trace of ``household`` under ``policy``, with candidate flat(s) if given.

    Ages and dates are judged on the policy's reference date, or on ``on``
    for a policy that names none (:func:`~allocation.rules.conditions.judged_on`);
    the first step says which day it was.

    ``published_group`` is the group the household was published in with the
    lottery pool (``db.lottery.published_groups``): once the pool is
    published that group stands, whatever the household's facts say on
    ``on``, and the trace records it as one ``group.published`` step.

    ``sha256`` is the hash printed with the policy when it was
    frozen (``db.rules.PolicyVersion.sha256``): a document frozen under an
    older schema hashes its stored text, which today's canonical form of the
    upgraded policy no longer spells. Left out, the policy is hashed now.

    Steps:
        0. the day facts are judged on (``reference_date`` or ``reference_date.day``);
        1. entitlement: people, legal area, combination, extras, minimum, band;
        2. priority group (each group tested, term by term, or the published
           group) and the order key within it;
        3. compensation items and the transition allowance;
        4. with flats: each flat against the group's restriction, the total
           area against the band, the price line by line and the settlement
           (or the refusal, for area beyond the cap or too many flats).

    A household in value or money mode follows its mode instead (see
    :func:`_by_value_steps`); area mode's trace is what it always was.
    """
    on = judged_on(policy, on)
    day = TraceStep("reference_date" if policy.reference_date else "reference_date.day", {}, on)
    if household.compensation_mode is not CompensationMode.AREA:
        steps = _by_value_steps(household, policy, on, flat, published_group)
        return Trace(household.code, sha256 or policy_sha256(policy), (day, *steps))
    entitlement = compute_entitlement(household, policy, on)
    group = (assign_group(household, policy, on) if published_group is None
             else published_assignment(policy, published_group))
    order = order_within(policy, group.rank)
    compensation = compute_compensation(household, policy, on)
    steps = [day, *entitlement.trace, *group.trace,
             TraceStep("order.key", {"group": group.name, "order_within": order},
                       sort_key(household, order, on)),
             *compensation.trace]
    if flat is not None:
        flats = (flat,) if isinstance(flat, Flat) else tuple(flat)
        steps += _restriction_steps(policy, group.rank, group.name, flats)
        steps += _price_steps(household, flats, policy, on, entitlement, compensation.total)
    return Trace(household.code, sha256 or policy_sha256(policy), tuple(steps))


def _restriction_steps(
    policy: Policy, rank: int, name: str, flats: tuple[Flat, ...]
) -> list[TraceStep]:
    restriction = group_restriction(policy, rank)
    return [TraceStep("group.flat_restriction", {"flat": f.key, "group": name, "floor": f.floor},
                      flat_allowed(restriction, f)) for f in flats]


def _price_steps(
    household: Household, flats: tuple[Flat, ...], policy: Policy, on: date,
    entitlement: Entitlement, compensation: Decimal,
) -> list[TraceStep]:
    area = sum((counted_area(f, policy.pricing) for f in flats), Decimal("0.00"))
    band = entitlement.band
    steps = [TraceStep("entitlement.band_check", {"area": area, "low": band.low,
                                                  "high": band.high}, band.contains(area))]
    try:
        price = price_flats(household, flats, policy, on, entitlement=entitlement)
    except ValidationError as error:
        if error.code == "too_many_flats":
            inputs: dict[str, object] = {"count": len(flats),
                                         "max_flats": error.params["max_flats"]}
            return [*steps, TraceStep("price.too_many_flats", inputs, False)]
        if error.code != "area_beyond_cap":
            raise
        inputs = {"area": area, "max_area": entitlement.max_area}
        return [*steps, TraceStep("price.refused", inputs, False)]
    balance = settle(compensation, price.total)
    inputs = {"compensation": balance.compensation, "price": balance.price,
              "direction": balance.direction}
    return [*steps, *price.trace, TraceStep("settlement", inputs, balance.balance)]


# ---------------------------------------------------------------------------
# Value swap and money compensation
# ---------------------------------------------------------------------------


def _by_value_steps(
    household: Household, policy: Policy, on: date, flat: Flat | Sequence[Flat] | None,
    published_group: str | None,
) -> list[TraceStep]:
    """The trace after the reference day, for a household in value or money mode.

    Steps:
        1. the mode and the day it was chosen;
        2. value mode: the group and order key as in area mode (a value swap
           household chooses flats in the lottery order); money mode has none
           (it is not in the pool);
        3. the assessed value, its subsidies, the items and allowance counted;
        4. value mode with flats: each flat against the group's restriction,
           then each flat's value, the value used and what remains, and the
           settlement (多退少补) or the refusal; money mode: the settlement
           (flats are refused: ``flats_in_money_mode``).
    """
    mode = household.compensation_mode
    chosen = TraceStep("compensation.mode", {"chosen_on": household.mode_chosen_on}, mode.value)
    flats = () if flat is None else (flat,) if isinstance(flat, Flat) else tuple(flat)
    if mode is CompensationMode.MONEY:
        refuse_flats_for_money(household, flats)
        paid = money_compensation(household, policy, on)
        balance = settle(paid.total, Decimal("0.00"))
        return [chosen, *paid.trace, settlement_step("settlement.money", balance)]
    group = (assign_group(household, policy, on) if published_group is None
             else published_assignment(policy, published_group))
    order = order_within(policy, group.rank)
    available = value_available(household, policy, on)
    steps = [chosen, *group.trace,
             TraceStep("order.key", {"group": group.name, "order_within": order},
                       sort_key(household, order, on)),
             *available.trace]
    if flat is None:
        return steps
    steps += _restriction_steps(policy, group.rank, group.name, flats)
    swap, refusal = walk_flats(household, flats, value_swap_rules(policy, household),
                               policy.pricing, available.total, steps)
    if refusal is not None:
        return [*steps, _refusal_step(refusal)]
    assert swap is not None
    return [*steps, settlement_step("settlement.value_swap", settle(available.total, swap.total))]


def _refusal_step(refusal: ValidationError) -> TraceStep:
    """A value swap's refusal as the trace's last step, its figures as Decimals again."""
    if refusal.code not in REFUSALS:
        raise refusal
    inputs = {key: Decimal(value) if key in _REFUSAL_FIGURES else value
              for key, value in refusal.params.items() if key != "household"}
    return TraceStep(f"price.{refusal.code}", inputs, False)


_REFUSAL_FIGURES = frozenset({"available", "remaining", "value", "minimum", "share"})


# ---------------------------------------------------------------------------
# The trace as text
# ---------------------------------------------------------------------------

_STEPS: dict[str, tuple[str, str]] = {
    "reference_date": ("计算基准日：年龄及各项日期条件计算至{result}",
                       "reference date: ages and date conditions are judged on {result}"),
    "reference_date.day": ("方案未规定计算基准日：年龄及各项日期条件计算至计算当日{result}",
                           "the policy names no reference date: ages and date conditions "
                           "are judged on the day of calculation, {result}"),
    "entitlement.people": ("按人口计算：认定人口{recognised_count}人（{by_category}）"
                           "→ {result}平方米",
                           "people: {recognised_count} recognised ({by_category}) → {result} m²"),
    "entitlement.legal": ("按原合法面积计算：{legal_area}平方米×{ratio} → {result}平方米",
                          "legal area: {legal_area} m² × {ratio} → {result} m²"),
    "entitlement.combine": ("合并（{mode}）：按人口{people}，按原合法面积{legal} → {result}平方米",
                            "combined ({mode}): people {people}, legal {legal} → {result} m²"),
    "entitlement.extra": ("增加面积“{name}”{counted}：{terms}；{count}×{area}平方米 → "
                          "{result}平方米",
                          "extra “{name}”{counted}: {terms}; {count} × {area} m² → "
                          "{result} m²"),
    "entitlement.minimum": ("保底面积：{area}不足{minimum} → {result}平方米",
                            "minimum: {area} below {minimum} → {result} m²"),
    "entitlement.minimum_condition": ("保底面积：{area}不足{minimum}，保底条件{terms}，"
                                      "{held} → {result}平方米",
                                      "minimum: {area} below {minimum}, its condition: "
                                      "{terms}; {held} → {result} m²"),
    "entitlement.maximum": ("最高安置面积：{area}超过{maximum} → {result}平方米",
                            "maximum: {area} above {maximum} → {result} m²"),
    "entitlement.band": ("可选房源总面积范围：{result}平方米（可超出安置面积至多{cap}平方米）",
                         "band: {result} m² (at most {cap} m² over the entitlement)"),
    "entitlement.band_check": ("所选总面积{area}平方米在可选范围{low}至{high}平方米内：{result}",
                               "chosen area {area} m² within {low}–{high} m²: {result}"),
    "group.test": ("第{number}组“{group}”（{mode}{counted}）：{terms} → {result}",
                   "group {number} “{group}” ({mode}{counted}): {terms} → {result}"),
    "group.default": ("不属于以上各组 → “{group}”", "no group matched → “{group}”"),
    "group.published": ("摇号名单公示时所列优先组 → “{group}”",
                        "group as published in the lottery pool → “{group}”"),
    "group.flat_restriction": ("房源{flat}（{floor}层）符合“{group}”的限选条件：{result}",
                               "flat {flat} (floor {floor}) allowed for “{group}”: {result}"),
    "order.key": ("组内顺序（{order_within}）：排序键 {result}",
                  "order within group ({order_within}): sort key {result}"),
    "compensation.item": ("“{name}”{counted}：{terms}；{count}{per}×{unit_amount}元 → "
                          "{result}元",
                          "“{name}”{counted}: {terms}; {count} {per} × {unit_amount} yuan → "
                          "{result} yuan"),
    "compensation.transition": ("过渡安置费（{members}）：{people}人×{per_person_month}元×"
                                "{months}个月 → {result}元",
                                "transition ({members}): {people} × {per_person_month} yuan × "
                                "{months} months → {result} yuan"),
    "compensation.total": ("补偿补助合计 → {result}元", "compensation total → {result} yuan"),
    "price.tier_limit": ("超出部分第{number}档止于超出安置面积{end}平方米与原合法面积"
                         "{legal_area}平方米×{share}（{limit}平方米）中的较小者 → "
                         "超出安置面积{result}平方米",
                         "excess tier {number} ends at the lesser of {end} m² and "
                         "{share} × the legal area of {legal_area} m² ({limit} m²) → "
                         "{result} m² over the entitlement"),
    "price.line": ("房源{flat}（{code}）：{area}平方米×{unit_price}元（{basis}）→ {result}元",
                   "flat {flat} ({code}): {area} m² × {unit_price} yuan ({basis}) → "
                   "{result} yuan"),
    "price.refund": ("面积不足安置面积{short}平方米，按{unit_price}元退还 → {result}元",
                     "{short} m² below the entitlement refunded at {unit_price} yuan → "
                     "{result} yuan"),
    "price.total": ("房价款合计（所选{area}平方米，安置面积{entitlement}平方米）→ {result}元",
                    "price total ({area} m² chosen, entitlement {entitlement} m²) → "
                    "{result} yuan"),
    "price.refused": ("所选面积{area}平方米超过可购买上限{max_area}平方米，不予安置",
                      "{area} m² exceeds the maximum {max_area} m²: refused"),
    "price.too_many_flats": ("所选房源{count}套，超过每户最多{max_flats}套，不予安置",
                             "{count} flats chosen, more than the {max_flats} a household "
                             "may take: refused"),
    "settlement": ("结算：补偿补助{compensation}元 − 房价款{price}元 = {result}元（{direction}）",
                   "settlement: {compensation} − {price} = {result} yuan ({direction})"),
}
_STEPS.update({
    # The area basis, the round-up and the single-flat bonus of the pricing rules.
    "price.counted_area": ("房源{flat}计价面积（按套内建筑面积）：{basis} → {result}平方米",
                           "flat {flat} counted by inner area: {basis} → {result} m²"),
    "price.round_up": ("{reason}", "{reason}"),
    "price.bonus": ("选购单套房源奖励{bonus}元 → {result}元",
                    "single-flat bonus of {bonus} yuan → {result} yuan"),
})
_STEPS.update({
    # Value swap (价值互换) and money compensation (货币补偿), see _by_value_steps. Their rules
    # sit under compensation., price. and settlement so that papers file them alongside.
    "compensation.mode": ("补偿方式：{result}；选定日期：{chosen_on}",
                          "compensation mode: {result} (chosen on {chosen_on})"),
    "compensation.assessed_value": ("被征收房屋评估价值（评估报告编号：{report}）→ {result}元",
                                    "assessed value of the old home (appraisal report {report}) "
                                    "→ {result} yuan"),
    "compensation.subsidy": ("“{name}”：评估价值{assessed_value}元×{percent}% → {result}元",
                             "“{name}”: {percent} % of the assessed value {assessed_value} yuan "
                             "→ {result} yuan"),
    "compensation.value_available": ("可用价值合计（{lines}项）→ {result}元",
                                     "value available ({lines} lines) → {result} yuan"),
    "compensation.money_total": ("货币补偿合计（{lines}项）→ {result}元",
                                 "money compensation total ({lines} lines) → {result} yuan"),
    "price.value_share": ("房源{flat}价值{value}元，剩余可用价值{remaining}元不低于其{share}"
                          "（{minimum}元）：{result}",
                          "flat {flat} worth {value} yuan: the remaining {remaining} yuan is at "
                          "least {share} of it ({minimum} yuan): {result}"),
    "price.value_share_exempt": ("房源{flat}为非住宅（{layout}），不受剩余可用价值比例限制"
                                 "（剩余{remaining}元，房源价值{value}元）",
                                 "flat {flat} is non-residential ({layout}): no share rule "
                                 "(remaining {remaining} yuan, value {value} yuan)"),
    "price.value": ("房源{flat}（{layout}）：{area}平方米×单价{unit_value}元 → 房源价值{result}元；"
                    "抵扣前可用价值{available}元，抵扣{used}元，剩余{remaining}元",
                    "flat {flat} ({layout}): {area} m² × {unit_value} yuan → value {result} yuan; "
                    "available {available}, used {used}, remaining {remaining} yuan"),
    "price.value_short": ("房源{flat}价值{value}元，抵扣{used}元，差价{result}元由被安置户补交",
                          "flat {flat} worth {value} yuan, {used} yuan used: {result} yuan due "
                          "from the household"),
    "price.value_total": ("房源价值合计（{area}平方米，可用价值{available}元）→ {result}元",
                          "value of the flats ({area} m², value available {available} yuan) → "
                          "{result} yuan"),
    "price.value_exhausted": ("可用价值已用尽（剩余{available}元），不得再选购房源{flat}",
                              "no value left ({available} yuan): flat {flat} refused"),
    "price.last_flat_share_too_small": (
        "剩余可用价值{remaining}元低于房源{flat}价值{value}元的{share}（{minimum}元），"
        "不得选购该套房源",
        "the remaining {remaining} yuan is below {share} of flat {flat}'s value {value} yuan "
        "({minimum} yuan): refused"),
    "price.layout_taken_alone_only": ("{layout}户型只能单独选购，房源{flat}不得与其他房源同时选购",
                                      "layout {layout} is taken alone only: flat {flat} refused "
                                      "with other flats"),
    "settlement.value_swap": ("结算（多退少补）：可用价值{compensation}元 − 房源价值{price}元 = "
                              "{result}元（{direction}）",
                              "settlement: value available {compensation} − value of the flats "
                              "{price} = {result} yuan ({direction})"),
    "settlement.money": ("结算：货币补偿{compensation}元，不安置房源 → {result}元（{direction}）",
                         "settlement: money compensation {compensation} yuan, no flat → "
                         "{result} yuan ({direction})"),
})
_STEPS.update({
    # Moves (搬迁费) and transition housing (周转用房过渡), see allocation.rules.compensation.
    "compensation.move_item": ("“{name}”{counted}：{terms}；{count}{per}×{unit_amount}元×"
                               "搬迁{moves}次（{how}）→ {result}元",
                               "“{name}”{counted}: {terms}; {count} {per} × {unit_amount} "
                               "yuan × {moves} move(s) ({how}) → {result} yuan"),
    "compensation.transition_housing": ("过渡安置费（{members}）：被安置户在周转用房过渡，"
                                        "{people}人×{per_person_month}元×{months}个月"
                                        "（每户每月{monthly}元）×本方案计发比例{share} → "
                                        "{result}元",
                                        "transition ({members}): the household waits in "
                                        "transition housing; {people} × {per_person_month} "
                                        "yuan × {months} months ({monthly} yuan a month) × "
                                        "the policy's share {share} → {result} yuan"),
    "compensation.transition_housing_none": ("过渡安置费：被安置户在周转用房过渡，本方案对"
                                             "周转用房过渡的不计发过渡安置费 → {result}元",
                                             "transition allowance: the household waits in "
                                             "transition housing, for which this policy pays "
                                             "no allowance → {result} yuan"),
    # 停产停业损失, see allocation.rules.business_loss.
    "compensation.business_loss_none": ("停产停业损失：原房屋用途为住宅，不予计发 → {result}元",
                                        "business loss: the old home is residential, none is "
                                        "owed → {result} yuan"),
    "compensation.business_loss_value": ("停产停业损失：原房屋用途为非住宅，评估价值"
                                         "{assessed_value}元×{percent}% → {result}元",
                                         "business loss: non-residential old home, "
                                         "{percent} % of the assessed value "
                                         "{assessed_value} yuan → {result} yuan"),
    "compensation.business_loss_area": ("停产停业损失：原房屋用途为非住宅，原合法面积{area}"
                                        "平方米×{per_area_month}元/平方米·月×{months}个月 → "
                                        "{result}元",
                                        "business loss: non-residential old home, legal area "
                                        "{area} m² × {per_area_month} yuan/m² a month × "
                                        "{months} months → {result} yuan"),
})
_MOVES = {"housing": ("周转用房过渡", "transition housing"), "own": ("自行过渡", "own transition"),
          "money": ("货币补偿", "money compensation")}
_MODE_EN = {CompensationMode.AREA: "property exchange by area",
            CompensationMode.VALUE: "property exchange by value (value swap)",
            CompensationMode.MONEY: "money compensation"}
# Inputs of money rules that are not money: areas, counts, factors.
_PLAIN_KEYS = frozenset({"area", "short", "entitlement", "legal_area", "count", "people",
                         "months", "floor", "factor", "floor_factor", "ratio", "max_area",
                         "end", "limit", "max_flats", "moves"})
_WORDS = {"within": ("安置面积内", "within entitlement"), "beyond_cap": ("超出上限", "beyond cap"),
          "round_up": ("就近上靠", "round-up"),
          "to_household": ("支付给被安置户", "paid to the household"),
          "from_household": ("由被安置户补交", "due from the household"), "none": ("无", "none"),
          "max": ("取较大者", "larger"), "sum": ("相加", "sum"), "people": ("按人口", "people"),
          "legal": ("按原合法面积", "legal area"), LOTTERY: ("摇号", "lottery"),
          "signing_seq": ("签约顺序号", "signing order"), "signed_on": ("签约日期", "signing date"),
          "oldest_first": ("年长者优先", "oldest first"), "all": ("须全部满足", "all of"),
          "any": ("满足其一即可", "any of"),
          "recognised": ("以认定人口计", "counting recognised members"),
          "registered": ("以全部家庭成员计", "counting every registered member")}
_PER = {"household": ("户", "household(s)"), "person": ("人", "person(s)"),
        "certificate": ("证", "certificate(s)"), "legal_area": ("平方米", "m²")}


def trace_text(trace: Trace, lang: str = "zh") -> str:
    """The trace as numbered lines, one per step, with the policy hash at the end."""
    code = lang_index(lang)
    lines = [pick(code, f"户号：{trace.household}", f"Household: {trace.household}")]
    for number, step in enumerate(trace.steps, start=1):
        lines.append(f"{number}. " + _STEPS[step.rule][code].format(**_step_fields(step, code)))
    lines.append(pick(code, "方案SHA-256：", "Policy SHA-256: ") + trace.policy_sha256)
    return "\n".join(lines) + "\n"


def step_text(step: TraceStep, lang: str = "zh") -> str:
    """One step in the trace's words (e.g. why the desk refuses a household's further flat)."""
    code = lang_index(lang)
    return _STEPS[step.rule][code].format(**_step_fields(step, code))


def refusal_step(refusal: ValidationError) -> TraceStep:
    """A value swap's refusal (:data:`allocation.rules.value_swap.REFUSALS`) as a trace step."""
    return _refusal_step(refusal)


def _step_fields(step: TraceStep, lang: int) -> dict[str, str]:
    money = step.rule.startswith(("price.", "compensation.", "settlement"))
    fields = {key: _step_value(key, value, lang, money) for key, value in step.inputs.items()}
    fields["result"] = _step_value("result", step.result, lang, money)
    _mode_fields(step, lang, fields)
    if step.rule == "entitlement.band":
        fields["result"] = "{}–{}".format(*(format_area(v) for v in step.result))
    if step.rule == "group.test":
        fields["number"] = str(step.inputs["rank"] + 1)
    if step.rule == "price.line" and step.inputs["code"] == "tier":
        tier = step.inputs["tier"] + 1
        fields["code"] = pick(lang, f"超出部分第{tier}档", f"excess tier {tier}")
    if step.rule == "price.line":
        fields["basis"] = _price_basis(step.inputs, lang)
    if step.rule in ("group.test", "entitlement.extra", "compensation.item",
                     "compensation.move_item"):
        fields["counted"] = _counted(step, lang)
    if step.rule == "compensation.move_item":
        fields["how"] = _MOVES[step.inputs["how"]][lang]
    if step.rule == "price.tier_limit":
        fields["number"] = str(step.inputs["tier"] + 1)
        fields["share"] = format_factor(step.inputs["share"])
        fields["result"] = format_area(step.result)  # an area, though a price step
    if step.rule in ("price.counted_area", "price.round_up"):
        _area_rule_fields(step, lang, fields)
    if step.rule == "entitlement.minimum_condition":
        fields["held"] = (pick(lang, "符合", "met") if step.inputs["condition_holds"]
                          else pick(lang, "不符合，不予保底", "not met, no minimum"))
    return fields


def _mode_fields(step: TraceStep, lang: int, fields: dict[str, str]) -> None:
    """The words of value and money mode steps: the mode's name, a share as a percentage."""
    if step.rule == "compensation.mode":
        mode = CompensationMode(step.result)
        fields["result"] = pick(lang, COMPENSATION_MODE_ZH[mode], _MODE_EN[mode])
    if "report" in step.inputs and not step.inputs["report"]:
        fields["report"] = pick(lang, "未填", "none given")
    if isinstance(step.inputs.get("share"), Decimal):
        fields["share"] = format_factor(step.inputs["share"] * 100) + "%"
    if isinstance(step.inputs.get("percent"), Decimal):
        fields["percent"] = format_factor(step.inputs["percent"])

def _area_rule_fields(step: TraceStep, lang: int, fields: dict[str, str]) -> None:
    """Where a counted area came from, and whether the round-up applied and why."""
    inputs = step.inputs
    if step.rule == "price.counted_area":
        fields["result"] = format_area(step.result)
        inner, building = inputs["inner_area"], format_area(inputs["building_area"])
        if inner is not None:
            fields["basis"] = pick(
                lang, f"建筑面积{building}平方米，套内建筑面积{format_area(inner)}平方米",
                f"building area {building} m², inner area {format_area(inner)} m²")
        else:
            share = format_factor(inputs["share"] * 100)
            fields["basis"] = pick(
                lang, f"未注明套内建筑面积，建筑面积{building}平方米×（1−公摊{share}%）",
                f"no inner area given: building area {building} m² × (1 − {share} % shared)")
        return
    excess, most = format_area(inputs["excess"]), format_area(inputs["max_area"])
    if inputs["fixed_price"] is not None:
        price = format_yuan(inputs["fixed_price"])
        how = pick(lang, f"按就近上靠价{price}元/平方米", f"at the round-up price {price} yuan/m²")
    else:
        percent = format_factor(inputs["factor"] * 100)
        how = pick(lang, f"按基准价的{percent}%", f"at {percent} % of the base price")
    if step.result:
        fields["reason"] = pick(
            lang, f"就近上靠：选购单套房源，超出安置面积{excess}平方米，不超过{most}平方米，"
                  f"超出部分全部{how}计算",
            f"round-up: one flat, {excess} m² over the entitlement, within {most} m²: "
            f"the whole excess {how}")
    elif inputs["count"] != 1:
        fields["reason"] = pick(
            lang, f"不适用就近上靠：选购{inputs['count']}套房源（仅限单套），超出部分按档计算",
            f"no round-up: {inputs['count']} flats (one flat only), the excess by the tiers")
    else:
        fields["reason"] = pick(
            lang, f"不适用就近上靠：超出安置面积{excess}平方米，超过{most}平方米，超出部分按档计算",
            f"no round-up: {excess} m² over the entitlement, more than {most} m², "
            "the excess by the tiers")


def _counted(step: TraceStep, lang: int) -> str:
    """Whom the rule counted, where it matters: the rule counts people, or a term of its
    condition is a person fact (an age, a condition). Empty otherwise, as in the notice."""
    people = step.inputs.get("per") in ("person", "certificate")
    if not (people or any(t.field in PERSON_FIELDS for t in step.inputs["terms"])):
        return ""
    words = _WORDS[step.inputs["members"]][lang]
    if step.rule == "group.test":
        return pick(lang, f"，{words}", f", {words}")
    return pick(lang, f"（{words}）", f" ({words})")


def _price_basis(inputs: dict[str, Any], lang: int) -> str:
    """How a line's unit price was made: its price, each factor and the floor increment.

    E.g. 基准价4,000.00元×档次系数1.5×楼层系数1.02×朝向（南北）系数1.02，楼层差价每平方米+100.00元
    — the composition of :mod:`allocation.rules.pricing`, so that a reader can redo the sum.
    The floor factor is always shown (as it always was); an orientation factor of 1 and a
    floor increment of 0 change nothing and are left out, so a sheet of a policy without
    them reads as before and still fits its page.
    """
    fixed, factor = inputs["fixed_price"], inputs["factor"]
    if fixed is not None:
        parts = [pick(lang, f"定价{format_yuan(fixed)}元", f"fixed {format_yuan(fixed)} yuan")]
    else:
        base = format_yuan(inputs["base_price"])
        parts = [pick(lang, f"基准价{base}元", f"base {base} yuan")]
        if inputs["code"] == "tier":
            parts.append(pick(lang, f"档次系数{format_factor(factor)}",
                              f"tier factor {format_factor(factor)}"))
        if inputs["code"] == "round_up":
            parts.append(pick(lang, f"就近上靠系数{format_factor(factor)}",
                              f"round-up factor {format_factor(factor)}"))
    floor = format_factor(inputs["floor_factor"])
    parts.append(pick(lang, f"楼层系数{floor}", f"floor factor {floor}"))
    facing, name = format_factor(inputs["orientation_factor"]), inputs["orientation"]
    if inputs["orientation_factor"] != 1:
        parts.append(pick(lang, f"朝向（{name}）系数{facing}" if name else f"朝向系数{facing}",
                          f"orientation ({name}) factor {facing}" if name
                          else f"orientation factor {facing}"))
    text = pick(lang, "×".join(parts), " × ".join(parts))
    increment = inputs["floor_increment"]
    if increment:
        change = f"{'-' if increment < 0 else '+'}{format_yuan(abs(increment))}"
        text += pick(lang, f"，楼层差价每平方米{change}元", f", floor increment {change} yuan/m²")
    return text


def _step_value(key: str, value: Any, lang: int, money: bool) -> str:
    if key == "terms":
        marks = [pick(lang, f"{term_text(t, lang)}（{value_text(t.fact, lang)}）",
                      f"{term_text(t, lang)} ({value_text(t.fact, lang)})")
                 + ("✓" if t.holds else "✗") for t in value]
        return pick(lang, "；", "; ").join(marks) or pick(lang, "适用于所有家庭",
                                                         "every household")
    if key == "by_category":
        return pick(lang, "，", ", ").join(
            pick(lang, f"{name or '每人'}{format_area(area)}平方米×{count}",
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
    return value_text(value, lang)
