"""Deterministic demo casework for the demo register: teams, visits, requests, cases, progress.

Built on :func:`allocation.demo.demo_households` so that it fits them: five
working groups of eight staff (four pairs, about ten households a pair),
two to six visits per household since June, about thirty requests (诉求,
most answered within days, a few still open, two of them long overdue) and
a dozen suggestions (建议) from the hearings, special cases that follow the
registered facts (new members, conditions) plus sixteen second-child quotas
and forty-odd price-difference requests, and the progress of every
household up to :data:`~allocation.demo.DEMO_TODAY` (some moving out that
very day, so the daily report has something to say).

Randomness comes only from ``random.Random(CASEWORK_SEED)``; equal calls
give equal data on every computer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from allocation.casework import FlagKind, FlagStatus, RequestKind, VisitMethod
from allocation.demo.register import DEMO_TODAY
from allocation.registry import Condition, Household

CASEWORK_SEED: Final = 20260601
WORK_START: Final = date(2026, 6, 1)
TEAM_NAMES: Final = ("第一工作组", "第二工作组", "第三工作组", "第四工作组", "第五工作组")
STAFF_PER_TEAM: Final = 8
SECOND_CHILD_HOUSEHOLDS: Final = 16
PRICE_DIFFERENCE_HOUSEHOLDS: Final = 42
MOVED_TODAY: Final = 3

_SURNAMES: Final = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
_GIVEN: Final = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
                 "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "文", "华", "红",
                 "建华", "晓东", "海燕", "志强", "丹", "雪", "亮", "婷", "斌", "宇", "玲")

_BEFORE_SIGNING: Final = (
    "宣讲征收补偿政策，发放政策问答手册", "核对家庭人口、户籍和房屋产权资料",
    "测算补偿金额，解释安置面积的计算方法", "了解户主顾虑：过渡期住房和老人照顾",
    "陪同查看安置房样板间和小区规划", "解答产权调换与货币补偿的区别",
    "户主对面积测量有疑问，约定复核", "家庭内部意见不一，约定下周再谈",
)
_AFTER_SIGNING: Final = (
    "协助联系搬家公司，确定腾房日期", "回访搬迁情况，发放过渡费", "核对腾空房屋，办理交房手续",
)
_REQUESTS: Final = (
    ("希望安置房在六层以下，方便老人出行", "按分房方案，70岁以上老人户优先选一、二层房源"),
    ("询问过渡费的发放时间和标准", "过渡费按月发放，每人每月500元，随搬迁进度于次月10日前到账"),
    ("要求复核原住房面积测量结果", "已安排测绘单位上门复核，结果与原测量一致"),
    ("询问补差价能否分期支付", "可在交房前分两期支付，已发放分期付款说明"),
    ("希望与父母安置在同一单元", "选房时可按相邻顺序号同日选房，已登记意向"),
    ("咨询残疾人补助如何申领", "凭残疾证复印件到指挥部登记，补助随协议一并结算"),
    ("要求提前告知选房时间", "选房时间将提前15日公告并电话通知"),
    ("询问搬迁奖励的截止日期", "按期签约并腾房的，奖励按方案第十二条执行"),
    ("希望选择南北通透户型", "南北通透户型房源占六成，按顺序号选房"),
    ("反映临时住所离孩子学校太远", "已协调周边公租房两套供选择"),
    ("询问新增人口的认定材料", "需提供出生证明和户口本，已一次性告知"),
    ("要求解释安置面积为何少于预期", "已逐项说明认定人口和合法面积的计算"),
)
_SUGGESTIONS: Final = (
    "建议选房当天设老人专用通道", "建议公示房源时附户型图", "建议延长周末接待时间",
    "建议设立政策咨询热线", "建议摇号时邀请居民代表监督", "建议安置小区配建社区食堂",
    "建议过渡期集中安排租房信息", "建议公开每日签约进度", "建议增加无障碍电梯",
    "建议搬迁期间加强旧房安保", "建议选房前组织看房开放日", "建议协议文本提供大字版",
)


@dataclass(frozen=True, slots=True)
class DemoVisit:
    code: str
    visited_on: date
    method: VisitMethod
    visitors: str
    summary: str


@dataclass(frozen=True, slots=True)
class DemoRequest:
    code: str
    kind: RequestKind
    text: str
    received_on: date
    answer: str = ""
    answered_by: str = ""
    answered_on: date | None = None
    closed_on: date | None = None


@dataclass(frozen=True, slots=True)
class DemoFlag:
    code: str
    kind: FlagKind
    status: FlagStatus
    raised_on: date
    decided_on: date | None
    note: str = ""


@dataclass(slots=True)
class DemoCasework:
    """Everything the demo's office has done, as plain data keyed by household code."""

    teams: dict[str, tuple[str, ...]]  # team -> staff names (the leader first)
    pairs: dict[str, tuple[str, str, str]]  # code -> (team, first, second)
    registered: dict[str, date] = field(default_factory=dict)
    verified: dict[str, date] = field(default_factory=dict)
    moved_out: dict[str, date] = field(default_factory=dict)
    visits: list[DemoVisit] = field(default_factory=list)
    requests: list[DemoRequest] = field(default_factory=list)
    flags: list[DemoFlag] = field(default_factory=list)


