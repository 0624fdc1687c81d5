"""A household's chances as its papers print them: the table per layout and the words that go
with it (the 选房通知书 and the 选房机会估算单 print the same figures the same way).

Per layout it may take: the flats, the households ahead that may take one,
the guaranteed bound and the replayed estimate (in per cent, half up), then
what each column means, that it is an estimate and never a promise, and the
method, the number of replays and the seed, so that anyone may re-run it.
"""

from __future__ import annotations

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from allocation.chances import HouseholdChances
from printouts.document import data_table, escape

HEADER = ("户型", "可选房源（套）", "排在您户之前<br/>可选该户型的户数", "至少剩余（套）",
          "测算有房概率")
WIDTHS = tuple(w * mm for w in (38, 28, 40, 28, 30))


def chances_rows(found: HouseholdChances) -> list[list[object]]:
    """One row a layout: layout, flats, households ahead, guaranteed, estimate."""
    return [[escape(line.layout), str(line.flats), str(line.ahead), str(line.guaranteed),
             f"{line.percent}%"] for line in found.layouts]


def chances_table(found: HouseholdChances, styles: StyleSheet1) -> Flowable:
    return data_table(HEADER, chances_rows(found), WIDTHS, ("CENTER",) * 5, styles)


def estimate_words(*, replays: int, method: str, seed: str) -> str:
    """What the columns mean, that it is an estimate, and how to re-run it (markup)."""
    return ("至少剩余：无论排在前面的户如何选择都留给您户的套数。测算有房概率：按各户登记的"
            f"选房意向模拟选房{replays}次，轮到您户时仍有该户型的比例，"
            "只是估计，以选房当日剩余房源为准。"
            f"测算方法 {escape(method)}，种子 {escape(seed)}"
            "（由摇号记录生成，可重算核对）。")


def chances_section(found: HouseholdChances | None, styles: StyleSheet1, *, replays: int,
                    method: str, seed: str) -> list[Flowable]:
    """The heading line, the table and the words; nothing when there is no figure."""
    if found is None or not found.layouts:
        return []
    return [Paragraph("选房参考（测算，不是承诺）：", styles["Clause"]),
            chances_table(found, styles),
            Paragraph(estimate_words(replays=replays, method=method, seed=seed),
                      styles["Small"])]
