"""分房方案公示 (kind ``notice-rules``): the frozen policy as readable text, with its full SHA-256.

The text is :func:`allocation.rules.policy_text` output, passed in as
a string: one paragraph per line, lines opening with 一、二、… set as
headings, the lines before the first heading (the policy's title and
version) centred. The hash is printed whole with how anyone can check it
against the canonical JSON published with the notice.
"""

from __future__ import annotations

import re
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from printouts.document import BaseDocument, DocumentInfo, clean, escape
from printouts.notices.notice_parts import hash_box, heading
from printouts.notices.publication import Publication, notice_ending

_HEADING: Final = re.compile(r"[一二三四五六七八九十]+、")
# policy_text ends with the hash line; the notice prints the hash in its own box instead.
_HASH_LINE: Final = re.compile(r"SHA-256[:：]\s*[0-9a-f]{64}\s*$")
_SHA256: Final = re.compile(r"[0-9a-f]{64}")


class RulesNotice(BaseDocument):
    """分房方案公示: intro, the policy text, its SHA-256 and how to check it, objection period."""

    kind = "notice-rules"
    title = "分房方案公示"

    def __init__(
        self, info: DocumentInfo, rules_text: str, policy_sha256: str, publication: Publication
    ) -> None:
        super().__init__(info)
        if not _SHA256.fullmatch(policy_sha256):
            raise ValueError(f"policy_sha256 must be 64 lower-case hex digits: {policy_sha256!r}")
        self.lines = [clean(line) for line in rules_text.splitlines() if clean(line)]
        self.policy_sha256 = policy_sha256
        self.publication = publication

    def _story(self) -> list[Flowable]:
        return [
            *self._section_intro(),
            *self._section_rules(),
            *self._section_hash(),
            *self._section_objection(),
        ]

    def _section_intro(self) -> list[Flowable]:
        return [
            Paragraph(
                "本项目分房方案已经审定并冻结，现将方案全文予以公示，接受群众监督。"
                "方案冻结后不再修改；如需调整，将另行公示新版本及其校验码。",
                self.styles["Body"],
            ),
            Spacer(1, 2 * mm),
        ]

    def _section_rules(self) -> list[Flowable]:
        body, subtitle = self.styles["Body"], self.styles["Subtitle"]
        story: list[Flowable] = []
        seen_heading = False
        for line in self.lines:
            if _HASH_LINE.search(line):
                continue
            if _HEADING.match(line):
                seen_heading = True
                story += heading(line, self.styles)
            elif not seen_heading:
                story.append(Paragraph(escape(line), subtitle))
            else:
                story.append(Paragraph(escape(line), body))
        return story

    def _section_hash(self) -> list[Flowable]:
        width = self.pagesize[0] - self.left_margin - self.right_margin
        return [
            *heading("方案校验码（SHA-256）", self.styles),
            hash_box([("方案 SHA-256", self.policy_sha256)], width),
            Spacer(1, 2 * mm),
            Paragraph(
                "本方案的规范文本（canonical JSON 文件）与本公示一并公布。任何人均可在任意电脑上"
                "用 SHA-256 工具（如 sha256sum 命令）对该文件重新计算，结果与上列校验码完全一致，"
                "即证明本公示的方案与冻结、执行的方案相同，未被改动。",
                self.styles["Body"],
            ),
        ]

    def _section_objection(self) -> list[Flowable]:
        return [
            Spacer(1, 2 * mm),
            notice_ending(self.publication, self.styles),
        ]
