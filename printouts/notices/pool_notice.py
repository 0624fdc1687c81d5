"""摇号名单公示 (kind ``notice-pool``): the numbered lottery pool, its SHA-256, method and sources.

Posted before the draw: the numbering (序号) is what the draw selects, so
it must be fixed and public first. The pool's SHA-256 lets anyone check
later that the draw used exactly this list. Heads are masked. Households
that chose money compensation (货币补偿) take no flat and are not drawn: the
notice says how many were left out for that reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.registry import mask_name
from allocation.rules import PoolEntry
from printouts.document import (
    DASH,
    Align,
    BaseDocument,
    DocumentInfo,
    cell,
    clean,
    data_table,
    escape,
    redact_ids,
)
from printouts.notices.notice_parts import hash_box, heading, method_text
from printouts.notices.publication import Publication, notice_ending

LOTTERY_ONLY = "摇号顺序"


def sort_basis(entry: PoolEntry) -> str:
    """The group-internal sort value as published (leading zeros dropped), or 摇号顺序."""
    key = clean(entry.sort_key)
    if not key:
        return LOTTERY_ONLY
    return (key.lstrip("0") or "0") if key.isdigit() else redact_ids(key)


class PoolNotice(BaseDocument):
    """摇号名单公示: intro, hash and method, the numbered pool, group counts, objection period."""

    kind = "notice-pool"
    title = "摇号名单公示"

    HEADER = ("序号", "户号", "户主", "优先组", "组内排序依据")
    WIDTHS = tuple(w * mm for w in (20, 30, 30, 62, 32))
    ALIGN: tuple[Align, ...] = ("CENTER", "CENTER", "CENTER", "LEFT", "CENTER")

    def __init__(
        self,
        info: DocumentInfo,
        entries: Sequence[PoolEntry],
        names: Mapping[str, str],
        pool_sha256: str,
        method: str,
        sources: Sequence[str],
        publication: Publication,
        *,
        money: int = 0,
    ) -> None:
        super().__init__(info)
        self.money = money
        self.entries = sorted(entries, key=lambda e: e.position)
        self.names = names
        self.pool_sha256 = pool_sha256
        self.method = method
        self.sources = [clean(s) for s in sources if clean(s)]
        self.publication = publication

    def _story(self) -> list[Flowable]:
        return [
            *self._section_intro(),
            *self._section_basis(),
            *self._section_table(),
            *self._section_groups(),
            *self._section_objection(),
        ]

    def _section_intro(self) -> list[Flowable]:
        text = (
            f"依据已公示的分房方案，本项目参加摇号的被安置户共{len(self.entries)}户。"
            f"{self._money_text()}现将摇号名单及其序号予以公示：摇号时按下列序号抽取，名单一经公示不再变动。"
            "为保护个人信息，户主姓名已作部分隐去处理。"
        )
        return [Paragraph(text, self.styles["Body"]), Spacer(1, 2 * mm)]

    def _money_text(self) -> str:
        if not self.money:
            return ""
        return f"另有{self.money}户选择货币补偿，不安置房屋，不参加摇号。"

    def _section_basis(self) -> list[Flowable]:
        width = self.pagesize[0] - self.left_margin - self.right_margin
        sources = "；".join(f"（{n}）{s}" for n, s in enumerate(self.sources, 1)) or "另行公告"
        box = hash_box([
            ("名单 SHA-256", self.pool_sha256),
            ("摇号算法", method_text(self.method)),
            ("随机源", cell(redact_ids(sources), self.styles)),
        ], width)  # fmt: skip
        note = Paragraph(
            "名单 SHA-256 为按序号排列的户号列表（JSON 格式，UTF-8 编码）的校验码，"
            "摇号记录中载有同一数值，任何人均可核对摇号所用名单即本名单。",
            self.styles["Small"],
        )
        return [*heading("一、名单校验码与摇号方法", self.styles), box, Spacer(1, 1.5 * mm), note]

    def _section_table(self) -> list[Flowable]:
        rows = [self._row(entry) for entry in self.entries]
        table: Flowable = data_table(self.HEADER, rows, self.WIDTHS, self.ALIGN, self.styles)
        note = Paragraph(
            f"“组内排序依据”为分房方案规定的组内排序值（如签约顺序号），“{LOTTERY_ONLY}”"
            "表示组内按摇号顺序；排序值相同的按摇号顺序。",
            self.styles["Small"],
        )
        return [*heading("二、摇号名单", self.styles), note, Spacer(1, 1.5 * mm), table]

    def _row(self, entry: PoolEntry) -> list[object]:
        group = redact_ids(entry.group)
        return [
            str(entry.position), redact_ids(entry.code),
            mask_name(clean(self.names.get(entry.code, ""))) or DASH,
            cell(group, self.styles) if group else DASH, sort_basis(entry),
        ]  # fmt: skip

    def _section_groups(self) -> list[Flowable]:
        ranks: dict[str, int] = {}
        for entry in self.entries:
            ranks.setdefault(redact_ids(entry.group) or DASH, entry.group_rank)
        counts = Counter(redact_ids(e.group) or DASH for e in self.entries)
        parts = [f"“{escape(g)}”{counts[g]}户" for g in sorted(counts, key=lambda g: ranks[g])]
        text = f"本名单共{len(self.entries)}户，其中" + "，".join(parts) + "。"
        if self.money:
            text += f"选择货币补偿{self.money}户，未列入本名单。"
        return [Spacer(1, 3 * mm), Paragraph(text, self.styles["Body"])]

    def _section_objection(self) -> list[Flowable]:
        return [
            notice_ending(self.publication, self.styles),
        ]
