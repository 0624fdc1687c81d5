"""Words shared by the printed texts: fields, operators, values, conditions; Chinese and English.

The texts built from them, the rules notice (:mod:`allocation.rules_text`)
and the trace (:mod:`allocation.explain`), are printed documents, not
interface wording: they must read the same on every computer and follow from
the frozen policy alone (like the verifier's labels), so they live beside the
rules rather than in ``desktop/``'s translations. Chinese follows the style
of published notices (一、…（一）…, 4,000元/平方米); English is for readers who
check the rules in English. Index 0 of each pair is Chinese, 1 English (see
:func:`lang_index`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from allocation.money import format_area
from allocation.registry import CONDITION_ZH, OLD_HOME_USE_ZH, Condition, OldHomeUse
from allocation.rules.conditions import Criteria, Term, TermResult

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
    "old_home_use": ("原房屋用途", "old home use"),
    "in_transition_housing": ("在周转用房过渡", "waits in transition housing"),
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
_DATE_OPS = {">=": ("不早于", "on or after"), ">": ("晚于", "after"),
             "<=": ("不晚于", "on or before"), "<": ("早于", "before")}


def lang_index(lang: str) -> int:
    """0 for ``"zh"``, 1 for anything else (English): the index into each word pair."""
    return 0 if lang == "zh" else 1


def pick(lang: int, zh: str, en: str) -> str:
    """``zh`` for ``lang`` 0, ``en`` otherwise."""
    return zh if lang == 0 else en


def value_text(value: Any, lang: int) -> str:
    """A fact or a term's value in words: lists joined, yes/no, areas, dates, condition names."""
    if isinstance(value, tuple):
        return pick(lang, "、", ", ").join(value_text(v, lang) for v in value)
    if isinstance(value, bool):
        return pick(lang, "是", "yes") if value else pick(lang, "否", "no")
    if isinstance(value, Decimal):
        return format_area(value)
    if isinstance(value, date):
        return pick(lang, f"{value.year}年{value.month}月{value.day}日", value.isoformat())
    if isinstance(value, frozenset):
        names = tuple(sorted(_condition_word(v, lang) for v in value))
        return value_text(names, lang) if names else pick(lang, "无", "none")
    return "—" if value is None else str(value)


def _condition_word(name: str, lang: int) -> str:
    return CONDITION_ZH[Condition(name)] if lang == 0 else name.replace("_", " ")


def term_text(term: Term | TermResult, lang: int) -> str:
    """One term in words, e.g. 家庭成员最大年龄≥70周岁 (``lang`` 0 Chinese, 1 English)."""
    if term.op == "has":
        name = _condition_word(term.value, lang)
        return pick(lang, f"有{name}情形", f"has {name}")
    label = FIELD_WORDS[term.field][lang]
    if isinstance(term.value, bool):
        positive = (term.op == "==") == term.value
        return label if positive else pick(lang, f"非“{label}”", f"not: {label}")
    if term.field == "old_home_use":
        return _use_text(term, label, lang)
    unit, gap = _UNITS.get(term.field, ("", ""))[lang], pick(lang, "", " ")
    tail = pick(lang, "之一", "") if term.op == "in" else ""
    # Dates read as 不早于/不晚于 in an office's Chinese, not as ≥ and ≤.
    op = _DATE_OPS.get(term.op) if isinstance(term.value, date) else None
    word = (op or _OPS[term.op])[lang]
    return f"{label}{gap}{word}{gap}{value_text(term.value, lang)}{unit}{tail}"


def _use_text(term: Term | TermResult, label: str, lang: int) -> str:
    """原房屋用途为非住宅: the use in words, not its JSON name (a term's value is unchecked
    text, so an unknown one is shown as written)."""
    values = term.value if isinstance(term.value, tuple) else (term.value,)
    words = [(OLD_HOME_USE_ZH[OldHomeUse(v)] if lang == 0 else v.replace("_", "-"))
             if v in set(OldHomeUse) else str(v) for v in values]
    word, gap = _OPS[term.op][lang], pick(lang, "", " ")
    tail = pick(lang, "之一", "") if term.op == "in" else ""
    return f"{label}{gap}{word}{gap}{pick(lang, '、', ', ').join(words)}{tail}"


def criteria_text(criteria: Criteria, lang: int) -> str:
    """A condition in words; nested conditions in brackets."""
    if not criteria.items:
        return (pick(lang, "所有家庭", "everyone") if criteria.mode == "all"
                else pick(lang, "无", "no one"))
    joiner = pick(lang, "且", " and ") if criteria.mode == "all" else pick(lang, "或", " or ")
    return joiner.join(term_text(i, lang) if isinstance(i, Term)
                       else pick(lang, "（{}）", "({})").format(criteria_text(i, lang))
                       for i in criteria.items)