def demo_casework(households: list[Household]) -> DemoCasework:
    """The demo's casework for ``households`` (the demo register, in code order)."""
    rng = random.Random(CASEWORK_SEED)
    teams = _teams(rng)
    work = DemoCasework(teams, _pairs(households, teams))
    for household in households:
        _progress(rng, work, household)
        work.visits += _visits(rng, work, household)
    _moved_today(rng, work, households)
    work.requests = _requests(rng, work, households)
    work.flags = _flags(rng, households)
    return work


def _teams(rng: random.Random) -> dict[str, tuple[str, ...]]:
    taken: set[str] = set()
    teams = {}
    for team in TEAM_NAMES:
        names: list[str] = []
        while len(names) < STAFF_PER_TEAM:
            name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
            if name not in taken:
                taken.add(name)
                names.append(name)
        teams[team] = tuple(names)
    return teams


def _pairs(households: list[Household], teams: dict[str, tuple[str, ...]],
           ) -> dict[str, tuple[str, str, str]]:
    """Consecutive codes go to one pair, as offices split a street among pairs."""
    slots = [(team, staff[i], staff[i + 1]) for team, staff in teams.items()
             for i in range(0, len(staff), 2)]
    share = -(-len(households) // len(slots))  # ceiling
    return {h.code: slots[i // share] for i, h in enumerate(households)}


def _progress(rng: random.Random, work: DemoCasework, household: Household) -> None:
    code = household.code
    work.registered[code] = WORK_START - timedelta(days=rng.randint(5, 25))
    verified = work.registered[code] + timedelta(days=rng.randint(7, 35))
    if household.signed_on is not None:
        verified = min(verified, household.signed_on - timedelta(days=1))
    if household.signed_on is not None or rng.random() < 0.8:
        work.verified[code] = verified
    if household.signed_on is not None and rng.random() < 0.72:
        moved = household.signed_on + timedelta(days=rng.randint(3, 30))
        if moved < DEMO_TODAY:
            work.moved_out[code] = moved


def _moved_today(rng: random.Random, work: DemoCasework, households: list[Household]) -> None:
    """A few signed households move out on the report day itself."""
    waiting = [h.code for h in households if h.signed_on and h.code not in work.moved_out]
    for code in rng.sample(waiting, min(MOVED_TODAY, len(waiting))):
        work.moved_out[code] = DEMO_TODAY


def _visits(rng: random.Random, work: DemoCasework, household: Household) -> list[DemoVisit]:
    _team, first, second = work.pairs[household.code]
    signed = household.signed_on
    end = signed if signed is not None else DEMO_TODAY
    count = rng.randint(2, 4) if signed is not None else rng.randint(3, 6)
    span = max(1, (end - WORK_START).days)
    days = sorted(WORK_START + timedelta(days=rng.randrange(span)) for _ in range(count))
    visits = [DemoVisit(household.code, day, _method(rng), _visitors(rng, first, second),
                        rng.choice(_BEFORE_SIGNING)) for day in days]
    moved = work.moved_out.get(household.code)
    if signed is not None and moved is not None:
        visits.append(DemoVisit(household.code, moved, VisitMethod.HOME, f"{first}、{second}",
                                rng.choice(_AFTER_SIGNING)))
    return visits


def _method(rng: random.Random) -> VisitMethod:
    return rng.choices(list(VisitMethod), (60, 28, 10, 2))[0]


def _visitors(rng: random.Random, first: str, second: str) -> str:
    return f"{first}、{second}" if rng.random() < 0.7 else rng.choice((first, second))


def _requests(rng: random.Random, work: DemoCasework,
              households: list[Household]) -> list[DemoRequest]:
    """About thirty requests, most answered within a week, and a dozen suggestions."""
    codes = [h.code for h in households]
    found = []
    for index in range(31):
        text, answer = _REQUESTS[index % len(_REQUESTS)]
        code = rng.choice(codes)
        received = _received(rng, index)
        request = DemoRequest(code, RequestKind.REQUEST, text, received)
        if index >= 5:
            request = _answered(rng, work, request, answer, today=index < 7)
        found.append(request)
    for index, text in enumerate(_SUGGESTIONS):
        received = date(2026, 7, 4) + timedelta(days=14 * (index % 7))  # seven hearings
        request = DemoRequest(rng.choice(codes), RequestKind.SUGGESTION, text, received)
        found.append(_answered(rng, work, request, "已采纳，纳入工作方案"))
    return found


def _received(rng: random.Random, index: int) -> date:
    if index < 3:
        return DEMO_TODAY  # the day's new requests
    if index < 7:
        # Two long overdue and left open; two from last week answered on the report day.
        return DEMO_TODAY - timedelta(days=(11, 19, 2, 4)[index - 3])
    return date(2026, 7, 1) + timedelta(days=rng.randrange((DEMO_TODAY - date(2026, 7, 1)).days))


def _answered(rng: random.Random, work: DemoCasework, request: DemoRequest,
              answer: str, *, today: bool = False) -> DemoRequest:
    answered = request.received_on + timedelta(days=rng.choice((0, 1, 1, 2, 3, 5, 8)))
    if today:
        answered = DEMO_TODAY
    if answered > DEMO_TODAY:
        return request
    _team, first, _second = work.pairs[request.code]
    closed = answered + timedelta(days=rng.randint(1, 10)) if rng.random() < 0.6 else None
    return DemoRequest(request.code, request.kind, request.text, request.received_on, answer,
                       first, answered, closed if closed and closed <= DEMO_TODAY else None)


_HARDSHIP: Final = {
    Condition.SERIOUS_ILLNESS: FlagKind.SERIOUS_ILLNESS,
    Condition.EXTREME_HARDSHIP: FlagKind.EXTREME_HARDSHIP,
    Condition.LOW_INCOME: FlagKind.LOW_INCOME,
    Condition.DISABILITY: FlagKind.DISABILITY,
}


def _flags(rng: random.Random, households: list[Household]) -> list[DemoFlag]:
    flags = []
    for household in households:
        for condition, kind in _HARDSHIP.items():
            if condition in household.conditions:
                flags.append(_flag(rng, household.code, kind, decided=0.9))
        new = [m for m in household.members if m.new_member]
        if new:
            flags.append(_flag(rng, household.code, FlagKind.NEW_MEMBER,
                               decided=1.0 if all(m.recognised for m in new) else 0.0,
                               note=f"新增人口：{new[0].relation}"))
    families = [h.code for h in households if len(h.members) >= 3]
    for code in rng.sample(families, SECOND_CHILD_HOUSEHOLDS):
        flags.append(_flag(rng, code, FlagKind.SECOND_CHILD, decided=0.8))
    for code in rng.sample([h.code for h in households], PRICE_DIFFERENCE_HOUSEHOLDS):
        flags.append(_flag(rng, code, FlagKind.PRICE_DIFFERENCE, decided=0.6,
                           note=f"申请超出安置面积{rng.choice((5, 8, 10, 15))}平方米内按档补差价"))
    return flags


def _flag(rng: random.Random, code: str, kind: FlagKind, *, decided: float,
          note: str = "") -> DemoFlag:
    raised = date(2026, 6, 10) + timedelta(days=rng.randrange(100))
    if rng.random() < decided:
        return DemoFlag(code, kind, FlagStatus.APPROVED, raised,
                        raised + timedelta(days=rng.randint(5, 20)), note)
    status = FlagStatus.REVIEWING if rng.random() < 0.7 else FlagStatus.CLAIMED
    return DemoFlag(code, kind, status, raised, None, note)
