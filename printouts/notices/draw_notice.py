"""摇号结果公示 (kind ``notice-draw``): the sealed draw record as a public notice.

The notice prints what a reader needs to check the draw themselves: the
announced random sources and their canonical form, the key string, the
method, the full record and pool SHA-256, the witnesses, the final order
(heads masked) and how to verify, by program or by hand. It takes the
record dict of :mod:`allocation.verify` as stored, never recomputes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.registry import mask_name
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
    zh_datetime,
)
from printouts.notices.notice_parts import counter_bytes, hash_box, hash_name, heading, method_text
from printouts.notices.publication import Publication, notice_ending

STEPS_SHOWN = 3


def drawn_at_text(value: object) -> str:
    """``2026年11月20日 10:00`` for an ISO time; the text as it is otherwise."""
    try:
        return zh_datetime(datetime.fromisoformat(str(value)))
    except ValueError:
        return clean(value) or DASH


class DrawNotice(BaseDocument):
    """摇号结果公示: basis and hashes, sources and key, final order, how to verify, objection."""

    kind = "notice-draw"
    title = "摇号结果公示"

    ORDER_HEADER = ("顺序号", "户号", "户主", "优先组", "摇号位次")
    ORDER_WIDTHS = tuple(w * mm for w in (22, 30, 30, 62, 30))
    ORDER_ALIGN: tuple[Align, ...] = ("CENTER", "CENTER", "CENTER", "LEFT", "CENTER")
    SOURCE_HEADER = ("序号", "公布的随机源", "规范形式")
    SOURCE_WIDTHS = tuple(w * mm for w in (14, 80, 80))
    STEP_HEADER = ("步", "序号 C", "摘要（十六进制）", "剩余户数", "余数", "选中名单序号")
    STEP_WIDTHS = tuple(w * mm for w in (10, 16, 82, 20, 20, 26))

    def __init__(
        self,
        info: DocumentInfo,
        record: Mapping[str, Any],
        names: Mapping[str, str],
        publication: Publication,
    ) -> None:
        super().__init__(info)
        self.record = record
        self.names = names
        self.publication = publication
        self.pool = {entry["code"]: entry for entry in record["pool"]}
        # 摇号位次: where each pool position was selected (1 = first drawn).
        self.lottery_rank = {pos: n for n, pos in enumerate(record["lottery_order"], start=1)}

    def _story(self) -> list[Flowable]:
        return [
            *self._section_intro(),
            *self._section_basis(),
            *self._section_sources(),
            *self._section_order(),
            *self._section_verify(),
            *self._section_objection(),
        ]

    def _section_intro(self) -> list[Flowable]:
        r = self.record
        text = (
            f"本项目于{escape(drawn_at_text(r.get('drawn_at')))}以事先公布的公开随机源进行摇号，"
            f"对已公示的摇号名单共{len(r['pool'])}户确定选房顺序。现将摇号依据、随机源、"
            "校验码和选房顺序予以公示，任何人均可按本公示所列方法自行验证。"
            "为保护个人信息，户主姓名已作部分隐去处理。"
        )
        return [Paragraph(text, self.styles["Body"]), Spacer(1, 2 * mm)]

    def _section_basis(self) -> list[Flowable]:
        r = self.record
        witnesses = "；".join(
            f"{clean(w.get('role'))}：{clean(w.get('name'))}" for w in r.get("witnesses") or []
        )
        rows = [
            ("摇号算法", method_text(str(r["method"]))),
            ("摇号时间", drawn_at_text(r.get("drawn_at"))),
            ("操作员", clean(r.get("operator")) or DASH),
            ("见证人", witnesses or DASH),
            ("记录 SHA-256", str(r["record_sha256"])),
            ("名单 SHA-256", str(r["pool_sha256"])),
            ("方案 SHA-256", str(r.get("policy_sha256") or DASH)),
        ]
        return [*heading("一、摇号依据与校验码", self.styles), hash_box(rows, self.width)]

    def _section_sources(self) -> list[Flowable]:
        rows = [
            [str(n), cell(redact_ids(s["announced"]), self.styles),
             cell(s["canonical"], self.styles)]
            for n, s in enumerate(self.record["sources"], start=1)
        ]  # fmt: skip
        table = data_table(self.SOURCE_HEADER, rows, self.SOURCE_WIDTHS,
                           ("CENTER", "LEFT", "LEFT"), self.styles)  # fmt: skip
        key = hash_box([("种子串（密钥）K", cell(self.record["key"], self.styles))], self.width)
        return [*heading("二、随机源与种子串", self.styles), table, Spacer(1, 2 * mm), key]

    def _section_order(self) -> list[Flowable]:
        rows = [self._order_row(n, code) for n, code in enumerate(self.record["final_order"], 1)]
        table = data_table(self.ORDER_HEADER, rows, self.ORDER_WIDTHS, self.ORDER_ALIGN,
                           self.styles)  # fmt: skip
        note = Paragraph(
            "选房顺序按优先组依次排列；组内按分房方案规定的排序依据排列，其余按摇号位次排列。"
            "“摇号位次”为该户在摇号中被选中的先后。",
            self.styles["Small"],
        )
        return [*heading("三、选房顺序", self.styles), note, Spacer(1, 1.5 * mm), table]

    def _order_row(self, number: int, code: str) -> list[object]:
        entry = self.pool.get(code, {})
        group = redact_ids(entry.get("group"))
        rank = self.lottery_rank.get(entry.get("position"))
        return [
            str(number), redact_ids(code), mask_name(clean(self.names.get(code, ""))) or DASH,
            cell(group, self.styles) if group else DASH, str(rank) if rank else DASH,
        ]  # fmt: skip

    def _section_verify(self) -> list[Flowable]:
        body = self.styles["Body"]
        method = str(self.record["method"])
        size = {2: "两字节", 4: "四字节"}.get(counter_bytes(method), "")
        story: list[Flowable] = [
            *heading("四、如何验证", self.styles),
            Paragraph(
                "用程序验证：取得与本公示一并公布的摇号记录文件 draw.json，在任何装有 Python 3 的"
                '电脑上运行 “python3 -m allocation.verify draw.json”，'
                "程序逐项核对随机源、种子串、逐步计算、摇号顺序、选房顺序和记录校验码，"
                "全部显示 OK 即结果无误。",
                body,
            ),
            Paragraph(
                f"手工验证：第 C 步（C 从 0 起）计算 {hash_name(method)}({size}序号 C‖种子串 K‖"
                f"{size}序号 C)，把摘要看作一个整数除以尚未选中的户数，余数为 r，"
                "则在尚未选中的名单序号中从小到大数第 r+1 个即为本步选中的户。",
                body,
            ),
        ]
        steps = self.record.get("steps")
        if steps:
            story += [Spacer(1, 1.5 * mm), self._steps_table(steps[:STEPS_SHOWN]),
                      Paragraph(f"上表为逐步计算表的前{min(STEPS_SHOWN, len(steps))}步，"
                                f"全表共{len(steps)}步，见摇号记录文件。",
                                self.styles["Small"])]  # fmt: skip
        return story

    def _steps_table(self, steps: list[Mapping[str, Any]]) -> Flowable:
        rows = [
            [str(s["counter"] + 1), str(s["counter"]), cell(str(s["digest_hex"]), self.styles),
             str(s["divisor"]), str(s["remainder"]), str(s["selected"])]
            for s in steps
        ]  # fmt: skip
        align: tuple[Align, ...] = ("CENTER",) * 6
        return data_table(self.STEP_HEADER, rows, self.STEP_WIDTHS, align, self.styles)

    def _section_objection(self) -> list[Flowable]:
        return [
            Spacer(1, 3 * mm),
            notice_ending(self.publication, self.styles),
        ]
